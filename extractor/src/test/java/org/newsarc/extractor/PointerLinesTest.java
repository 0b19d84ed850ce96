package org.newsarc.extractor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Lines that only point elsewhere: control labels and headings over other articles. */
class PointerLinesTest {

  private static final String PROSE = TestPages.GERMAN;
  private static final String PROSE_2 = TestPages.GERMAN_2;

  private static Article extract(String body) throws ExtractionException {
    return TestPages.german(body);
  }

  @Test
  void aControlsLabelAloneOnItsLineGoes() throws ExtractionException {
    Article a = extract("<article><h1>Rat beschließt Plan</h1><p>" + PROSE + PROSE_2 + "</p>"
        + "<p>Quellen ausblenden</p><p>" + PROSE_2 + PROSE + "</p><p>Scroll to read more"
        + " City news articles</p><p>" + PROSE + "</p></article>");
    assertFalse(a.text().contains("Quellen ausblenden"), a.text());
    assertFalse(a.text().contains("Scroll to read"), a.text());
    assertTrue(a.text().contains("Die Arbeiten an den ersten Busspuren"), a.text());
  }

  @Test
  void aCallToShareTheArticleAloneOnItsLineGoes() throws ExtractionException {
    Article a = extract("<article><h1>Rat beschließt Plan</h1><p>" + PROSE + PROSE_2 + "</p>"
        + "<p>Den Artikel mit anderen teilen/diskutieren:</p><p>" + PROSE_2 + PROSE + "</p>"
        + "<p>Wir teilen den Artikel gern mit anderen Städten.</p><p>" + PROSE + "</p></article>");
    assertFalse(a.text().contains("teilen/diskutieren"), a.text());
    assertTrue(a.text().contains("Wir teilen den Artikel gern"), a.text());
  }

  @Test
  void aSentenceAboutReadingMoreStays() throws ExtractionException {
    String sentence = "Wer mehr lesen will, findet den Plan im Rathaus.";
    Article a = extract("<article><h1>Rat beschließt Plan</h1><p>" + PROSE + PROSE_2 + "</p>"
        + "<p>" + sentence + "</p><p>" + PROSE_2 + PROSE + "</p></article>");
    assertTrue(a.text().contains(sentence), a.text());
  }

  @Test
  void aHeadingOverTheSitesOtherArticlesGoesWithThem() throws ExtractionException {
    Article a = extract("<article><h1>Rat beschließt Plan</h1><p>" + PROSE + PROSE_2 + "</p>"
        + "<h2>Weitere Tourentipps in Schweden</h2>"
        + "<p>Mit dem Rad entlang der Küste</p><p>Drei Tage an den Seen</p>"
        + "<h2>Was der Rat sagt</h2><p>" + PROSE_2 + PROSE + "</p></article>");
    assertFalse(a.text().contains("Weitere Tourentipps"), a.text());
    assertFalse(a.text().contains("Drei Tage an den Seen"), a.text());
    assertTrue(a.text().contains("Was der Rat sagt"), a.text());
  }

  @Test
  void aHeadingOverTheArticlesOwnSourcesStays() throws ExtractionException {
    Article a = extract("<article><h1>Rat beschließt Plan</h1><p>" + PROSE + PROSE_2 + "</p>"
        + "<h2>Weitere Informationen</h2><p>" + PROSE_2 + PROSE + "</p></article>");
    assertTrue(a.text().contains("Weitere Informationen"), a.text());
  }

  @Test
  void aSectionAboutTheSiteGoesUpToTheNextHeading() throws ExtractionException {
    String blurb = "Seit 1999 verbreitet das Portal Nachrichten aus der Region an einen großen"
        + " Kreis von Lesern, Redaktionen und Agenturen, und es wächst jedes Jahr weiter.";
    Article a = extract("<article><h1>Rat beschließt Plan</h1><p>" + PROSE + PROSE_2 + "</p>"
        + "<h2>Über das Nachrichtenportal der Region</h2><p>" + blurb + "</p>"
        + "<h2>Was der Rat sagt</h2><p>" + PROSE_2 + PROSE + "</p></article>");
    assertFalse(a.text().contains("Über das Nachrichtenportal"), a.text());
    assertFalse(a.text().contains("Seit 1999"), a.text());
    assertTrue(a.text().contains("Was der Rat sagt"), a.text());
  }

  @Test
  void aSectionAboutUsStays() throws ExtractionException {
    String about = "Wir sind ein kleines Büro in Kiel und planen seit zwanzig Jahren Gärten,"
        + " Plätze und Parks für Städte und Gemeinden im ganzen Norden des Landes.";
    Article a = extract("<article><h1>Rat beschließt Plan</h1><p>" + PROSE + PROSE_2 + "</p>"
        + "<h2>Über uns</h2><p>" + about + "</p></article>");
    assertTrue(a.text().contains("Wir sind ein kleines Büro"), a.text());
  }
}
