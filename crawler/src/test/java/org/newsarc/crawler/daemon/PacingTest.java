package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Hit;
import org.newsarc.crawler.TestSite.Reply;

/**
 * Pacing asked for by the server, measured at the server: the Crawl-delay of robots.txt spaces
 * the first page from robots.txt itself, and 429 with Retry-After never parks a host.
 */
class PacingTest {
  @TempDir
  Path dir;

  @Test
  void theFirstPageAfterRobotsTxtWaitsTheCrawlDelay() throws Exception {
    try (TestSite site = new TestSite("127.0.0.21")) {
      site.route("/robots.txt", Reply.of(200, "text/plain", "User-agent: *\nCrawl-delay: 1\n"));
      site.route("/", Reply.html("<html><body><p>front page</p></body></html>"));
      CrawlHarness.crawl(dir, "seeds:\n  urls: [" + site.url("/") + "]\n"
          + "politeness:\n  delay: 50ms\n", -1);
      List<Hit> robots = site.hits("/robots.txt");
      List<Hit> page = site.hits("/");
      assertEquals(1, robots.size());
      assertEquals(1, page.size());
      long gap = page.get(0).startNanos() - robots.get(0).endNanos();
      assertTrue(gap >= 1_000_000_000L, "page came " + gap / 1e6 + " ms after robots.txt");
    }
  }

  @Test
  void retryAfterDoesNotParkAndEveryRefusedPageIsAskedAgain() throws Exception {
    try (TestSite site = new TestSite("127.0.0.22")) {
      StringBuilder links = new StringBuilder();
      Set<String> refused = ConcurrentHashMap.newKeySet();
      for (int i = 0; i < 4; i++) {
        String path = "/a" + i;
        links.append("<a href=\"").append(path).append("\">a").append(i).append("</a>");
        site.route(path, hit -> refused.add(path)
            ? Reply.of(429, "text/plain", "slow down").withHeader("Retry-After", "1")
            : Reply.html("<html><body><p>article " + path + "</p></body></html>"));
      }
      site.route("/", Reply.html("<html><body>" + links + "</body></html>"));
      CrawlHarness.crawl(dir, "seeds:\n  urls: [" + site.url("/") + "]\n"
          + "politeness:\n  delay: 20ms\n  park-after-failures: 2\n  park-duration: 1h\n", -1);
      for (int i = 0; i < 4; i++) {
        List<Hit> hits = site.hits("/a" + i);
        assertEquals(List.of(429, 200), hits.stream().map(Hit::status).toList(), "/a" + i);
        long waited = hits.get(1).startNanos() - hits.get(0).endNanos();
        assertTrue(waited >= 1_000_000_000L, "/a" + i + " asked again after " + waited / 1e6
            + " ms");
      }
      assertEquals(List.of(List.of("0")), CrawlHarness.query(dir,
          "SELECT count(*) FROM frontier_queues WHERE parked_reason IS NOT NULL"), "no park");
      // Pacing is not a failure: every page was archived in the end, so no row says otherwise.
      assertEquals(List.of(), CrawlHarness.query(dir, "SELECT url, kind, reason FROM failures"));
      assertEquals(List.of(List.of("4")), CrawlHarness.query(dir,
          "SELECT count(*) FROM captures WHERE status = 429"), "each paced answer archived");
    }
  }
}
