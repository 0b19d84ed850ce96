package org.newsarc.extractor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The question with which a site opens its appeal to the reader. */
class SiteAppealsTest {

  private static final String PROSE = TestPages.GERMAN;
  private static final String PROSE_2 = TestPages.GERMAN_2;

  private static Article extract(String body) throws ExtractionException {
    return TestPages.german(body);
  }

  @Test
  void aQuestionWhetherTheReaderLikesTheSiteGoes() throws ExtractionException {
    Article a = extract("<article><h1>Rat beschließt Plan</h1><p>" + PROSE + PROSE_2 + "</p>"
        + "<p>" + PROSE_2 + PROSE + "</p><p>Sie lesen gern Beispiel.de?</p><p>Gefällt dir unser"
        + " Stadtmagazin? Wir haben keine Bezahlschranke und bleiben dabei.</p><p>" + PROSE
        + "</p></article>");
    assertFalse(a.text().contains("Sie lesen gern"), a.text());
    assertFalse(a.text().contains("Gefällt dir unser"), a.text());
  }

  @Test
  void aQuestionAboutSomethingElseStays() throws ExtractionException {
    String question = "Gefällt Ihnen der neue Plan? Viele Anwohner sind skeptisch.";
    Article a = extract("<article><h1>Rat beschließt Plan</h1><p>" + PROSE + PROSE_2 + "</p>"
        + "<p>" + question + "</p><p>" + PROSE_2 + PROSE + "</p></article>");
    assertTrue(a.text().contains(question), a.text());
  }
}
