package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;
import org.newsarc.testing.WarcFiles;

/** A crawl goes on past hosts that break robots.txt, URLs or redirects (issue 9, 1, 2, 9, 10). */
class HostileCrawlTest {
  @TempDir
  Path dir;

  @Test
  void oneHostsBadRobotsTxtAndBadLinksDoNotStopTheCrawl() throws Exception {
    try (TestSite bad = new TestSite("127.0.9.5"); TestSite good = new TestSite("127.0.9.6")) {
      bad.route("/robots.txt", new Reply(200, java.util.Map.of("Content-Type", "text/plain",
          "Content-Encoding", "br"), "\u001b\u0003junk".getBytes(StandardCharsets.ISO_8859_1), 0))
          .route("/", Reply.html("<p>never fetched</p>"));
      String port = good.base().substring(good.base().lastIndexOf(':'));
      good.route("/", Reply.html("<a href=\"/a\">a</a>"
              + "<a href=\"http://127.0.9.6:99999/x\">bad port</a>"
              + "<a href=\"http://bücher.example/x\">idn</a>"
              + "<a href=\"/go\">redirect</a>"))
          .route("/a", Reply.html("<p>a</p>"))
          .route("/go", new Reply(302, java.util.Map.of("Location", "http://127.0.0.1"
              + port + "/a"), new byte[0], 0));
      CrawlSummary s = CrawlHarness.crawl(dir, "seeds:\n  urls: [" + bad.url("/") + ", "
          + good.url("/") + "]\nscope:\n  seed-hosts-only: false\n"
          + "politeness:\n  delay: 10ms\n", 20);
      assertTrue(s.stopReason() == null || !s.stopReason().startsWith("storage"),
          "not a crawl stop: " + s);
      assertEquals(0, bad.hits("/").size(), "robots.txt unreadable: the host is off limits");
      assertEquals(1, good.hits("/a").size(), "the other host is crawled");
      assertEquals(0, CrawlHarness.count(dir,
          "SELECT COUNT(*) FROM frontier_urls WHERE url LIKE '%99999%'"), "bad port refused");
      List<List<String>> idn = CrawlHarness.query(dir,
          "SELECT url FROM frontier_urls WHERE url LIKE '%xn--bcher-kva.example%'");
      assertEquals(1, idn.size(), "the IDN link is queued in punycode");
      // Its robots.txt is refused as blocked-address, so the host is held and never fetched.
      assertEquals(List.of(List.of("queued")), CrawlHarness.query(dir, "SELECT state FROM"
          + " frontier_urls WHERE url LIKE 'http://127.0.0.1%' AND last_status IS NULL"),
          "a redirect to a loopback address outside the allowed range is never fetched");
      WarcFiles.assertValid(dir.resolve("crawl-data/warcs"));
    }
  }

  /** Valid robots.txt rules are kept in the catalog: a restart within 24 h does not refetch. */
  @Test
  void aRestartUsesTheRobotsRulesKeptInTheCatalog() throws Exception {
    try (TestSite site = new TestSite("127.0.9.9")) {
      site.route("/robots.txt", Reply.of(200, "text/plain", "User-agent: *\nDisallow: /no\n"))
          .route("/", Reply.html("<a href=\"/a\">a</a><a href=\"/no\">no</a>"))
          .route("/a", Reply.html("<p>a</p>"));
      String yaml = "seeds:\n  urls: [" + site.url("/") + "]\npoliteness:\n  delay: 10ms\n";
      CrawlHarness.crawl(dir, yaml, -1);
      site.route("/b", Reply.html("<p>b</p>"));
      CrawlHarness.crawl(dir, yaml.replace("urls: [", "urls: [" + site.url("/b") + ", "), -1);
      assertEquals(1, site.hits("/robots.txt").size(), "robots.txt fetched once over two runs");
      assertEquals(1, site.hits("/b").size(), "the second run crawls");
      assertEquals(0, site.hits("/no").size(), "the kept rules still apply");
    }
  }
}
