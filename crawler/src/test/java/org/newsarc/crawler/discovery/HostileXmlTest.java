package org.newsarc.crawler.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed and sitemap readers on hostile XML: no entity is expanded or read, entries capped. */
class HostileXmlTest {
  @TempDir
  Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFeedNeverReadsAnExternalEntity() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "top-secret-line");
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \""
        + secret.toUri() + "\">]><rss><channel><item><title>&x;</title>"
        + "<link>http://example.org/a</link></item></channel></rss>";
    List<Discovered> out = new FeedReader().read(b(xml), "http://example.org/feed");
    assertEquals(1, out.size());
    assertFalse(out.toString().contains("top-secret-line"), out.toString());
  }

  @Test
  void aSitemapWithADoctypeIsRefusedEvenBehindAComment() {
    String xml = "<?xml version=\"1.0\"?><!-- <urlset> --><!doctype urlset [<!ENTITY x SYSTEM"
        + " \"file:///etc/passwd\">]><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<url><loc>http://example.org/&x;</loc></url></urlset>";
    IOException e = assertThrows(IOException.class,
        () -> new SitemapReader().read(b(xml), "application/xml", "http://example.org/s.xml"));
    assertTrue(e.getMessage().contains("DTD"), e.getMessage());
  }

  @Test
  void aPlainSitemapIsStillRead() throws Exception {
    String xml = "<?xml version=\"1.0\"?><!-- list --><urlset xmlns=\"http://www.sitemaps.org/"
        + "schemas/sitemap/0.9\"><url><loc>http://example.org/a</loc></url></urlset>";
    assertEquals(1, new SitemapReader().read(b(xml), "application/xml",
        "http://example.org/s.xml").size());
  }

  @Test
  void entriesAreCappedPerFeedAndPerIndex() throws Exception {
    StringBuilder feed = new StringBuilder("<rss><channel>");
    StringBuilder index = new StringBuilder("<sitemapindex xmlns=\"http://www.sitemaps.org/"
        + "schemas/sitemap/0.9\">");
    for (int i = 0; i < 3000; i++) {
      feed.append("<item><link>http://example.org/n/").append(i).append("</link></item>");
      index.append("<sitemap><loc>http://example.org/s/").append(i).append(".xml</loc></sitemap>");
    }
    assertEquals(FeedReader.MAX_ENTRIES, new FeedReader().read(b(feed + "</channel></rss>"),
        "http://example.org/feed").size());
    assertEquals(SitemapReader.MAX_CHILD_SITEMAPS, new SitemapReader().read(
        b(index + "</sitemapindex>"), "application/xml", "http://example.org/i.xml").size());
  }
}
