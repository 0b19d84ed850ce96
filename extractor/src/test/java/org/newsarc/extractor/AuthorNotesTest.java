package org.newsarc.extractor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The note on the author that closes an article. */
class AuthorNotesTest {

  private static final String PROSE = "The council voted on Tuesday to approve the new plan after a"
      + " long debate that lasted well into the night, and the mayor said work would start soon. ";
  private static final String PROSE_2 = "Work on the first bus lanes is to start in March, and the"
      + " new crossings will follow before the summer, the city's transport office said. ";
  private final ArticleExtractor extractor = new ArticleExtractor();

  private Article extract(String body) throws ExtractionException {
    String html = "<!doctype html><html lang=\"en\"><head><title>Council approves plan</title>"
        + "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>" + body
        + "<footer>© 2024 Example Media. All rights reserved.</footer></body></html>";
    return extractor.extract(html.getBytes(StandardCharsets.UTF_8),
        "https://example.org/2024/05/07/plan.html", Map.of());
  }

  @Test
  void aNoteOnTheAuthorClosingTheArticleGoes() throws ExtractionException {
    Article a = extract("<article><h1>Council approves plan</h1><p>" + PROSE + PROSE_2 + "</p><p>"
        + PROSE_2 + PROSE + "</p><p>" + PROSE + "</p><p>Jane Roe is the Founder &amp; Principal"
        + " Consultant at Roe Media, a marketing firm in the city.</p></article>");
    assertFalse(a.text().contains("Jane Roe is the Founder"), a.text());
    assertTrue(a.text().contains("the mayor said work would start soon"), a.text());
  }

  @Test
  void theSameSentenceInsideTheArticleStays() throws ExtractionException {
    String profile = "Jane Roe is the founder of the cycling club that asked for the lanes.";
    Article a = extract("<article><h1>Council approves plan</h1><p>" + PROSE + PROSE_2 + "</p><p>"
        + profile + "</p><p>" + PROSE_2 + PROSE + "</p></article>");
    assertTrue(a.text().contains(profile), a.text());
  }
}
