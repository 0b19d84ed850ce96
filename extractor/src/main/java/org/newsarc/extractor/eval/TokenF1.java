package org.newsarc.extractor.eval;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Main-text token F1 as the WCXB benchmark defines it: tokens are the runs of
 * {@code [\p{L}\p{N}_]} in the lowercased text; overlap is the size of the multiset
 * intersection. Thread-safe.
 */
public final class TokenF1 {

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

  private TokenF1() {}

  /** F1 of {@code predicted} against {@code gold}; empty against empty scores 1. */
  public static double score(String predicted, String gold) {
    Map<String, Integer> p = tokens(predicted);
    Map<String, Integer> g = tokens(gold);
    int np = total(p);
    int ng = total(g);
    if (np == 0 && ng == 0) {
      return 1.0;
    }
    if (np == 0 || ng == 0) {
      return 0.0;
    }
    int overlap = 0;
    for (Map.Entry<String, Integer> e : p.entrySet()) {
      overlap += Math.min(e.getValue(), g.getOrDefault(e.getKey(), 0));
    }
    if (overlap == 0) {
      return 0.0;
    }
    double precision = (double) overlap / np;
    double recall = (double) overlap / ng;
    return 2 * precision * recall / (precision + recall);
  }

  static Map<String, Integer> tokens(String text) {
    Map<String, Integer> counts = new HashMap<>();
    if (text == null) {
      return counts;
    }
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      counts.merge(m.group(), 1, Integer::sum);
    }
    return counts;
  }

  private static int total(Map<String, Integer> counts) {
    int n = 0;
    for (int c : counts.values()) {
      n += c;
    }
    return n;
  }
}
