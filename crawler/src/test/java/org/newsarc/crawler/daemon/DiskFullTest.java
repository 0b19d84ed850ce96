package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;
import org.newsarc.crawler.config.ConfigLoader;
import org.newsarc.crawler.config.CrawlConfig;
import org.newsarc.crawler.politeness.Sleeper;

/**
 * A database that cannot grow (as on a full disk; simulated with SQLite's max_page_count) stops
 * the crawl cleanly with "disk full", and the same crawl resumes once there is room (issue 9,
 * 12).
 */
class DiskFullTest {
  @TempDir
  Path dir;

  @Test
  void aFullDatabaseStopsTheCrawlCleanlyAndItResumesLater() throws Exception {
    try (TestSite site = new TestSite("127.0.9.10")) {
      StringBuilder links = new StringBuilder();
      for (int i = 0; i < 40; i++) {
        links.append("<a href=\"/s/").append(i).append("\">s</a>");
        site.route("/s/" + i, Reply.html(DiscoveryTest.article("Story " + i + " "
            + "text ".repeat(400))));
      }
      site.route("/", Reply.html(links.toString()));
      String yaml = "seeds:\n  urls: [" + site.url("/") + "]\npoliteness:\n  delay: 0s\n";
      Path file = dir.resolve("crawl.yaml");
      Files.writeString(file, CrawlHarness.header(yaml) + yaml, StandardCharsets.UTF_8);
      CrawlConfig config = new ConfigLoader().load(file);
      Clock clock = Clock.systemUTC();
      CrawlSummary full;
      try (CrawlDaemon daemon = CrawlDaemon.open(config, SeedLoader.load(config.seeds(), dir),
          dir.resolve(config.output().directory()), "test", clock, Sleeper.SYSTEM)) {
        try (Statement st = daemon.frontier().connection().createStatement()) {
          long pages;
          try (ResultSet rs = st.executeQuery("PRAGMA page_count")) {
            pages = rs.getLong(1);
          }
          st.execute("PRAGMA max_page_count = " + (pages + 4));
        }
        full = daemon.run(new StopSignal(clock, -1, clock.instant().plus(Duration.ofSeconds(60))),
            true);
      }
      assertTrue(full.stopReason() != null && full.stopReason().contains("disk full"),
          full.toString());
      CrawlSummary resumed = CrawlHarness.crawl(dir, yaml, -1);
      assertTrue(resumed.stopReason() == null || !resumed.stopReason().contains("disk"),
          resumed.toString());
      assertEquals(40, CrawlHarness.count(dir, "SELECT COUNT(*) FROM captures WHERE url LIKE"
          + " '%/s/%'"), "every story archived once after the resume");
      assertEquals(40, CrawlHarness.count(dir, "SELECT COUNT(DISTINCT url) FROM captures WHERE"
          + " url LIKE '%/s/%'"));
    }
  }
}
