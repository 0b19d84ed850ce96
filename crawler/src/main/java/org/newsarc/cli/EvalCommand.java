package org.newsarc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.ExtractionRule;
import org.newsarc.extractor.ExtractorOptions;
import org.newsarc.extractor.internal.BlockJudge;
import org.newsarc.extractor.internal.BlockModel;
import org.newsarc.extractor.internal.BlockModels;
import org.newsarc.extractor.internal.BlockTrees;
import org.newsarc.extractor.eval.CorpusEvaluator;
import org.newsarc.extractor.eval.EvalTable;
import org.newsarc.extractor.eval.Floors;
import org.newsarc.extractor.eval.Metric;
import org.newsarc.extractor.eval.MissWriter;
import org.newsarc.extractor.eval.PageResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsarc eval}: score the extractor on corpora with gold answers. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
        "Score the extractor on corpora with gold answers.",
        "",
        "Each DIR holds gold.jsonl and the page files it names. Prints one table: per corpus,"
            + " main-text token F1 (and per page type), snippet precision/recall/F1, date"
            + " accuracy, title/author/site/language match rates and pages per second."
            + " With --floors, exits 1 when any figure is below its floor. With --misses,"
            + " writes every wrong date, title and author (set, id, field, expected, got, url)"
            + " to a TSV file for failure analysis."},
    footer = {"", "Examples:",
        "  newsarc eval ../shared/eval/wcxb-dev ../shared/eval/trafilatura",
        "  newsarc eval --floors config/eval-floors.tsv ../shared/eval/*/",
        "  newsarc eval --misses /tmp/misses.tsv ../shared/eval/htmldate",
        "  newsarc eval --without-rules comment-count ../shared/eval/dragnet-train"})
public final class EvalCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--floors", paramLabel = "FILE",
      description = "TSV of set<TAB>metric<TAB>floor lines; a figure below its floor fails the run.")
  Path floorsFile;

  @Option(names = "--block-model", paramLabel = "FILE",
      description = "Judge article blocks with this trained block model (from train-blocks),"
          + " or 'none' for the rules alone; default: the extractor's own choice.")
  String blockModel;

  @Option(names = "--block-threshold", paramLabel = "P",
      description = "Override the block model's threshold.")
  Double blockThreshold;

  @Option(names = "--misses", paramLabel = "FILE",
      description = "Write a TSV line for every wrong date, title or author to FILE.")
  Path missesFile;

  @Option(names = "--without-rules", paramLabel = "RULE,...",
      description = "Switch these extraction rules off (names from 'newsarc ablate --list').")
  String withoutRules;

  @Parameters(paramLabel = "DIR", arity = "1..*", description = "Corpus folders.")
  List<Path> dirs = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    for (Path dir : dirs) {
      if (!Files.isRegularFile(dir.resolve("gold.jsonl"))) {
        throw new ParameterException(spec.commandLine(), dir + " has no gold.jsonl");
      }
    }
    Floors floors = floorsFile == null ? Floors.none() : Floors.read(floorsFile);
    List<Metric> metrics = new ArrayList<>();
    if (missesFile == null) {
      evaluateAll(r -> { }, metrics);
    } else {
      try (Writer w = Files.newBufferedWriter(missesFile, StandardCharsets.UTF_8)) {
        evaluateAll(new MissWriter(w), metrics);
      } catch (UncheckedIOException e) {
        throw new IOException("cannot write " + missesFile + ": " + e.getCause().getMessage(), e);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(EvalTable.format(metrics, floors));
    out.flush();
    List<Floors.Breach> breaches = floors.check(metrics);
    for (Floors.Breach b : breaches) {
      spec.commandLine().getErr().printf("newsarc eval: %s %s is %s, below its floor %.3f%n",
          b.set(), b.metric(), b.value() == null ? "missing" : String.format("%.4f", b.value()),
          b.floor());
    }
    return breaches.isEmpty() ? 0 : 1;
  }

  private static BlockJudge withThreshold(BlockJudge judge, double t) {
    if (judge instanceof BlockModel m) {
      return m.withThreshold(t);
    }
    if (judge instanceof BlockTrees trees) {
      return trees.withThreshold(t);
    }
    return judge;
  }

  private ArticleExtractor extractor() throws IOException {
    ExtractorOptions options = ExtractorOptions.DEFAULTS;
    try {
      options = options.withoutRules(ExtractionRule.parseList(withoutRules));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--without-rules: " + e.getMessage());
    }
    if (blockModel == null && blockThreshold == null) {
      return new ArticleExtractor(options);
    }
    if ("none".equals(blockModel)) {
      return new ArticleExtractor(options, BlockJudge.RULES_ONLY);
    }
    BlockJudge model;
    if (blockModel == null) {
      model = BlockModels.bundled();
      if (blockThreshold != null) {
        model = withThreshold(model, blockThreshold);
      }
    } else {
      try (Reader r = Files.newBufferedReader(Path.of(blockModel), StandardCharsets.UTF_8)) {
        model = BlockModels.read(r, blockThreshold);
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), blockModel + ": " + e.getMessage());
      }
    }
    return new ArticleExtractor(options, model);
  }

  private void evaluateAll(Consumer<PageResult> listener, List<Metric> metrics) throws IOException {
    CorpusEvaluator evaluator = new CorpusEvaluator(extractor(), System::nanoTime, listener);
    for (Path dir : dirs) {
      metrics.addAll(evaluator.evaluate(dir));
    }
  }
}
