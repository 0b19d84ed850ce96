package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;
import org.newsarc.testing.Tmpfs;
import org.newsarc.testing.WarcFiles;

/**
 * A crawl on a really full disk (issue 9, 12): its output folder is a 3 MB tmpfs, too small for
 * the 40 articles of about 100 kB each. The crawl stops with "disk full" (whichever of the WARC
 * file and the catalog fills first), and once the file system has room the same crawl resumes
 * and archives each article exactly once. Mounting needs root: elsewhere the test is skipped
 * ({@link DiskFullTest} simulates a full catalog everywhere).
 */
class DiskFullCrawlTest {
  @TempDir
  Path dir;

  @Test
  void aFullDiskStopsTheCrawlCleanlyAndItResumesOnceThereIsRoom() throws Exception {
    Path mnt = dir.resolve("mnt");
    Files.createDirectories(mnt);
    assumeTrue(Tmpfs.mount(mnt, "3m"),
        "mounting a tmpfs needs root");
    try (TestSite site = new TestSite("127.0.13.2")) {
      Random random = new Random(12);
      StringBuilder links = new StringBuilder();
      for (int i = 0; i < 40; i++) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 100_000; k++) {
          text.append((char) ('a' + random.nextInt(26)));
          if (k % 9 == 8) {
            text.append(' ');
          }
        }
        links.append("<a href=\"/s/").append(i).append("\">s</a>");
        site.route("/s/" + i, Reply.html(DiscoveryTest.article("Story " + i + " " + text)));
      }
      site.route("/", Reply.html(links.toString()));
      Path out = mnt.resolve("crawl");
      String yaml = "seeds:\n  urls: [" + site.url("/") + "]\npoliteness:\n  delay: 0s\n"
          + "output:\n  directory: " + out + "\n";
      CrawlSummary full = CrawlHarness.crawl(dir, yaml, -1);
      assertTrue(full.stopReason() != null && full.stopReason().contains("disk full"),
          full.toString());
      long before = count(out, "SELECT COUNT(*) FROM captures WHERE url LIKE '%/s/%'");
      assertTrue(before < 40, "stopped before the end: " + before);

      assertTrue(Tmpfs.resize(mnt, "512m"), "remount");
      CrawlSummary resumed = CrawlHarness.crawl(dir, yaml, -1);
      assertTrue(resumed.stopReason() == null || !resumed.stopReason().contains("disk"),
          resumed.toString());
      Path warcs = out.resolve("warcs");
      try (Stream<Path> s = Files.list(warcs)) {
        s.forEach(f -> assertFalse(f.toString().endsWith(".open"), "unfinished: " + f));
      }
      WarcFiles.assertValid(warcs);
      assertEquals(40, count(out, "SELECT COUNT(*) FROM captures WHERE url LIKE '%/s/%'"),
          "every story archived once after the resume");
      assertEquals(40, count(out, "SELECT COUNT(DISTINCT url) FROM captures WHERE url LIKE"
          + " '%/s/%'"));
      System.out.printf("disk full crawl (tmpfs of 3 MB): stopped with '%s' after %d of 40"
          + " stories; after a remount the same crawl archived each once%n",
          full.stopReason().length() > 80 ? full.stopReason().substring(0, 80) + "..."
              : full.stopReason(), before);
    } finally {
      Tmpfs.unmount(mnt);
    }
  }

  private static long count(Path out, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
        + out.resolve(CrawlDaemon.DATABASE)); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.getLong(1);
    }
  }
}
