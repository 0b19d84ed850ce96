package org.newsarc.crawler.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.cli.Main;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;
import org.newsarc.testing.Tmpfs;
import org.newsarc.testing.WarcFiles;

/**
 * {@code archive} on a really full disk (issue 9, 12): the output folder is a 2 MB tmpfs, too
 * small for the 30 pages of about 200 kB each. The run stops with "disk full" and exit code 3,
 * leaves no {@code .open} file and no empty file, every WARC file is valid, and once the file
 * system has room the same command archives every page. Mounting needs root: elsewhere the
 * test is skipped.
 */
class DiskFullArchiveTest {
  static final int PAGES = 30;

  @TempDir
  Path dir;

  @Test
  void aFullDiskStopsArchiveCleanlyAndTheSameCommandResumes() throws Exception {
    Path mnt = dir.resolve("mnt");
    Files.createDirectories(mnt);
    assumeTrue(Tmpfs.mount(mnt, "2m"),
        "mounting a tmpfs needs root");
    try (TestSite site = new TestSite("127.0.13.1")) {
      Random random = new Random(12);
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < PAGES; i++) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 200_000; k++) {
          text.append((char) ('a' + random.nextInt(26)));
        }
        site.route("/p/" + i, Reply.html("<html><body><p>" + text + "</p></body></html>"));
        urls.add(site.url("/p/" + i));
      }
      Path list = dir.resolve("urls.txt");
      Files.write(list, urls);
      Path out = mnt.resolve("out");
      String[] args = {"archive", "--out", out.toString(), "-i", list.toString(),
          "--contact", "https://example.org/newsarc-tests", "--allow-addresses", "127.0.13.1/32",
          "--no-extract"};

      StringWriter err = new StringWriter();
      int exit = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
      assertEquals(3, exit, err.toString());
      assertTrue(err.toString().contains("disk full"), err.toString());
      assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
      Path warcs = out.resolve("warcs");
      List<Path> files;
      try (Stream<Path> s = Files.list(warcs)) {
        files = s.toList();
      }
      for (Path f : files) {
        assertFalse(f.toString().endsWith(".open"), "no unfinished file left: " + f);
        assertTrue(Files.size(f) > 0, "no empty file left: " + f);
      }
      WarcFiles.assertValid(warcs);
      long first = rows(out);
      assertTrue(first > 0 && first < PAGES, "some pages archived before the disk filled: "
          + first);
      int requested = site.hits().size();
      assertTrue(requested < PAGES + 3, "fetching stopped once nothing could be stored: "
          + requested + " requests");

      assertTrue(Tmpfs.resize(mnt, "512m"), "remount");
      StringWriter err2 = new StringWriter();
      assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err2), args),
          err2.toString());
      WarcFiles.assertValid(warcs);
      for (String url : urls) {
        assertTrue(count(out, "SELECT COUNT(*) FROM captures WHERE url = '" + url + "'") >= 1,
            url + " archived after the resume");
      }
      System.out.printf("disk full (tmpfs of 2 MB): exit 3 after %d of %d pages, %d files left,"
          + " none empty or unfinished; after a remount the same command archived all %d%n",
          first, PAGES, files.size(), PAGES);
    } finally {
      Tmpfs.unmount(mnt);
    }
  }

  private static long rows(Path out) throws Exception {
    return count(out, "SELECT COUNT(*) FROM captures");
  }

  private static long count(Path out, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("newsarc.db"));
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.getLong(1);
    }
  }
}
