package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells whether a text contains any of a fixed set of lowercase keywords, in one pass over
 * the text: keywords are indexed by their first two characters (a flat table for ASCII, a map
 * otherwise), so each position costs one lookup. Much faster than a regular expression with a
 * hundred alternatives, which this replaces on the hot path. A scanner made by {@link #ofGroups}
 * also tells, in the same one pass, which of up to 64 groups of keywords occur, so that several
 * rules that each need one of their own words pay for one scan between them. Immutable and
 * thread-safe.
 */
public final class KeywordScanner {

  private static final int ASCII = 128;
  private static final int TRIPLE_BITS = 1 << 15;
  private static final int OTHER_BITS = 1 << 14;

  /** A keyword and the groups it belongs to (1 for a scanner without groups). */
  private record Keyword(String word, long groups) {}

  private final Keyword[][] asciiTable = new Keyword[ASCII * ASCII][];
  /**
   * One bit for each pair of ASCII characters that starts a keyword: 2 KB that stay in the
   * processor's cache, where the 64 KB of {@link #asciiTable} would not, so the many positions
   * that start no keyword cost one read of it.
   */
  private final long[] asciiPairs = new long[ASCII * ASCII / Long.SIZE];
  /**
   * Bits of the first three characters of the keywords behind {@link #asciiPairs}, by a hash
   * ({@link #triple}): most positions whose pair starts a keyword are still not followed by a
   * third character that any keyword has there, and 4 KB more tell them apart without a look at
   * the candidates.
   */
  private final long[] asciiTriples = new long[TRIPLE_BITS / Long.SIZE];
  /** The ASCII pairs that are a whole keyword, which no third character decides. */
  private final long[] asciiPairWords = new long[ASCII * ASCII / Long.SIZE];
  private final Map<Integer, Keyword[]> others;
  /**
   * One bit for each pair outside ASCII that starts a keyword, by a hash ({@link #otherPair}):
   * text in other scripts meets the map of {@link #others} only at the few positions whose bit
   * is set.
   */
  private final long[] otherPairs = new long[OTHER_BITS / Long.SIZE];
  /** Keywords of one character, found by {@code indexOf}. */
  private final Keyword[] singles;
  /** Whether the scanner was made by {@link #ofGroups}. */
  private final boolean grouped;

  public KeywordScanner(String... keywords) {
    this(ungrouped(keywords), false);
  }

  private static Map<String, Long> ungrouped(String... keywords) {
    Map<String, Long> groupOf = new HashMap<>();
    for (String k : keywords) {
      groupOf.put(k, 1L);
    }
    return groupOf;
  }

  private KeywordScanner(Map<String, Long> groupOf, boolean grouped) {
    Map<Integer, List<Keyword>> m = new HashMap<>();
    List<Keyword> one = new ArrayList<>();
    groupOf.forEach((k, groups) -> {
      if (k.isEmpty()) {
        throw new IllegalArgumentException("empty keyword");
      }
      Keyword keyword = new Keyword(k, groups);
      if (k.length() == 1) {
        one.add(keyword);
      } else {
        m.computeIfAbsent(key(k.charAt(0), k.charAt(1)), x -> new ArrayList<>()).add(keyword);
      }
    });
    Map<Integer, Keyword[]> rest = new HashMap<>();
    m.forEach((k, v) -> {
      Keyword[] arr = v.toArray(new Keyword[0]);
      char a = (char) (k >>> 16);
      char b = (char) (k & 0xFFFF);
      if (a < ASCII && b < ASCII) {
        int pair = a * ASCII + b;
        asciiTable[pair] = arr;
        asciiPairs[pair >>> 6] |= 1L << pair;
        for (Keyword w : arr) {
          if (w.word().length() == 2) {
            asciiPairWords[pair >>> 6] |= 1L << pair;
          } else {
            // The third character as the scan may see it: as written, and folded either way.
            char c = w.word().charAt(2);
            for (char form : new char[] {c, Character.toLowerCase(c), Character.toUpperCase(c)}) {
              int t = triple(a, b, form);
              asciiTriples[t >>> 6] |= 1L << t;
            }
          }
        }
      } else {
        rest.put(k, arr);
        int o = otherPair(a, b);
        otherPairs[o >>> 6] |= 1L << o;
      }
    });
    this.others = Map.copyOf(rest);
    this.singles = one.toArray(new Keyword[0]);
    this.grouped = grouped;
  }

  /**
   * A scanner over several groups of lowercase keywords at once, for {@link #groupsIn}: group
   * {@code i} is bit {@code 1L << i}. A keyword may sit in more than one group.
   */
  public static KeywordScanner ofGroups(String[]... groups) {
    if (groups.length > Long.SIZE) {
      throw new IllegalArgumentException("at most 64 groups, not " + groups.length);
    }
    Map<String, Long> groupOf = new HashMap<>();
    for (int g = 0; g < groups.length; g++) {
      for (String k : groups[g]) {
        groupOf.merge(k, 1L << g, (x, y) -> x | y);
      }
    }
    return new KeywordScanner(groupOf, true);
  }

  /**
   * The groups (bit {@code 1L << i} for group {@code i} of {@link #ofGroups}) one of whose
   * keywords {@code text} contains, in any case; keywords must be lowercase. One pass.
   */
  public long groupsIn(String text) {
    if (!grouped) {
      throw new IllegalStateException("not a grouped scanner");
    }
    return scan(text, true, true);
  }

  /** Whether {@code group} is among the groups {@link #groupsIn} found. */
  public static boolean has(long groups, int group) {
    return (groups & 1L << group) != 0;
  }

  /** True when {@code text} (expected lowercase) contains one of the keywords. */
  public boolean containsAny(String text) {
    return scan(text, false, false) != 0;
  }

  /** Like {@link #containsAny} for text in any case; keywords must be lowercase. */
  public boolean containsAnyIgnoreCase(String text) {
    return scan(text, true, false) != 0;
  }

  /**
   * The groups of every keyword found ({@code all}), or of the first one found; 0 when none is
   * found. An ungrouped scanner's keywords are all in group 0.
   */
  private long scan(String text, boolean ignoreCase, boolean all) {
    long found = 0;
    for (Keyword single : singles) {
      if (text.indexOf(single.word().charAt(0)) >= 0) {
        found |= single.groups();
        if (!all) {
          return found;
        }
      }
    }
    int n = text.length();
    if (n < 2) {
      return found;
    }
    char b = fold(text.charAt(0), ignoreCase);
    char next = fold(text.charAt(1), ignoreCase);
    for (int i = 0; i + 1 < n; i++) {
      char a = b;
      b = next;
      boolean third = i + 2 < n;
      if (third) {
        next = fold(text.charAt(i + 2), ignoreCase);
      }
      Keyword[] candidates;
      if (a < ASCII && b < ASCII) {
        int pair = a * ASCII + b;
        if ((asciiPairs[pair >>> 6] & 1L << pair) == 0) {
          continue;
        }
        if ((asciiPairWords[pair >>> 6] & 1L << pair) == 0) {
          int t = third ? triple(a, b, next) : -1;
          if (t < 0 || (asciiTriples[t >>> 6] & 1L << t) == 0) {
            continue;
          }
        }
        candidates = asciiTable[pair];
      } else {
        int o = otherPair(a, b);
        if ((otherPairs[o >>> 6] & 1L << o) == 0) {
          continue;
        }
        candidates = others.get(key(a, b));
        if (candidates == null) {
          continue;
        }
      }
      for (Keyword c : candidates) {
        if (matchesAt(text, i, c.word(), ignoreCase)) {
          found |= c.groups();
          if (!all) {
            return found;
          }
        }
      }
    }
    return found;
  }

  /**
   * {@code text.regionMatches(ignoreCase, at, keyword, 0, keyword.length())}, deciding pairs of
   * ASCII characters itself and leaving any other pair that differs to {@code regionMatches}.
   */
  private static boolean matchesAt(String text, int at, String keyword, boolean ignoreCase) {
    int length = keyword.length();
    if (at + length > text.length()) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      char t = text.charAt(at + k);
      char c = keyword.charAt(k);
      if (t == c) {
        continue;
      }
      if (t < ASCII && c < ASCII) {
        if (ignoreCase && asciiLower(t) == asciiLower(c)) {
          continue;
        }
        return false;
      }
      return text.regionMatches(ignoreCase, at, keyword, 0, length);
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** {@code c} in lower case when {@code ignoreCase}, else {@code c}. */
  private static char fold(char c, boolean ignoreCase) {
    if (!ignoreCase) {
      return c;
    }
    if (c < ASCII) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    return Character.toLowerCase(c);
  }

  /** Where the three characters' bit is in {@link #asciiTriples}. */
  private static int triple(char a, char b, char c) {
    return (a * ASCII + b) * 31 + c & TRIPLE_BITS - 1;
  }

  /** Where a pair's bit is in {@link #otherPairs}. */
  private static int otherPair(char a, char b) {
    return a * 31 + b & OTHER_BITS - 1;
  }

  private static int key(char a, char b) {
    return a << 16 | b;
  }
}
