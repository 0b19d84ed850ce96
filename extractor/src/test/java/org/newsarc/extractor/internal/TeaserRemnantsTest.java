package org.newsarc.extractor.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsarc.extractor.Article;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.ExtractionException;

class TeaserRemnantsTest {

  private static final String PROSE = "The council of the town voted on Tuesday evening on the"
      + " plan for the harbour, which the mayor had put forward after a long debate that lasted"
      + " for most of the spring, and the work on the new quays is to start before the summer.";
  private static final String SUMMARY = "Parents ask the town for longer opening hours at"
      + " the schools and kindergartens of the harbour district.";

  private static Article extract(String body) throws ExtractionException {
    String html = "<html><head><title>Council votes on the harbour plan</title></head><body>"
        + body + "</body></html>";
    return new ArticleExtractor().extract(html.getBytes(StandardCharsets.UTF_8),
        "https://example.org/news/harbour-plan", Map.of());
  }

  private static String article(String lead, String after) {
    return "<article><h1>Council votes on the harbour plan</h1>" + lead + "<p>" + PROSE
        + "</p><p>" + PROSE.replace("Tuesday", "Wednesday") + "</p><p>"
        + PROSE.replace("Tuesday", "Friday") + "</p>" + after + "</article>";
  }

  @Test
  void whatIsLeftOfATeaserCardAfterTheArticleGoes() throws ExtractionException {
    Article a = extract(article("", "<div class=\"more\"><div class=\"modTeaser\">"
        + "<h3><a href=\"/news/schools\">Longer opening hours for the schools</a></h3>"
        + "<p>18 Nov 2021</p><p>" + SUMMARY + "</p></div></div>"));
    assertTrue(a.text().contains("voted on Friday"), a.text());
    assertFalse(a.text().contains("Parents ask the town"), a.text());
  }

  @Test
  void aLoneBoxShapedLikeATeaserCardAfterTheArticleGoes() throws ExtractionException {
    Article a = extract(article("", "<div class=\"more\"><div class=\"box\">"
        + "<h3><a href=\"/news/schools\">Longer opening hours for the schools</a></h3>"
        + "<p>" + SUMMARY + "</p></div></div>"));
    assertTrue(a.text().contains("voted on Friday"), a.text());
    assertFalse(a.text().contains("Parents ask the town"), a.text());
    // Without a linked headline the box is no card.
    Article b = extract(article("", "<div class=\"more\"><div class=\"box\">"
        + "<h3>Longer opening hours for the schools</h3>"
        + "<p>" + SUMMARY + " <a href=\"/news/schools\">More on the schools</a></p></div></div>"));
    assertTrue(b.text().contains("Parents ask the town"), b.text());
  }

  @Test
  void theSameLinesStayWhenNotNamedAsATeaserOrBeforeTheArticlesEnd()
      throws ExtractionException {
    Article plain = extract(article("", "<div class=\"more\"><div class=\"box\">"
        + "<p>" + SUMMARY + "</p></div></div>"));
    assertTrue(plain.text().contains("Parents ask the town"), plain.text());
    // Sites also name an article's lead a teaser; it comes before the last long paragraph.
    Article lead = extract(article("<p class=\"article-teaser\">" + SUMMARY + "</p>", ""));
    assertTrue(lead.text().contains("Parents ask the town"), lead.text());
  }
}
