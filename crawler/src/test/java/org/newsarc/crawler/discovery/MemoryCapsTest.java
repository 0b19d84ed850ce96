package org.newsarc.crawler.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The caps that keep parsing bounded: the shared parse budget and the sitemap entry cut. */
class MemoryCapsTest {
  private static final String URLSET =
      "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";

  @Test
  void aShareWaitsUntilTheBudgetHasRoomAndShrinkingGivesBackTheRest() throws Exception {
    ParseBudget budget = new ParseBudget(8L << 20);
    ParseBudget.Share big = budget.reserve(8L << 20);
    assertEquals(0, budget.freeBytes());
    CountDownLatch taken = new CountDownLatch(1);
    Thread other = new Thread(() -> {
      try (ParseBudget.Share s = budget.reserve(1L << 20)) {
        taken.countDown();
      }
    });
    other.start();
    assertFalse(taken.await(200, TimeUnit.MILLISECONDS), "no room: the second share waits");
    big.shrinkTo(300_000);
    assertTrue(taken.await(10, TimeUnit.SECONDS), "room again once the first share shrank");
    other.join(10_000);
    big.close();
    assertEquals(8L << 20, budget.freeBytes(), "everything given back");
  }

  @Test
  void aShareNeverAsksForMoreThanTheWholeBudget() {
    ParseBudget budget = new ParseBudget(1L << 20);
    try (ParseBudget.Share s = budget.reserve(1L << 30)) {
      assertEquals(0, budget.freeBytes());
    }
    assertEquals(1L << 20, budget.freeBytes());
    assertThrows(IllegalArgumentException.class, () -> new ParseBudget(10));
  }

  @Test
  void aSitemapBombIsCutAfterTheLastEntryKept() throws Exception {
    StringBuilder xml = new StringBuilder(URLSET);
    int n = SitemapReader.MAX_URLS + 20_000;
    for (int i = 0; i < n; i++) {
      xml.append("<url><loc>http://example.org/").append(i).append("</loc></url>\n");
    }
    byte[] body = xml.append("</urlset>").toString().getBytes(StandardCharsets.UTF_8);
    byte[] cut = SitemapReader.cut(body);
    assertTrue(cut.length < body.length, "cut");
    String text = new String(cut, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("</loc></url>\n</urlset>"), text.substring(text.length() - 60));
    List<Discovered> read = new SitemapReader().read(body, "application/xml",
        "http://example.org/sitemap.xml");
    assertEquals(SitemapReader.MAX_URLS, read.size());
    assertEquals("http://example.org/" + (SitemapReader.MAX_URLS - 1), read.get(read.size() - 1)
        .url());
  }

  @Test
  void aSitemapCutAtAByteCapKeepsItsWholeEntriesOnly() throws Exception {
    String whole = URLSET + "<url><loc>http://example.org/a</loc></url>\n"
        + "<url><loc>http://example.org/b</loc></url>\n";
    byte[] cut = SitemapReader.cut((whole + "<url><loc>http://example.org/c")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(whole.strip() + "</urlset>", new String(cut, StandardCharsets.UTF_8));
    List<Discovered> read = new SitemapReader().read((whole + "<url><loc>http://exa")
        .getBytes(StandardCharsets.UTF_8), "application/xml", "http://example.org/s.xml");
    assertEquals(List.of("http://example.org/a", "http://example.org/b"),
        read.stream().map(Discovered::url).toList());
    String index = "<sitemapindex><sitemap><loc>http://example.org/1.xml</loc></sitemap>";
    assertEquals(index + "</sitemapindex>", new String(SitemapReader.cut((index
        + "<sitemap><loc>http://exa").getBytes(StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8));
  }

  @Test
  void anIndexIsCutAfterItsLastChildKeptAndASmallSitemapIsLeftAlone() {
    StringBuilder xml = new StringBuilder("<sitemapindex>");
    for (int i = 0; i < SitemapReader.MAX_CHILD_SITEMAPS + 5; i++) {
      xml.append("<sitemap><loc>http://example.org/s").append(i).append(".xml</loc></sitemap>");
    }
    byte[] cut = SitemapReader.cut(xml.append("</sitemapindex>").toString()
        .getBytes(StandardCharsets.UTF_8));
    String text = new String(cut, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("s999.xml</loc></sitemap></sitemapindex>"), text);
    byte[] small = (URLSET + "<url><loc>http://example.org/a</loc></url></urlset>")
        .getBytes(StandardCharsets.UTF_8);
    assertSame(small, SitemapReader.cut(small));
  }
}
