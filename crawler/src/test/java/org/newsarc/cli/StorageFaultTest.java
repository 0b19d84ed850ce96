package org.newsarc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged catalog is refused, not written to, and rebuilt by reindex from the WARC files
 * alone; an empty WARC file is reported and skipped (issue 9, 12).
 */
class StorageFaultTest {
  @TempDir
  Path tmp;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int exit = Main.run(new PrintWriter(o), new PrintWriter(e), args);
    return new Run(exit, o.toString(), e.toString());
  }

  private static long captures(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM captures")) {
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  @Test
  void aDamagedCatalogIsRefusedAndReindexRebuildsItFromTheWarcs() throws Exception {
    Path archive = tmp.resolve("a");
    assertEquals(0, run("demo", "--out", archive.toString(), "--delay", "0").exit);
    Path db = archive.resolve("newsarc.db");
    long before = captures(db);
    assertTrue(before > 0);
    long size = Files.size(db);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      // Garbage over every page but the first: b-tree pages no reader can trust.
      byte[] junk = new byte[(int) (size - 4096)];
      java.util.Arrays.fill(junk, (byte) 0x5a);
      f.seek(4096);
      f.write(junk);
    }
    byte[] damaged = Files.readAllBytes(db);
    Run refused = run("archive", "--out", archive.toString(), "--contact",
        "mailto:ops@example.org", "https://example.org/");
    assertEquals(1, refused.exit, refused.out + refused.err);
    assertTrue(refused.err.contains("is damaged") && refused.err.contains("newsarc reindex"),
        refused.err);
    assertTrue(java.util.Arrays.equals(damaged, Files.readAllBytes(db)), "nothing written");

    Files.createFile(archive.resolve("warcs").resolve("newsarc-20260101000000-00099-x.warc.gz"));
    Run rebuilt = run("reindex", "--archive", archive.toString());
    assertTrue(rebuilt.out.contains("fresh one is built"), rebuilt.out + rebuilt.err);
    assertTrue(rebuilt.out.contains("skipped empty WARC file"), rebuilt.out);
    assertEquals(before, captures(db), "every capture is back, none dropped for the empty file");
  }
}
