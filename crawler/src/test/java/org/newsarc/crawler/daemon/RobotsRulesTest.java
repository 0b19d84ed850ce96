package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Hit;
import org.newsarc.crawler.TestSite.Reply;

/** RFC 9309 error rules, Crawl-delay capping, and robots.txt archived like any capture. */
class RobotsRulesTest {
  @TempDir
  Path dir;

  private static final String PAGE = "<html><body><a href=\"/a\">a</a><a href=\"/private/b\">b</a>"
      + "</body></html>";

  @Test
  void robotsErrorRules() throws Exception {
    try (TestSite missing = new TestSite("127.0.0.8");
        TestSite broken = new TestSite("127.0.0.9");
        TestSite strict = new TestSite("127.0.0.10")) {
      for (TestSite s : List.of(missing, broken, strict)) {
        s.route("/", Reply.html(PAGE)).route("/a", Reply.html("<p>a</p>"))
            .route("/private/b", Reply.html("<p>b</p>"));
      }
      // 127.0.0.8: no robots.txt (404) -> allow all. 127.0.0.9: 500 -> disallow all.
      broken.route("/robots.txt", Reply.of(500, "text/plain", "oops"));
      strict.route("/robots.txt", Reply.of(200, "text/plain",
          "User-agent: *\nDisallow: /private/\n"));
      CrawlHarness.crawl(dir, "seeds:\n  urls: [" + missing.url("/") + ", " + broken.url("/")
          + ", " + strict.url("/") + "]\npoliteness:\n  delay: 10ms\n", 40);

      assertEquals(List.of("/robots.txt", "/", "/a", "/private/b"), paths(missing.hits()),
          "404 robots.txt: everything allowed");
      assertTrue(broken.hits().stream().allMatch(h -> h.path().equals("/robots.txt")),
          "500 robots.txt: nothing but robots.txt fetched: " + paths(broken.hits()));
      assertEquals(List.of("/robots.txt", "/", "/a"), paths(strict.hits()),
          "disallowed path never requested");
      assertEquals("blocked", CrawlHarness.query(dir, "SELECT state FROM frontier_urls"
          + " WHERE url = '" + strict.url("/private/b") + "'").get(0).get(0));
      assertTrue(CrawlHarness.query(dir, "SELECT paused_reason FROM frontier_queues"
          + " WHERE queue='127.0.0.9'").get(0).get(0).contains("robots.txt answered 500"));
      assertEquals(3, CrawlHarness.count(dir,
          "SELECT COUNT(DISTINCT url) FROM captures WHERE url LIKE '%/robots.txt'"),
          "every robots.txt exchange archived");
    }
  }

  @Test
  void crawlDelayIsHonouredUpToTheCap() throws Exception {
    try (TestSite site = new TestSite("127.0.0.11")) {
      site.route("/robots.txt", Reply.of(200, "text/plain", "User-agent: *\nCrawl-delay: 100\n"))
          .route("/", Reply.html(PAGE)).route("/a", Reply.html("<p>a</p>"))
          .route("/private/b", Reply.html("<p>b</p>"));
      CrawlHarness.crawl(dir, "seeds:\n  urls: [" + site.url("/") + "]\n"
          + "politeness:\n  delay: 10ms\n  max-crawl-delay: 400ms\n", -1);
      List<Hit> hits = site.hits();
      assertEquals(4, hits.size(), "a huge Crawl-delay is capped, not read as disallow-all");
      long min = Long.MAX_VALUE;
      for (int i = 2; i < hits.size(); i++) {
        long gap = hits.get(i).startNanos() - hits.get(i - 1).endNanos();
        min = Math.min(min, gap);
        assertTrue(gap >= 400_000_000L, "gap " + gap / 1e6 + " ms below the capped Crawl-delay");
      }
      System.out.printf("Crawl-delay: 100 capped to 400ms -> smallest gap %.0f ms%n", min / 1e6);
    }
  }

  @Test
  void unparseableSeedsAndLinksDoNotStopTheCrawl() throws Exception {
    try (TestSite site = new TestSite("127.0.0.19")) {
      site.route("/", Reply.html("<a href=\"http://bad_host.example/x\">x</a>"
          + "<a href=\"http://[broken/\">y</a><a href=\"/a\">a</a>"))
          .route("/a", Reply.html("<p>a</p>"));
      // A seed that is no URL at all is refused when the config is read (SeedConfigTest).
      CrawlSummary summary = CrawlHarness.crawl(dir, "seeds:\n  urls: [http://under_score.example/,"
          + " " + site.url("/") + "]\npoliteness:\n  delay: 10ms\n", -1);
      assertEquals(2, summary.fetches(), summary.toString());
    }
  }

  private static List<String> paths(List<Hit> hits) {
    return hits.stream().sorted((a, b) -> Long.compare(a.startNanos(), b.startNanos()))
        .map(Hit::path).toList();
  }
}
