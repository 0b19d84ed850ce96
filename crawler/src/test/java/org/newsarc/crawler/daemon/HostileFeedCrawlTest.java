package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;
import org.newsarc.crawler.discovery.FeedReader;
import org.newsarc.crawler.discovery.SitemapReader;
import org.newsarc.testing.WarcFiles;

/**
 * Hostile feeds and sitemaps inside a crawl: entity expansion, external entities aimed at a
 * local file and at a loopback URL, a huge sitemap index and a huge feed. Each crawl ends, the
 * entity target is never read, the host admits a bounded number of URLs, the heap stays
 * bounded and the healthy host is crawled.
 */
class HostileFeedCrawlTest {
  /** Heap in use (garbage included) sampled during a case: the bound of issue 9 for a crawl. */
  static final long MAX_HEAP = 1L << 30;
  static final String SECRET = "s3cr3t-marker-7731";

  @TempDir
  Path dir;

  private static String laughs(String inside) {
    StringBuilder dtd = new StringBuilder("<!ENTITY l0 \"lollollollollol\">");
    for (int i = 1; i <= 10; i++) {
      dtd.append("<!ENTITY l").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        dtd.append("&l").append(i - 1).append(';');
      }
      dtd.append("\">");
    }
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE r [" + dtd + "]>\n" + inside.replace("@", "&l10;");
  }

  private String xxe(String inside, String target) {
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"" + target + "\">"
        + "<!ENTITY % p SYSTEM \"" + target + "\"> %p;]>\n" + inside.replace("@", "&x;");
  }

  private static String rss(String host) {
    return "<rss version=\"2.0\"><channel><title>@</title><item><title>@</title>"
        + "<link>" + host + "/item/@</link></item></channel></rss>";
  }

  private static String urlset(String host) {
    return "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + host
        + "/page/@</loc></url></urlset>";
  }

  @Test
  void billionLaughsInAFeed() throws Exception {
    crawlPast((bad, path) -> Reply.of(200, "application/rss+xml", laughs(rss(bad.base()))),
        "/feed.xml", 2, null);
  }

  @Test
  void billionLaughsInASitemap() throws Exception {
    crawlPast((bad, path) -> Reply.of(200, "application/xml", laughs(urlset(bad.base()))),
        "/sitemap.xml", 2, "DTD");
  }

  @Test
  void externalEntityOnALocalFileInAFeedAndASitemap() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, SECRET);
    String target = secret.toUri().toString();
    crawlPast((bad, path) -> Reply.of(200, "application/rss+xml", xxe(rss(bad.base()), target)),
        "/feed.xml", 2, null);
    crawlPast((bad, path) -> Reply.of(200, "application/xml", xxe(urlset(bad.base()), target)),
        "/sitemap.xml", 2, "DTD");
  }

  @Test
  void externalEntityOnALoopbackUrlInAFeedAndASitemap() throws Exception {
    crawlPast((bad, path) -> Reply.of(200, "application/rss+xml",
        xxe(rss(bad.base()), bad.url("/secret"))), "/feed.xml", 2, null);
    crawlPast((bad, path) -> Reply.of(200, "application/xml",
        xxe(urlset(bad.base()), bad.url("/secret"))), "/sitemap.xml", 2, "DTD");
  }

  @Test
  void aSitemapIndexOf50000Entries() throws Exception {
    crawlPast((bad, path) -> {
      StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><sitemapindex xmlns="
          + "\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
      for (int i = 0; i < 50_000; i++) {
        b.append("<sitemap><loc>").append(bad.base()).append("/s/").append(i)
            .append(".xml</loc></sitemap>");
      }
      return Reply.of(200, "application/xml", b.append("</sitemapindex>").toString());
    }, "/index.xml", SitemapReader.MAX_CHILD_SITEMAPS + 1, null);
  }

  @Test
  void aFeedOf100000Items() throws Exception {
    crawlPast((bad, path) -> {
      StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\">"
          + "<channel><title>t</title>");
      for (int i = 0; i < 100_000; i++) {
        b.append("<item><title>t").append(i).append("</title><link>").append(bad.base())
            .append("/n/").append(i).append("</link></item>");
      }
      return Reply.of(200, "application/rss+xml", b.append("</channel></rss>").toString());
    }, "/feed.xml", FeedReader.MAX_ENTRIES + 1, null);
  }

  @Test
  void aGzipSitemapFileOfMoreThan16MiBIsReadUpToItsCut() throws Exception {
    int entries = 40_000;
    String title = "t".repeat(400);
    Path run = crawlPast((bad, path) -> {
      StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns="
          + "\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news="
          + "\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
      for (int i = 0; i < entries; i++) {
        b.append("<url><loc>").append(bad.base()).append("/p/").append(i)
            .append("</loc><news:news><news:title>").append(title)
            .append("</news:title></news:news></url>\n");
      }
      try {
        // Served as a .gz file (no Content-Encoding), decoding to about 20 MB.
        return DiscoveryTest.gzipFile(b.append("</urlset>\n").toString());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }, "/sitemap.xml.gz", entries + 2, "cut at 16 MiB");
    List<List<String>> row = CrawlHarness.query(run,
        "SELECT kind FROM failures WHERE url LIKE '%/sitemap.xml.gz'");
    assertEquals(List.of(List.of("too-large")), row, "the sitemap's failure row");
    long read = CrawlHarness.count(run, "SELECT COUNT(*) FROM frontier_urls WHERE url LIKE"
        + " '%/p/%'");
    // About 16 MiB / 480 bytes: every whole entry of the first 16 MiB, none of the rest.
    assertTrue(read > 30_000 && read < 36_000, "entries read from the cut: " + read);
  }

  interface Body {
    Reply make(TestSite bad, String path);
  }

  /** Crawls a hostile feed or sitemap and a healthy host; checks the promises of the class. */
  private Path crawlPast(Body body, String path, long maxBadUrls, String error)
      throws Exception {
    Path run = Files.createTempDirectory(dir, "run");
    try (TestSite bad = new TestSite("127.0.9.21"); TestSite good = new TestSite("127.0.9.22")) {
      bad.route(path, body.make(bad, path)).route("/secret", Reply.of(200, "text/plain", SECRET))
          .route("/robots.txt", Reply.of(200, "text/plain", "User-agent: *\nAllow: /\n"));
      good.route("/", Reply.html("<a href=\"/a\">a</a>")).route("/a", Reply.html("<p>a</p>"));
      AtomicLong peak = new AtomicLong();
      Thread sampler = sampler(peak);
      CrawlSummary s;
      try {
        s = CrawlHarness.crawl(run, "seeds:\n  urls: [" + bad.url(path) + ", " + good.url("/")
            + "]\nscope:\n  seed-hosts-only: false\npoliteness:\n  delay: 5ms\n", 25);
      } finally {
        sampler.interrupt();
        sampler.join();
      }
      assertTrue(s.stopReason() == null || !s.stopReason().startsWith("storage"), "" + s);
      assertEquals(1, good.hits("/a").size(), "the healthy host is crawled");
      assertEquals(0, bad.hits("/secret").size(), "the entity target is never fetched");
      long admitted = CrawlHarness.count(run,
          "SELECT COUNT(*) FROM frontier_urls WHERE url LIKE '" + bad.base() + "%'");
      assertTrue(admitted <= maxBadUrls, "URLs admitted from the hostile host: " + admitted);
      if (error != null) {
        List<List<String>> row = CrawlHarness.query(run,
            "SELECT last_error FROM frontier_urls WHERE url = '" + bad.url(path) + "'");
        assertTrue(row.toString().contains(error), "a clear failure: " + row);
      }
      List<List<String>> all = CrawlHarness.query(run, "SELECT url FROM frontier_urls");
      assertFalse(all.toString().contains(SECRET), "the entity target is never read: " + all);
      assertFalse(all.toString().contains("lollol"), "entities are never expanded");
      System.out.printf("hostile feed case %s: peak heap %d MiB, %d URLs admitted%n", path,
          peak.get() >> 20, admitted);
      assertTrue(peak.get() < MAX_HEAP, "peak heap " + (peak.get() >> 20) + " MiB");
      WarcFiles.assertValid(run.resolve("crawl-data/warcs"));
    }
    return run;
  }

  /** Samples the heap in use every 20 ms until interrupted, keeping the highest figure. */
  static Thread sampler(AtomicLong peak) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Thread t = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
