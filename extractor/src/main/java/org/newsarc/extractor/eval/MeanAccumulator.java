package org.newsarc.extractor.eval;

/** A running mean, or a running share of hits; not thread-safe. */
final class MeanAccumulator {
  private double sum;
  private int count;

  void add(double value) {
    sum += value;
    count++;
  }

  void hit(boolean hit) {
    add(hit ? 1 : 0);
  }

  int count() {
    return count;
  }

  double mean() {
    return count == 0 ? 0 : sum / count;
  }
}
