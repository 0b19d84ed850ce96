package org.newsarc.extractor.eval;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Metadata matching as the benchmark defines it: exact match after Unicode NFKC, lowercasing
 * and folding every run of non-word characters to one space; an author matches when the gold
 * name is contained in the extracted author string; a date matches on its first ten
 * characters. Thread-safe.
 */
public final class FieldMatch {

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}_]+");

  private FieldMatch() {}

  public static String normalise(String s) {
    if (s == null) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return NON_WORD.matcher(n).replaceAll(" ").strip();
  }

  public static boolean exact(String extracted, String gold) {
    return extracted != null && normalise(extracted).equals(normalise(gold));
  }

  public static boolean author(String extracted, String gold) {
    if (extracted == null) {
      return false;
    }
    String g = normalise(gold);
    return !g.isEmpty() && normalise(extracted).contains(g);
  }

  public static boolean date(String extracted, String gold) {
    return extracted != null && extracted.length() >= 10 && gold.length() >= 10
        && extracted.substring(0, 10).equals(gold.substring(0, 10));
  }
}
