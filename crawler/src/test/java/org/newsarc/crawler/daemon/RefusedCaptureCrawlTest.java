package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.Catalog;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;

/**
 * A capture whose rows the catalog refuses (here a trigger raises a constraint error for one
 * URL) loses only its own rows: the crawl goes on, the other pages of the same moment are
 * archived, and the refused URL is recorded as failed, not left leased or lost.
 */
class RefusedCaptureCrawlTest {
  static final int PAGES = 6;

  @TempDir
  Path dir;

  @Test
  void aRefusedCaptureFailsAloneAndTheCrawlGoesOn() throws Exception {
    try (TestSite a = site("127.0.11.1"); TestSite b = site("127.0.11.2");
        TestSite c = site("127.0.11.3")) {
      String refused = b.url("/p3");
      try (Catalog catalog = Catalog.open(dir.resolve("crawl-data").resolve(
          CrawlDaemon.DATABASE)); Statement st = catalog.connection().createStatement()) {
        st.execute("CREATE TRIGGER refuse_one BEFORE INSERT ON captures WHEN NEW.url = '"
            + refused + "' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
      }

      CrawlSummary summary = CrawlHarness.crawl(dir, "seeds:\n  urls: [" + a.url("/") + ", "
          + b.url("/") + ", " + c.url("/") + "]\npoliteness:\n  workers: 6\n  delay: 0s\n"
          + "  response-time-factor: 0\n", -1);

      assertEquals(1, b.hits("/p3").size(), summary.toString());
      assertEquals(0, CrawlHarness.count(dir,
          "SELECT COUNT(*) FROM captures WHERE url='" + refused + "'"));
      assertEquals(0, CrawlHarness.count(dir,
          "SELECT COUNT(*) FROM articles WHERE url='" + refused + "'"));
      assertEquals("failed", CrawlHarness.query(dir,
          "SELECT state FROM frontier_urls WHERE url='" + refused + "'").get(0).get(0));
      assertEquals(1, CrawlHarness.count(dir, "SELECT COUNT(*) FROM failures WHERE url='"
          + refused + "' AND reason LIKE '%refused for the test%'"));
      assertEquals(3 * PAGES - 1, CrawlHarness.count(dir, "SELECT COUNT(*) FROM articles"),
          "every other page is archived");
      assertEquals(0, CrawlHarness.count(dir,
          "SELECT COUNT(*) FROM frontier_urls WHERE state = 'leased'"), "nothing left leased");
    }
  }

  private static TestSite site(String ip) throws Exception {
    TestSite site = new TestSite(ip);
    StringBuilder index = new StringBuilder();
    for (int i = 0; i < PAGES; i++) {
      index.append("<a href=\"/p").append(i).append("\">p").append(i).append("</a> ");
      site.route("/p" + i, Reply.html(DiscoveryTest.article("Story " + ip + " " + i)));
    }
    site.route("/", Reply.html(index.toString()));
    return site;
  }
}
