package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells whether a text contains any of a fixed set of lowercase keywords, in one pass over
 * the text: keywords are indexed by their first two characters, so each position costs one
 * hash lookup. Much faster than a regular expression with a hundred alternatives, which this
 * replaces on the hot path. Immutable and thread-safe.
 */
public final class KeywordScanner {

  private final Map<Integer, String[]> byPrefix;
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
    Map<Integer, String[]> frozen = new HashMap<>();
    m.forEach((k, v) -> frozen.put(k, v.toArray(new String[0])));
    this.byPrefix = Map.copyOf(frozen);
    this.singles = one.toString();
  }

  /** True when {@code text} (expected lowercase) contains one of the keywords. */
  public boolean containsAny(String text) {
    for (int i = 0; i < singles.length(); i++) {
      if (text.indexOf(singles.charAt(i)) >= 0) {
        return true;
      }
    }
    for (int i = 0; i + 1 < text.length(); i++) {
      String[] candidates = byPrefix.get(key(text.charAt(i), text.charAt(i + 1)));
      if (candidates != null) {
        for (String c : candidates) {
          if (text.startsWith(c, i)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Like {@link #containsAny} for text in any case; keywords must be lowercase. */
  public boolean containsAnyIgnoreCase(String text) {
    for (int i = 0; i < singles.length(); i++) {
      if (text.indexOf(singles.charAt(i)) >= 0) {
        return true;
      }
    }
    for (int i = 0; i + 1 < text.length(); i++) {
      String[] candidates = byPrefix.get(
          key(Character.toLowerCase(text.charAt(i)), Character.toLowerCase(text.charAt(i + 1))));
      if (candidates != null) {
        for (String c : candidates) {
          if (text.regionMatches(true, i, c, 0, c.length())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static int key(char a, char b) {
    return a << 16 | b;
  }
}
