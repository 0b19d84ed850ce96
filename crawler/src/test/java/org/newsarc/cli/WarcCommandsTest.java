package org.newsarc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.CdxjIndex;

/** {@code newsarc index}, {@code reindex} and {@code export --wacz} on a demo archive. */
class WarcCommandsTest {
  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void indexesRebuildsTheCatalogAndPackagesAWacz() throws Exception {
    Path archive = tmp.resolve("a");
    Run demo = run("demo", "--out", archive.toString(), "--delay", "0");
    assertEquals(0, demo.exit(), demo.out() + demo.err());
    Path warcs = archive.resolve("warcs");
    List<Path> files = CdxjIndex.warcFiles(warcs);
    Path index = CdxjIndex.indexFileFor(files.get(0));
    String written = Files.readString(index);

    Files.delete(index);
    Run indexed = run("index", "--archive", archive.toString(), "--merged",
        tmp.resolve("all.cdxj").toString());
    assertEquals(0, indexed.exit(), indexed.err());
    assertEquals(written, Files.readString(index), "rebuilt as it was written at close");
    assertEquals(written, Files.readString(tmp.resolve("all.cdxj")));

    long articles = count(archive, "SELECT count(*) FROM articles");
    long captures = count(archive, "SELECT count(*) FROM captures");
    Run reindexed = run("reindex", "--archive", archive.toString());
    assertEquals(0, reindexed.exit(), reindexed.out() + reindexed.err());
    assertEquals(captures, count(archive, "SELECT count(*) FROM captures"), reindexed.out());
    assertEquals(articles, count(archive, "SELECT count(*) FROM articles"), reindexed.out());
    assertEquals(articles, count(archive,
        "SELECT count(*) FROM articles a JOIN captures c ON c.id = a.capture_id"
            + " WHERE c.warc_length > 0 AND c.status = 200"));

    Path wacz = tmp.resolve("out/demo.wacz");
    Run exported = run("export", "--archive", archive.toString(), "--wacz", wacz.toString(),
        "--title", "Demo");
    assertEquals(0, exported.exit(), exported.err());
    try (ZipFile zip = new ZipFile(wacz.toFile())) {
      JsonNode pkg = new ObjectMapper().readTree(
          zip.getInputStream(zip.getEntry("datapackage.json")));
      assertEquals("Demo", pkg.get("title").asText());
      assertTrue(zip.getEntry("archive/" + files.get(0).getFileName()) != null);
      List<String> pages = new String(zip.getInputStream(zip.getEntry("pages/pages.jsonl"))
          .readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      assertEquals(articles + 1, pages.size(), "a header line and one line per article page");
      assertTrue(pages.stream().skip(1).allMatch(p -> p.contains("\"title\"")), pages.toString());
    }

    // extract --warc writes the same JSON Lines as extract, one per archived HTML page.
    java.io.PrintStream stdout = System.out;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    Run extracted;
    try {
      System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
      extracted = run("extract", "--warc", warcs.toString());
    } finally {
      System.setOut(stdout);
    }
    assertEquals(0, extracted.exit(), extracted.err());
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(articles, lines.size());
    for (String line : lines) {
      JsonNode json = new ObjectMapper().readTree(line);
      assertTrue(json.get("file").asText().matches(".+\\.warc\\.gz#\\d+"), line);
      assertTrue(json.get("url").asText().startsWith("http://127.0.0.1:"), line);
      assertTrue(json.get("text").asText().length() > 200, line);
      assertTrue(json.get("error") == null, line);
    }

    Run nothing = run("export", "--archive", archive.toString());
    assertEquals(2, nothing.exit(), "neither --dataset nor --wacz is a usage error");
  }

  private static long count(Path archive, String sql) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + archive.resolve("newsarc.db"));
        Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.getLong(1);
    }
  }
}
