package org.newsarc.extractor.eval;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jsoup.Jsoup;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.ExtractionException;

/**
 * A warm benchmark of extraction speed against the cost of merely parsing: for every page of
 * the given corpora it times a bare Jsoup parse of the bytes and a full
 * {@link ArticleExtractor#extract} of the same bytes, alternating, several times, keeping the
 * fastest of each, after a warm-up pass that lets the JIT compile both paths. Reports the ratio
 * of the totals and the median and 90th percentile of the per-page ratios.
 * Not thread-safe; one per run.
 */
public final class ExtractionBenchmark {

  /** The outcome of a run; times in milliseconds. */
  public record Result(int pages, double parseMs, double extractMs, double totalRatio,
      double medianRatio, double p90Ratio) {

    public String format() {
      return String.format(Locale.ROOT,
          "pages                 %d%n"
              + "jsoup parse, mean     %.2f ms/page%n"
              + "extract, mean         %.2f ms/page%n"
              + "ratio of totals       %.2fx%n"
              + "per-page ratio p50    %.2fx%n"
              + "per-page ratio p90    %.2fx%n",
          pages, parseMs / pages, extractMs / pages, totalRatio, medianRatio, p90Ratio);
    }
  }

  private final ArticleExtractor extractor;
  private final LongSupplier nanoTime;
  private final int repeats;
  private final int warmupPages;

  /**
   * @param repeats timed runs per page and path; the fastest counts
   * @param warmupPages how many pages (from the start) are run untimed first, three times
   */
  public ExtractionBenchmark(ArticleExtractor extractor, LongSupplier nanoTime, int repeats,
      int warmupPages) {
    if (repeats < 1 || warmupPages < 0) {
      throw new IllegalArgumentException("repeats must be >= 1 and warm-up pages >= 0");
    }
    this.extractor = extractor;
    this.nanoTime = nanoTime;
    this.repeats = repeats;
    this.warmupPages = warmupPages;
  }

  /**
   * Runs over the pages of the corpora in {@code dirs}, at most {@code limit} per corpus
   * (0: all of them).
   */
  public Result run(List<Path> dirs, int limit) throws IOException {
    List<Path> files = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    listPages(dirs, limit, files, urls);
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < Math.min(warmupPages, files.size()); i++) {
        byte[] bytes = CorpusEvaluator.readPage(files.get(i));
        parse(bytes, urls.get(i));
        extract(bytes, urls.get(i));
      }
    }
    double[] ratios = new double[files.size()];
    long parseTotal = 0;
    long extractTotal = 0;
    for (int i = 0; i < files.size(); i++) {
      byte[] bytes = CorpusEvaluator.readPage(files.get(i));
      long bestParse = Long.MAX_VALUE;
      long bestExtract = Long.MAX_VALUE;
      for (int r = 0; r < repeats; r++) {
        long t0 = nanoTime.getAsLong();
        parse(bytes, urls.get(i));
        long t1 = nanoTime.getAsLong();
        extract(bytes, urls.get(i));
        long t2 = nanoTime.getAsLong();
        bestParse = Math.min(bestParse, t1 - t0);
        bestExtract = Math.min(bestExtract, t2 - t1);
      }
      parseTotal += bestParse;
      extractTotal += bestExtract;
      ratios[i] = (double) bestExtract / Math.max(1, bestParse);
    }
    Arrays.sort(ratios);
    int n = ratios.length;
    return new Result(n, parseTotal / 1e6, extractTotal / 1e6,
        parseTotal == 0 ? 0 : (double) extractTotal / parseTotal,
        n == 0 ? 0 : ratios[n / 2], n == 0 ? 0 : ratios[Math.min(n - 1, (int) (n * 0.9))]);
  }

  /**
   * Adds the page files of the corpora in {@code dirs}, at most {@code limit} per corpus (0: all
   * of them), to {@code files}, and their addresses ("" when unknown) to {@code urls}.
   */
  static void listPages(List<Path> dirs, int limit, List<Path> files, List<String> urls)
      throws IOException {
    for (Path dir : dirs) {
      int n = 0;
      for (GoldPage page : CorpusEvaluator.readGold(dir)) {
        if (limit > 0 && n++ >= limit) {
          break;
        }
        files.add(dir.resolve(page.file()));
        urls.add(page.url() == null ? "" : page.url());
      }
    }
  }

  private static void parse(byte[] bytes, String url) throws IOException {
    Jsoup.parse(new ByteArrayInputStream(bytes), null, url);
  }

  private void extract(byte[] bytes, String url) {
    try {
      extractor.extract(bytes, url, Map.of());
    } catch (ExtractionException e) {
      // A page that fails still cost its time; the benchmark measures speed, not success.
    }
  }
}
