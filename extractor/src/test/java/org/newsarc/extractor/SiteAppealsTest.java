package org.newsarc.extractor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The question with which a site opens its appeal to the reader. */
class SiteAppealsTest {

  private static final String PROSE = "Der Gemeinderat hat am Dienstag nach einer langen Debatte,"
      + " die bis tief in die Nacht dauerte, den neuen Plan für die Innenstadt beschlossen. ";
  private static final String PROSE_2 = "Die Arbeiten an den ersten Busspuren beginnen im März,"
      + " die neuen Übergänge sollen noch vor dem Sommer folgen, teilte die Stadt mit. ";
  private final ArticleExtractor extractor = new ArticleExtractor();

  private Article extract(String body) throws ExtractionException {
    String html = "<!doctype html><html lang=\"de\"><head><title>Rat beschließt Plan</title>"
        + "</head><body><nav><a href=\"/\">Start</a> <a href=\"/news\">News</a></nav>" + body
        + "<footer>© 2024 Beispiel Medien. Alle Rechte vorbehalten.</footer></body></html>";
    return extractor.extract(html.getBytes(StandardCharsets.UTF_8),
        "https://example.org/2024/05/07/plan.html", Map.of());
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
