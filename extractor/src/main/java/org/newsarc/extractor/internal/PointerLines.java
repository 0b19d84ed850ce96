package org.newsarc.extractor.internal;

import java.util.regex.Pattern;
import org.newsarc.extractor.ExtractionRule;

/**
 * Lines that point the reader elsewhere instead of saying anything: the labels of the page's
 * controls ("Weiterlesen", "Quellen ausblenden", "Show more", "Scroll to read more … articles"),
 * left as text when their button or link is rendered as a line of its own. Stateless and
 * thread-safe.
 */
final class PointerLines {

  /** Longest control label; the labels are a few words, a pointer's title at most. */
  private static final int CONTROL_MAX = 100;
  /** Words one of which every {@link #CONTROL_LABEL} holds; checked first. */
  private static final KeywordScanner CONTROL_WORDS = new KeywordScanner(
      "weiterlesen", "weiter zu", "mehr lesen", "read more", "read the rest", "continue reading",
      "lire la suite", "leer más", "leer mas", "leia mais", "czytaj dalej", "czytaj więcej",
      "ausblenden", "einblenden", "anzeigen", "show more", "show less", "show all", "load more",
      "mehr laden", "scroll to", "scroll down to");
  /**
   * A control's label alone on its line: "Weiterlesen", "… weiter zu "Die Wortwahl"",
   * "Quellen ausblenden", "Mehr anzeigen", "Show more", "Load more", "Scroll to read more
   * Restaurant reviews articles".
   */
  private static final Pattern CONTROL_LABEL = Pattern.compile(
      "(\\.\\.\\.|…)?\\s*(weiterlesen|mehr lesen|read more|read the rest|continue reading"
          + "|lire la suite|leer m[aá]s|leia mais|czytaj dalej|czytaj więcej|weiter zu\\b.*"
          + "|(quellen|mehr|weniger|alle|details) (ausblenden|einblenden|anzeigen)"
          + "|show (more|less|all)|load more|mehr laden"
          + "|scroll (down )?to (read|see|view) more\\b.*)\\s*[»›→:]?",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private PointerLines() {}

  /** True when the block is only the label of one of the page's controls. */
  static boolean isControlLabel(String text) {
    return text.length() < CONTROL_MAX && Rules.fires(ExtractionRule.CONTROL_LABEL,
        CONTROL_WORDS.containsAnyIgnoreCase(text) && CONTROL_LABEL.matcher(text).matches());
  }
}
