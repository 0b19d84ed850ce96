package org.newsarc.crawler.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.newsarc.crawler.frontier.UrlKind;

/** Links as they are taken from a parsed page and resolved only when wanted. */
class HtmlLinksTest {
  private static final String PAGE = """
      <html><head><base href="https://news.example/section/">
      <link rel="alternate" type="application/rss+xml" href="/feed.xml">
      <link rel="Alternate stylesheet" type="application/atom+xml" href="atom.xml">
      <link rel="alternate" type="application/feed+json" href="/feed.json">
      <link rel="stylesheet" type="text/css" href="/site.css">
      </head><body>
      <a href="story-1.html">one</a> <a href="/story-2.html" rel="nofollow">two</a>
      <a href="story-1.html">one again</a> <a>no target</a> <a href="mailto:desk@news.example">mail</a>
      <map><area href="https://other.example/map"></map>
      <link rel="alternate" type="application/rss+xml" href="/late.xml">
      </body></html>""";

  private final HtmlLinks links = new HtmlLinks();

  @Test
  void takesTargetsAsWrittenAndResolvesThemAgainstTheBase() {
    HtmlLinks.Collected c = links.collect(Jsoup.parse(PAGE, "https://news.example/a/page.html"),
        true, true);
    assertEquals(List.of(
        new Discovered("https://news.example/feed.xml", UrlKind.FEED, null),
        new Discovered("https://news.example/section/atom.xml", UrlKind.FEED, null),
        new Discovered("https://news.example/late.xml", UrlKind.FEED, null),
        new Discovered("https://news.example/section/story-1.html", UrlKind.PAGE, null),
        new Discovered("https://other.example/map", UrlKind.PAGE, null)),
        c.resolve(true, true, true));
    // A page whose links are not followed: feeds of its head only.
    assertEquals(List.of(
        new Discovered("https://news.example/feed.xml", UrlKind.FEED, null),
        new Discovered("https://news.example/section/atom.xml", UrlKind.FEED, null)),
        c.resolve(false, true, false));
    assertEquals(List.of(), c.resolve(false, false, false));
  }

  @Test
  void parsingTheBytesGivesWhatTheParsedDocumentGives() {
    byte[] bytes = PAGE.getBytes(StandardCharsets.UTF_8);
    String base = "https://news.example/a/page.html";
    assertEquals(links.collect(Jsoup.parse(PAGE, base), true, true).resolve(true, true, true),
        links.find(bytes, StandardCharsets.UTF_8, base, true, true));
    assertEquals(List.of(), links.collect(Jsoup.parse(PAGE, base), false, false).hrefs());
  }
}
