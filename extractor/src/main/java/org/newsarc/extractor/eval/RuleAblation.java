package org.newsarc.extractor.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.ExtractionRule;
import org.newsarc.extractor.ExtractorOptions;
import org.newsarc.extractor.internal.Rules;

/**
 * What each extraction rule contributes on each corpus, and the leave-one-corpus-out figures
 * that follow from it. Every page is extracted once with every rule on, recording which rules
 * acted on it; then, for each rule, the pages it acted on are extracted again with it switched
 * off (a rule that did not act on a page cannot change it), which gives the rule's gain on
 * every corpus's main figure. A corpus is then held out: a rule is chosen when, on the other
 * corpora, it raises the mean of their main figures and lowers none by more than
 * {@link #TOLERANCE} (the acceptance rule of docs/extraction.md); the rules not chosen are
 * switched off together and the held-out corpus is scored so. A rule that moves none of the
 * other corpora is not chosen under the strict reading, and chosen under the issue's reading
 * when {@link ExtractionRule#namedByIssue()}. Not thread-safe; one per run (it uses its own
 * threads inside).
 */
public final class RuleAblation {

  /** Most a chosen rule may lower another corpus's main figure. */
  public static final double TOLERANCE = 0.002;
  /** Gains smaller than this are no movement (rounding of means over a thousand pages). */
  private static final double NO_MOVE = 1e-9;

  /** One corpus: its pages' results with every rule on, and the rules that acted on each. */
  private record Corpus(String set, Path dir, List<GoldPage> pages, List<PageResult> base,
      List<Set<ExtractionRule>> fired) {}

  /** One held-out corpus under one reading: the rules switched off and the figure without them. */
  public record HeldOut(String set, boolean strict, Set<ExtractionRule> off, double figure,
      double full) {
    public double difference() {
      return figure - full;
    }
  }

  /** The whole measurement, ready to print. */
  public record Result(List<String> sets, Map<String, String> mainFigure,
      Map<String, Double> full, Map<ExtractionRule, Map<String, Double>> gains,
      Map<ExtractionRule, Integer> pagesActedOn, List<HeldOut> heldOut) {}

  private final List<Path> dirs;
  private final int threads;

  /**
   * @param dirs corpus folders as for {@code eval}
   * @param threads pages extracted at once
   */
  public RuleAblation(List<Path> dirs, int threads) {
    this.dirs = List.copyOf(dirs);
    this.threads = Math.max(1, threads);
  }

  /** Runs the measurement; {@code progress} is told what is being done, line by line. */
  public Result run(Consumer<String> progress) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Corpus> corpora = new ArrayList<>();
      for (Path dir : dirs) {
        corpora.add(baseline(dir, pool));
        progress.accept("every rule on: " + corpora.get(corpora.size() - 1).set());
      }
      List<String> sets = corpora.stream().map(Corpus::set).toList();
      Map<String, String> mainFigure = new LinkedHashMap<>();
      Map<String, Double> full = new LinkedHashMap<>();
      for (Corpus c : corpora) {
        String name = mainFigure(CorpusEvaluator.metrics(c.set(), c.base()));
        mainFigure.put(c.set(), name);
        full.put(c.set(), figure(c.set(), c.base(), name));
      }
      Map<ExtractionRule, Map<String, Double>> gains = new EnumMap<>(ExtractionRule.class);
      Map<ExtractionRule, Integer> acted = new EnumMap<>(ExtractionRule.class);
      for (ExtractionRule rule : ExtractionRule.values()) {
        Map<String, Double> g = new LinkedHashMap<>();
        int pages = 0;
        for (Corpus c : corpora) {
          Without w = without(c, EnumSet.of(rule), pool);
          pages += w.rescored();
          g.put(c.set(), full.get(c.set()) - figure(c.set(), w.results(), mainFigure.get(c.set())));
        }
        gains.put(rule, g);
        acted.put(rule, pages);
        progress.accept("without " + rule.id() + " (" + pages + " pages)");
      }
      List<HeldOut> heldOut = new ArrayList<>();
      for (Corpus c : corpora) {
        for (boolean strict : new boolean[] {true, false}) {
          Set<ExtractionRule> off = notChosen(c.set(), sets, gains, strict);
          double figure = figure(c.set(), without(c, off, pool).results(),
              mainFigure.get(c.set()));
          heldOut.add(new HeldOut(c.set(), strict, off, figure, full.get(c.set())));
        }
        progress.accept("held out: " + c.set());
      }
      return new Result(sets, mainFigure, full, gains, acted, heldOut);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The rules that the corpora other than {@code heldOut} would not choose by the acceptance
   * rule, from each rule's gains on them.
   */
  static Set<ExtractionRule> notChosen(String heldOut, List<String> sets,
      Map<ExtractionRule, Map<String, Double>> gains, boolean strict) {
    Set<ExtractionRule> off = EnumSet.noneOf(ExtractionRule.class);
    for (Map.Entry<ExtractionRule, Map<String, Double>> e : gains.entrySet()) {
      double sum = 0;
      double least = Double.POSITIVE_INFINITY;
      int others = 0;
      boolean moves = false;
      for (String set : sets) {
        if (set.equals(heldOut)) {
          continue;
        }
        double g = e.getValue().get(set);
        sum += g;
        least = Math.min(least, g);
        others++;
        moves |= Math.abs(g) > NO_MOVE;
      }
      boolean chosen = moves
          ? sum / others > NO_MOVE && least >= -TOLERANCE - NO_MOVE
          : !strict && e.getKey().namedByIssue();
      if (!chosen) {
        off.add(e.getKey());
      }
    }
    return off;
  }

  /**
   * The figure a corpus is judged by, as in docs/extraction.md: main-text F1, else snippet F1,
   * else title match (readability), else date accuracy (htmldate).
   */
  static String mainFigure(List<Metric> metrics) {
    for (String name : List.of("text_f1", "snippet_f1", "title_match", "date_acc")) {
      for (Metric m : metrics) {
        if (m.name().equals(name)) {
          return name;
        }
      }
    }
    throw new IllegalArgumentException("a corpus with no text, snippet, date or title gold");
  }

  private static double figure(String set, List<PageResult> results, String name) {
    for (Metric m : CorpusEvaluator.metrics(set, results)) {
      if (m.name().equals(name)) {
        return m.value();
      }
    }
    throw new IllegalStateException(set + " has no " + name);
  }

  private record Scored(PageResult result, Set<ExtractionRule> fired) {}

  private Corpus baseline(Path dir, ExecutorService pool) throws IOException {
    String set = CorpusEvaluator.setName(dir);
    List<GoldPage> pages = CorpusEvaluator.readGold(dir);
    CorpusEvaluator evaluator = new CorpusEvaluator(new ArticleExtractor(), System::nanoTime,
        r -> { });
    List<Future<Scored>> futures = new ArrayList<>(pages.size());
    for (GoldPage gold : pages) {
      futures.add(pool.submit(() -> {
        try (Rules scope = Rules.open(Set.of())) {
          PageResult r = evaluator.score(set, dir, gold, new long[1]);
          return new Scored(r, scope.fired());
        }
      }));
    }
    List<PageResult> base = new ArrayList<>(pages.size());
    List<Set<ExtractionRule>> fired = new ArrayList<>(pages.size());
    for (Future<Scored> f : futures) {
      Scored s = join(f);
      base.add(s.result());
      fired.add(s.fired());
    }
    return new Corpus(set, dir, pages, base, fired);
  }

  private record Without(List<PageResult> results, int rescored) {}

  /** The corpus's results with {@code off} switched off: only pages one of them acted on change. */
  private Without without(Corpus c, Set<ExtractionRule> off, ExecutorService pool) {
    List<PageResult> results = new ArrayList<>(c.base());
    if (off.isEmpty()) {
      return new Without(results, 0);
    }
    CorpusEvaluator evaluator = new CorpusEvaluator(
        new ArticleExtractor(ExtractorOptions.DEFAULTS.withoutRules(off)),
        System::nanoTime, r -> { });
    Map<Integer, Future<PageResult>> redo = new LinkedHashMap<>();
    for (int i = 0; i < c.pages().size(); i++) {
      if (!Collections.disjoint(c.fired().get(i), off)) {
        GoldPage gold = c.pages().get(i);
        redo.put(i, pool.submit(() -> evaluator.score(c.set(), c.dir(), gold, new long[1])));
      }
    }
    redo.forEach((i, f) -> results.set(i, join(f)));
    return new Without(results, redo.size());
  }

  private static <T> T join(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u;
      }
      throw new IllegalStateException("extraction failed: " + e.getCause(), e.getCause());
    }
  }
}
