package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;

/**
 * A crash between writing an identical-payload revisit and committing it: the page recovered
 * from the WARC at the next start is decided on its whole payload (read from the record the
 * revisit refers to), so its links are followed as if the crawl had not stopped. Two hosts
 * serve the same index page (relative links), so the second host's index is a revisit of the
 * first's; one worker and a long delay make it the second capture of the crawl.
 */
class RevisitRecoveryTest {
  static final int STORIES = 3;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void aRecoveredRevisitFollowsTheLinksOfTheResponseItStandsFor() throws Exception {
    try (TestSite a = CrashConsistencyTest.site("127.0.9.21", STORIES);
        TestSite b = CrashConsistencyTest.site("127.0.9.22", STORIES)) {
      Path config = dir.resolve("crawl.yaml");
      String yaml = "seeds:\n  urls: [" + a.url("/") + ", " + b.url("/") + "]\n"
          + "politeness:\n  workers: 1\n  delay: 400ms\n  response-time-factor: 0\n";
      Files.writeString(config, CrawlHarness.header(yaml) + yaml);

      Process first = CrashConsistencyTest.startCrawl(dir, config, 1, "capture-written:2");
      assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the first run halts");
      assertEquals(CrashPoint.EXIT_CODE, first.exitValue(),
          Files.readString(dir.resolve("child-1.err")));
      assertEquals(1, CrawlHarness.count(dir,
          "SELECT COUNT(*) FROM captures WHERE url='" + a.url("/") + "'"), "a's index committed");
      assertEquals(0, CrawlHarness.count(dir,
          "SELECT COUNT(*) FROM captures WHERE url='" + b.url("/") + "'"),
          "b's index written to the WARC, not committed");

      Process last = CrashConsistencyTest.startCrawl(dir, config, 2, null);
      assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the last run ends when idle");
      String log = Files.readString(dir.resolve("child-2.err"));
      assertEquals(0, last.exitValue(), log);
      assertTrue(log.contains("recovered " + b.url("/")), log);

      assertEquals(1, CrawlHarness.count(dir, "SELECT COUNT(*) FROM captures WHERE url='"
          + b.url("/") + "' AND revisit=1"), "b's index: one row, the revisit");
      for (TestSite site : List.of(a, b)) {
        for (int i = 0; i < STORIES; i++) {
          String url = site.url("/story/" + i);
          assertEquals(1, CrawlHarness.count(dir,
              "SELECT COUNT(*) FROM captures WHERE url='" + url + "'"), url + " archived once");
        }
      }
      CrashConsistencyTest.assertExactlyOnceOver(dir, List.of(a, b), STORIES);
    }
  }
}
