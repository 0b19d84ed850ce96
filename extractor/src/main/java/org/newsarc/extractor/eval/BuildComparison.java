package org.newsarc.extractor.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Times two builds of the extractor on the same pages in one process: page by page, each
 * build extracts in turn (which one goes first alternates from page to page and pass to pass),
 * over several passes of all the pages, the first of them untimed so that both are compiled.
 * Both builds meet the machine in the same moments, so their ratio holds still where two runs
 * of {@link ExtractionBenchmark} one after the other move with the load. Not thread-safe; one
 * per run.
 */
public final class BuildComparison {

  /** One build's extraction of a page. A page it fails on still counts its time. */
  @FunctionalInterface
  public interface Extraction {
    void extract(byte[] html, String url) throws Exception;
  }

  /** The outcome of a run: each timed pass's total for each build, in milliseconds. */
  public record Result(int pages, double[] thisMs, double[] otherMs) {

    /** This build's time over the other's, all timed passes together. */
    public double ratio() {
      double other = sum(otherMs);
      return other == 0 ? 0 : sum(thisMs) / other;
    }

    public String format() {
      StringBuilder passes = new StringBuilder();
      for (int i = 0; i < thisMs.length; i++) {
        passes.append(String.format(Locale.ROOT, " %.3f", thisMs[i] / otherMs[i]));
      }
      int n = Math.max(1, pages * thisMs.length);
      return String.format(Locale.ROOT,
          "pages                 %d%n"
              + "timed passes          %d (after one untimed)%n"
              + "this build, mean      %.2f ms/page%n"
              + "other build, mean     %.2f ms/page%n"
              + "this / other          %.3f (by pass:%s)%n",
          pages, thisMs.length, sum(thisMs) / n, sum(otherMs) / n, ratio(), passes);
    }

    private static double sum(double[] values) {
      double total = 0;
      for (double v : values) {
        total += v;
      }
      return total;
    }
  }

  private final Extraction self;
  private final Extraction other;
  private final LongSupplier nanoTime;
  private final int passes;

  /**
   * @param self this build's extraction
   * @param other the build compared with it
   * @param passes passes over all the pages, the first untimed; at least 2
   */
  public BuildComparison(Extraction self, Extraction other, LongSupplier nanoTime, int passes) {
    if (passes < 2) {
      throw new IllegalArgumentException("passes must be >= 2 (the first is untimed), not "
          + passes);
    }
    this.self = self;
    this.other = other;
    this.nanoTime = nanoTime;
    this.passes = passes;
  }

  /** Runs over the pages of the corpora in {@code dirs}, at most {@code limit} per corpus (0: all). */
  public Result run(List<Path> dirs, int limit) throws IOException {
    List<Path> files = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    ExtractionBenchmark.listPages(dirs, limit, files, urls);
    double[] thisMs = new double[passes - 1];
    double[] otherMs = new double[passes - 1];
    for (int pass = 0; pass < passes; pass++) {
      long thisNanos = 0;
      long otherNanos = 0;
      for (int i = 0; i < files.size(); i++) {
        byte[] bytes = CorpusEvaluator.readPage(files.get(i));
        for (int turn = 0; turn < 2; turn++) {
          boolean mine = (i + pass + turn) % 2 == 0;
          long t0 = nanoTime.getAsLong();
          extract(mine ? self : other, bytes, urls.get(i));
          long spent = nanoTime.getAsLong() - t0;
          if (mine) {
            thisNanos += spent;
          } else {
            otherNanos += spent;
          }
        }
      }
      if (pass > 0) {
        thisMs[pass - 1] = thisNanos / 1e6;
        otherMs[pass - 1] = otherNanos / 1e6;
      }
    }
    return new Result(files.size(), thisMs, otherMs);
  }

  private static void extract(Extraction build, byte[] bytes, String url) {
    try {
      build.extract(bytes, url);
    } catch (Exception e) {
      // A page that fails still cost its time; the comparison measures speed, not success.
    }
  }
}
