package org.newsarc.extractor;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Small article pages, in German and in English, with a navigation bar and a footer around the
 * body a test gives: for the tests of rules that tell a line by what it says.
 */
final class TestPages {

  static final String GERMAN = "Der Gemeinderat hat am Dienstag nach einer langen Debatte,"
      + " die bis tief in die Nacht dauerte, den neuen Plan für die Innenstadt beschlossen. ";
  static final String GERMAN_2 = "Die Arbeiten an den ersten Busspuren beginnen im März,"
      + " die neuen Übergänge sollen noch vor dem Sommer folgen, teilte die Stadt mit. ";
  static final String ENGLISH = "The council voted on Tuesday to approve the new plan after a"
      + " long debate that lasted well into the night, and the mayor said work would start soon. ";
  static final String ENGLISH_2 = "Work on the first bus lanes is to start in March, and the"
      + " new crossings will follow before the summer, the city's transport office said. ";

  private TestPages() {}

  /** A German page around {@code body}, extracted. */
  static Article german(String body) throws ExtractionException {
    return extract("<!doctype html><html lang=\"de\"><head><title>Rat beschließt Plan</title>"
        + "</head><body><nav><a href=\"/\">Start</a> <a href=\"/news\">News</a></nav>" + body
        + "<footer>© 2024 Beispiel Medien. Alle Rechte vorbehalten.</footer></body></html>");
  }

  /** An English page around {@code body}, extracted. */
  static Article english(String body) throws ExtractionException {
    return extract("<!doctype html><html lang=\"en\"><head><title>Council approves plan</title>"
        + "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>" + body
        + "<footer>© 2024 Example Media. All rights reserved.</footer></body></html>");
  }

  private static Article extract(String html) throws ExtractionException {
    return new ArticleExtractor().extract(html.getBytes(StandardCharsets.UTF_8),
        "https://example.org/2024/05/07/plan.html", Map.of());
  }
}
