package org.newsarc.extractor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The note on the author that closes an article. */
class AuthorNotesTest {

  private static final String PROSE = TestPages.ENGLISH;
  private static final String PROSE_2 = TestPages.ENGLISH_2;

  private static Article extract(String body) throws ExtractionException {
    return TestPages.english(body);
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
