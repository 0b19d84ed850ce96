package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells whether a text contains any of a fixed set of lowercase keywords, in one pass over
 * the text: keywords are indexed by their first two characters (a flat table for ASCII, a map
 * otherwise), so each position costs one lookup. Much faster than a regular expression with a
 * hundred alternatives, which this replaces on the hot path. Immutable and thread-safe.
 */
public final class KeywordScanner {

  private static final int ASCII = 128;

  private final String[][] asciiTable = new String[ASCII * ASCII][];
  private final Map<Integer, String[]> others;
  private final String singles;

  public KeywordScanner(String... keywords) {
    Map<Integer, List<String>> m = new HashMap<>();
    StringBuilder one = new StringBuilder();
    for (String k : keywords) {
      if (k.isEmpty()) {
        throw new IllegalArgumentException("empty keyword");
      }
      if (k.length() == 1) {
        one.append(k);
        continue;
      }
      m.computeIfAbsent(key(k.charAt(0), k.charAt(1)), x -> new ArrayList<>()).add(k);
    }
    Map<Integer, String[]> rest = new HashMap<>();
    m.forEach((k, v) -> {
      String[] arr = v.toArray(new String[0]);
      char a = (char) (k >>> 16);
      char b = (char) (k & 0xFFFF);
      if (a < ASCII && b < ASCII) {
        asciiTable[a * ASCII + b] = arr;
      } else {
        rest.put(k, arr);
      }
    });
    this.others = Map.copyOf(rest);
    this.singles = one.toString();
  }

  /** True when {@code text} (expected lowercase) contains one of the keywords. */
  public boolean containsAny(String text) {
    return scan(text, false);
  }

  /** Like {@link #containsAny} for text in any case; keywords must be lowercase. */
  public boolean containsAnyIgnoreCase(String text) {
    return scan(text, true);
  }

  private boolean scan(String text, boolean ignoreCase) {
    for (int i = 0; i < singles.length(); i++) {
      if (text.indexOf(singles.charAt(i)) >= 0) {
        return true;
      }
    }
    int n = text.length();
    for (int i = 0; i + 1 < n; i++) {
      char a = text.charAt(i);
      char b = text.charAt(i + 1);
      if (ignoreCase) {
        a = lower(a);
        b = lower(b);
      }
      String[] candidates = a < ASCII && b < ASCII ? asciiTable[a * ASCII + b]
          : others.isEmpty() ? null : others.get(key(a, b));
      if (candidates != null) {
        for (String c : candidates) {
          if (text.regionMatches(ignoreCase, i, c, 0, c.length())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static char lower(char c) {
    if (c >= 'A' && c <= 'Z') {
      return (char) (c + 32);
    }
    return c < ASCII ? c : Character.toLowerCase(c);
  }

  private static int key(char a, char b) {
    return a << 16 | b;
  }
}
