package org.newsarc.extractor.eval;

import java.util.List;

/**
 * Pooled snippet counts as the trafilatura benchmark defines them: a "with" snippet found in
 * the text is a true positive, missing a false negative; a "without" snippet found is a false
 * positive, absent a true negative. Whitespace runs become one space before matching.
 * Immutable and thread-safe.
 */
public record SnippetCounts(int tp, int fp, int fn, int tn) {

  public static final SnippetCounts ZERO = new SnippetCounts(0, 0, 0, 0);

  /** Counts for one page. */
  public static SnippetCounts of(String text, List<String> with, List<String> without) {
    String t = normalise(text == null ? "" : text);
    int tp = 0;
    int fn = 0;
    int fp = 0;
    int tn = 0;
    for (String s : with) {
      if (t.contains(normalise(s))) {
        tp++;
      } else {
        fn++;
      }
    }
    for (String s : without) {
      if (t.contains(normalise(s))) {
        fp++;
      } else {
        tn++;
      }
    }
    return new SnippetCounts(tp, fp, fn, tn);
  }

  public SnippetCounts plus(SnippetCounts o) {
    return new SnippetCounts(tp + o.tp, fp + o.fp, fn + o.fn, tn + o.tn);
  }

  public double precision() {
    return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
  }

  public double recall() {
    return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
  }

  public double f1() {
    int d = 2 * tp + fp + fn;
    return d == 0 ? 0 : 2.0 * tp / d;
  }

  static String normalise(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
