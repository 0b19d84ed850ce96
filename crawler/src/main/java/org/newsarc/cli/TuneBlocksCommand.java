package org.newsarc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.newsarc.extractor.eval.BlockTrainer;
import org.newsarc.extractor.eval.JudgeReplay;
import org.newsarc.extractor.eval.TreeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsarc tune-blocks}: grid training settings and thresholds of the block classifier
 * under the leave-one-corpus-out protocol, scoring by replay ({@link JudgeReplay}).
 */
@Command(
    name = "tune-blocks",
    mixinStandardHelpOptions = true,
    description = {
        "Grid block classifier settings and thresholds, full and held out.",
        "",
        "Extracts every page of each DIR once, then for every line of the settings file"
            + " trains one model on all corpora and one per corpus left out, and prints, per"
            + " threshold, each corpus's main figure (token F1, or snippet F1 where there is no"
            + " text gold) with the full model and with the model trained without it, against"
            + " the rules alone. A line passes when the full figures raise the mean and lower no"
            + " corpus by more than 0.002, and every held-out figure is within 0.01 of its full"
            + " figure and not more than 0.002 below the rules alone.",
        "A settings line is 'logistic' or the key=value words of train-blocks --tree-settings;"
            + " '#' starts a comment."},
    footer = {"", "Example:",
        "  newsarc tune-blocks --settings grid.txt --thresholds 0.1,0.3,0.5 ../shared/eval/*/"})
public final class TuneBlocksCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--settings", required = true, paramLabel = "FILE",
      description = "One setting per line.")
  Path settingsFile;

  @Option(names = "--thresholds", split = ",", paramLabel = "P",
      defaultValue = "0.05,0.1,0.2,0.3,0.4,0.5",
      description = "Thresholds to score (default: ${DEFAULT-VALUE}).")
  List<Double> thresholds;

  @Parameters(paramLabel = "DIR", arity = "1..*", description = "Corpus folders.")
  List<Path> dirs = new ArrayList<>();

  private static final double MAY_LOSE = 0.002;
  private static final double HELD_OUT_GAP = 0.01;

  @Override
  public Integer call() throws IOException {
    List<String> settings = new ArrayList<>();
    for (String line : Files.readAllLines(settingsFile, StandardCharsets.UTF_8)) {
      String l = line.replaceFirst("#.*", "").strip();
      if (!l.isEmpty()) {
        if (!l.equals("logistic")) {
          try {
            TreeOptions.parse(l, TreeOptions.FIRST);
          } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), settingsFile + ": " + e.getMessage());
          }
        }
        settings.add(l);
      }
    }
    List<Path> sorted = new ArrayList<>(dirs);
    sorted.sort(Comparator.comparing(p -> p.toAbsolutePath().normalize().getFileName().toString()));
    PrintWriter out = spec.commandLine().getOut();
    List<JudgeReplay.Corpus> corpora = new ArrayList<>();
    List<BlockTrainer.Samples> samples = new ArrayList<>();
    for (Path dir : sorted) {
      if (!Files.isRegularFile(dir.resolve("gold.jsonl"))) {
        throw new ParameterException(spec.commandLine(), dir + " has no gold.jsonl");
      }
      JudgeReplay.Corpus c = JudgeReplay.collect(dir);
      BlockTrainer.Samples s = JudgeReplay.samples(c);
      if (s.size() > 0) {
        corpora.add(c);
        samples.add(s);
      }
    }
    int n = corpora.size();
    double[] rules = new double[n];
    StringBuilder head = new StringBuilder("rules alone:");
    for (int c = 0; c < n; c++) {
      JudgeReplay.Score s = JudgeReplay.score(corpora.get(c), null, 0);
      rules[c] = s.main();
      head.append(' ').append(describe(s));
    }
    out.println(head);
    out.println("setting | threshold | full: main figures (delta) | held out: main (delta from"
        + " rules, from full) | verdict");
    out.flush();
    for (String setting : settings) {
      ToDoubleFunction<double[]> full = train(setting, samples);
      List<ToDoubleFunction<double[]>> heldOut = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        List<BlockTrainer.Samples> others = new ArrayList<>(samples);
        others.remove(c);
        heldOut.add(train(setting, others));
      }
      double[][][] pFull = new double[n][][];
      double[][][] pHeld = new double[n][][];
      for (int c = 0; c < n; c++) {
        pFull[c] = JudgeReplay.probabilities(corpora.get(c), full);
        pHeld[c] = JudgeReplay.probabilities(corpora.get(c), heldOut.get(c));
      }
      for (double t : thresholds) {
        StringBuilder line = new StringBuilder(setting).append(" | ").append(t).append(" |");
        double mean = 0;
        boolean fullPasses = true;
        boolean heldPasses = true;
        double[] fullMain = new double[n];
        for (int c = 0; c < n; c++) {
          JudgeReplay.Score s = JudgeReplay.score(corpora.get(c), pFull[c], t);
          fullMain[c] = s.main();
          mean += (s.main() - rules[c]) / n;
          fullPasses &= s.main() - rules[c] >= -MAY_LOSE;
          line.append(' ').append(describe(s))
              .append(String.format(Locale.ROOT, " (%+.4f)", s.main() - rules[c]));
        }
        fullPasses &= mean > 0;
        line.append(" |");
        for (int c = 0; c < n; c++) {
          JudgeReplay.Score s = JudgeReplay.score(corpora.get(c), pHeld[c], t);
          heldPasses &= s.main() - rules[c] >= -MAY_LOSE
              && Math.abs(s.main() - fullMain[c]) <= HELD_OUT_GAP;
          line.append(' ').append(describe(s)).append(String.format(Locale.ROOT,
              " (%+.4f, %+.4f)", s.main() - rules[c], s.main() - fullMain[c]));
        }
        line.append(String.format(Locale.ROOT, " | mean %+.4f, %s", mean,
            fullPasses && heldPasses ? "passes"
                : fullPasses ? "fails held out" : "fails on the full figures"));
        out.println(line);
        out.flush();
      }
      out.println(setting + " | threshold chosen without the corpus left out:"
          + chosenWithout(corpora, rules, heldOut, pHeld));
      out.flush();
    }
    return 0;
  }

  /**
   * For every corpus left out, the threshold that the model trained without it would be given
   * by the acceptance rule on the corpora it was trained on (the highest mean gain over the
   * rules, none losing more than 0.002; the rules alone when no threshold gains), and the
   * left-out corpus's held-out figure under that choice.
   */
  private String chosenWithout(List<JudgeReplay.Corpus> corpora, double[] rules,
      List<ToDoubleFunction<double[]>> heldOut, double[][][] pHeld) {
    StringBuilder out = new StringBuilder();
    int n = rules.length;
    for (int left = 0; left < n; left++) {
      double[][][] p = new double[n][][];
      for (int c = 0; c < n; c++) {
        if (c != left) {
          p[c] = JudgeReplay.probabilities(corpora.get(c), heldOut.get(left));
        }
      }
      int best = -1;
      double bestMean = 0;
      for (int ti = 0; ti < thresholds.size(); ti++) {
        double mean = 0;
        boolean ok = true;
        for (int c = 0; c < n; c++) {
          if (c != left) {
            double gain = JudgeReplay.score(corpora.get(c), p[c], thresholds.get(ti)).main()
                - rules[c];
            mean += gain / (n - 1);
            ok &= gain >= -MAY_LOSE;
          }
        }
        if (ok && mean > bestMean) {
          best = ti;
          bestMean = mean;
        }
      }
      String set = corpora.get(left).set();
      if (best < 0) {
        out.append(String.format(Locale.ROOT, " %s: rules alone %.4f;", set, rules[left]));
      } else {
        double t = thresholds.get(best);
        double held = JudgeReplay.score(corpora.get(left), pHeld[left], t).main();
        out.append(String.format(Locale.ROOT, " %s: %s, %.4f (%+.4f);", set, t, held,
            held - rules[left]));
      }
    }
    return out.toString();
  }

  private static ToDoubleFunction<double[]> train(String setting, List<BlockTrainer.Samples> s) {
    if (setting.equals("logistic")) {
      return BlockTrainer.fit(s, 0.5)::probability;
    }
    return BlockTrainer.fitTrees(s, 0.5, TreeOptions.parse(setting, TreeOptions.FIRST))::probability;
  }

  private static String describe(JudgeReplay.Score s) {
    if (Double.isNaN(s.textF1())) {
      return String.format(Locale.ROOT, "%s %.4f (P %.4f)", s.set(), s.snippets().f1(),
          s.snippets().precision());
    }
    return Double.isNaN(s.articleF1())
        ? String.format(Locale.ROOT, "%s %.4f", s.set(), s.textF1())
        : String.format(Locale.ROOT, "%s %.4f (art. %.4f)", s.set(), s.textF1(), s.articleF1());
  }
}
