package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;

/**
 * Discovery end to end: robots.txt Sitemap: line, a sitemap index, a Google News sitemap, an
 * RSS feed announced by link rel=alternate and an Atom feed; the dates, titles and languages
 * they give are stored beside the extracted articles.
 */
class DiscoveryTest {
  @TempDir
  Path dir;

  /** A page the extractor takes for an article: declared type, date, byline, running prose. */
  static String article(String title) {
    String sentence = "The council met on Tuesday to discuss " + title
        + " and agreed, after a long debate about budgets and timetables, to revisit the plan"
        + " next month with more detailed figures from every district involved. ";
    StringBuilder paragraphs = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      paragraphs.append("<p>").append(sentence).append(sentence).append("</p>");
    }
    return "<html lang=\"en\"><head><title>" + title + "</title>"
        + "<meta property=\"og:type\" content=\"article\">"
        + "<meta property=\"og:title\" content=\"" + title + "\">"
        + "<meta property=\"article:published_time\" content=\"2024-05-01T09:00:00Z\">"
        + "<meta name=\"author\" content=\"A. Reporter\"></head><body><article><h1>" + title
        + "</h1>" + paragraphs + "</article></body></html>";
  }

  static Reply gzipFile(String text) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return new Reply(200, java.util.Map.of("Content-Type", "application/x-gzip"),
        bytes.toByteArray(), 0);
  }

  @Test
  void sitemapsFeedsAndTheirMetadata() throws Exception {
    try (TestSite site = new TestSite("127.0.0.12")) {
      String b = site.base();
      site.route("/robots.txt", Reply.of(200, "text/plain",
          "User-agent: *\nAllow: /\nSitemap: " + b + "/sitemap-index.xml\n"));
      site.route("/sitemap-index.xml", Reply.of(200, "application/xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
          + "<sitemap><loc>" + b + "/news-sitemap.xml.gz</loc></sitemap></sitemapindex>"));
      site.route("/news-sitemap.xml.gz", gzipFile("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
          + " xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
          + "<url><loc>" + b + "/news/sitemap-story</loc><news:news><news:publication>"
          + "<news:name>Test Times</news:name><news:language>en</news:language>"
          + "</news:publication><news:publication_date>2024-05-01T10:00:00Z"
          + "</news:publication_date><news:title>Sitemap Story</news:title></news:news></url>"
          + "</urlset>"));  // served as a .gz file, as news sites often do
      site.route("/", Reply.html("<html><head><link rel=\"alternate\""
          + " type=\"application/rss+xml\" href=\"/feed.rss\"></head><body>home</body></html>"));
      site.route("/feed.rss", Reply.of(200, "application/rss+xml",
          "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
          + "<language>de</language><item><title>Feed Story</title><link>" + b
          + "/news/feed-story?utm_source=rss#top</link><pubDate>Wed, 01 May 2024 12:30:00 GMT"
          + "</pubDate><category>World</category></item></channel></rss>"));
      site.route("/atom.xml", Reply.of(200, "application/atom+xml",
          "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">"
          + "<entry><title>Atom Story</title><link href=\"" + b + "/news/atom-story\"/>"
          + "<published>2024-05-02T08:00:00Z</published></entry></feed>"));
      site.route("/news/sitemap-story", Reply.html(article("Sitemap Story")));
      site.route("/news/feed-story", Reply.html(article("Feed Story")));
      site.route("/news/atom-story", Reply.html(article("Atom Story")));

      CrawlHarness.crawl(dir, "seeds:\n  urls: [" + site.url("/") + ", " + site.url("/atom.xml")
          + "]\npoliteness:\n  delay: 10ms\n", -1);

      assertEquals(List.of("/news/atom-story", "/news/feed-story", "/news/sitemap-story"),
          site.hits().stream().map(TestSite.Hit::path).filter(p -> p.startsWith("/news/"))
              .sorted().toList(), "each story fetched once, tracking parameters removed");
      assertEquals(List.of(
          Arrays.asList(b + "/news/atom-story", "atom", "Atom Story", "2024-05-02T08:00:00Z",
              "fr", null),
          Arrays.asList(b + "/news/feed-story", "rss", "Feed Story", "2024-05-01T12:30:00Z",
              "de", null),
          List.of(b + "/news/sitemap-story", "news-sitemap", "Sitemap Story",
              "2024-05-01T10:00:00Z", "en", "Test Times")),
          CrawlHarness.query(dir, "SELECT url, source_kind, title, published, language,"
              + " publication FROM discovered_metadata ORDER BY url"));
      assertEquals(3, CrawlHarness.count(dir, "SELECT COUNT(*) FROM articles a JOIN"
          + " discovered_metadata d ON d.url = a.url"), "feed metadata joins the articles");
      List<List<String>> kinds = CrawlHarness.query(dir,
          "SELECT url, kind FROM frontier_urls WHERE kind IN ('feed','sitemap') ORDER BY url");
      assertEquals(4, kinds.size(), "two feeds and two sitemaps recognised: " + kinds);
      assertTrue(CrawlHarness.count(dir, "SELECT COUNT(*) FROM frontier_urls WHERE"
          + " kind IN ('feed','sitemap','hub') AND state='queued' AND revisit_seconds > 0") >= 4,
          "feeds, sitemaps and the home page are scheduled for revisits");
    }
  }
}
