package org.newsarc.extractor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The publication-date rules of extractor 0.3.1, each on a page made to need it. */
class DateRulesTest {

  private static final String PROSE = "The council met on a rainy evening and talked for hours about"
      + " the ferry, the bridge, the budget and the people who will pay for all of it in the end. ";

  /** The day of the publication date found. */
  private static String published(String head, String body, String url) throws ExtractionException {
    String html = "<!doctype html><html><head><meta charset=\"utf-8\">" + head + "</head><body>"
        + body + "</body></html>";
    String d = new ArticleExtractor().extract(html.getBytes(StandardCharsets.UTF_8), url, Map.of())
        .published();
    return d == null || d.length() < 10 ? d : d.substring(0, 10);
  }

  private static String story(String dateLine) {
    return "<article><h1>Ferry approved</h1>" + dateLine + "<p>" + PROSE + PROSE + "</p><p>"
        + PROSE + "</p></article>";
  }

  @Test
  void aShownTimeElementBeatsTheGenericDateMeta() throws ExtractionException {
    assertEquals("2020-04-29", published("<meta name=\"date\" content=\"2020-04-30\">",
        story("<ul><li class=\"info\"><time>29.04.2020, 12:01 Uhr</time></li></ul>"),
        "https://example.org/news/ferry"));
  }

  @Test
  void theGenericDateMetaStillServesWhenThePageShowsNoDate() throws ExtractionException {
    assertEquals("2020-04-30", published("<meta name=\"date\" content=\"2020-04-30\">", story(""),
        "https://example.org/news/ferry"));
  }

  @Test
  void aDigitJoinedToTheSlugIsNotTheDayOfTheUrl() throws ExtractionException {
    assertEquals("2023-10-31", published(
        "<meta property=\"article:published_time\" content=\"2023-10-31T08:47:16+02:00\">",
        story(""), "https://example.org/2023/10/3-questions-for-the-council/"));
    assertEquals("2023-10-03", published("", story(""),
        "https://example.org/2023/10/3/questions-for-the-council/"));
  }

  @Test
  void aWholeLateUtcHourIsTheNextDaysLocalMidnight() throws ExtractionException {
    assertEquals("2021-11-05", published(
        "<meta property=\"article:published_time\" content=\"2021-11-04T23:00:00Z\">", story(""),
        "https://example.org/news/ferry"));
  }

  @Test
  void aLateUtcHourStaysWhenThePageShowsThatDay() throws ExtractionException {
    assertEquals("2025-12-19", published(
        "<meta property=\"article:published_time\" content=\"2025-12-19T23:00:00+00:00\">",
        story("<p class=\"byline\">December 19, 2025</p>"), "https://example.org/news/ferry"));
  }

  @Test
  void timesInCommentsAndEmbeddedPostsAreNotThePagesDate() throws ExtractionException {
    String body = "<article><h1>Ferry approved</h1><p>" + PROSE + PROSE + "</p>"
        + "<blockquote class=\"social-embed\"><p>A post <time datetime=\"2018-03-12T19:30:12Z\">"
        + "12 March 2018</time></p></blockquote><p>" + PROSE + "</p>"
        + "<p class=\"date\">Tuesday, 29 January 2019</p></article>"
        + "<div class=\"comment-list\"><p>Nice <time datetime=\"2019-02-03T10:00:00Z\">"
        + "3 February 2019</time></p></div>";
    assertEquals("2019-01-29", published("", body, "https://example.org/news/ferry"));
  }

  @Test
  void aDateLabelledAsThePublicationInWordsIsRead() throws ExtractionException {
    assertEquals("2021-10-13", published(
        "<meta name=\"DC.date\" content=\"2021-10-15\">",
        story("<div><span>Erschienen am:</span> <h2>13.10.2021</h2></div>"),
        "https://example.org/presse/praesidentin"));
    assertEquals("2019-08-16", published("",
        story("<p>Published on 16 August 2019<br>Length: 1 hour</p>"),
        "https://example.org/podcast/158"));
  }
}
