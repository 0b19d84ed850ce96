package org.newsarc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.eval.BuildComparison;
import org.newsarc.extractor.eval.ExtractionBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsarc bench}: how much slower extraction is than a bare Jsoup parse. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
        "Benchmark extraction speed against a bare Jsoup parse of the same pages.",
        "",
        "Warms both paths up, then times each page's parse and extraction alternately"
            + " (fastest of --repeat runs) and reports the ratio of the totals and per-page"
            + " ratio percentiles.",
        "",
        "With --against, times this build's extraction against another build's instead (a"
            + " newsarc jar, loaded beside this one in the same process): page by page, each"
            + " extracts in turn, over --passes passes of all the pages, the first untimed, and"
            + " the ratio of this build's time to the other's is printed for each pass and all"
            + " together. Both see the machine in the same moments, so the ratio holds still"
            + " where two bench runs one after the other move with the load."},
    footer = {"", "Examples:",
        "  newsarc bench ../shared/eval/wcxb-dev ../shared/eval/trafilatura",
        "  newsarc bench --against /tmp/newsarc-before.jar ../shared/eval/wcxb-dev"})
public final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "At most N pages per corpus (default: all).")
  int limit;

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
      description = "Timed runs per page; the fastest counts (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "200",
      description = "Pages run three times untimed before measuring (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--against", paramLabel = "JAR",
      description = "Compare with the extractor of this other newsarc build (its jar).")
  Path against;

  @Option(names = "--passes", paramLabel = "N", defaultValue = "4",
      description = "With --against: passes over all pages, the first untimed"
          + " (default: ${DEFAULT-VALUE}).")
  int passes;

  @Parameters(paramLabel = "DIR", arity = "1..*",
      description = "Corpus folders laid out as for eval (gold.jsonl and page files).")
  List<Path> dirs = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    for (Path dir : dirs) {
      if (!Files.isRegularFile(dir.resolve("gold.jsonl"))) {
        throw new ParameterException(spec.commandLine(), dir + " has no gold.jsonl");
      }
    }
    if (against != null) {
      return compare();
    }
    ExtractionBenchmark bench = new ExtractionBenchmark(new ArticleExtractor(), System::nanoTime,
        repeat, warmup);
    PrintWriter out = spec.commandLine().getOut();
    out.print(bench.run(dirs, limit).format());
    out.flush();
    return 0;
  }

  private int compare() throws IOException {
    if (passes < 2) {
      throw new ParameterException(spec.commandLine(),
          "--passes must be at least 2 (the first is untimed), not " + passes);
    }
    OtherBuild.Loaded other;
    try {
      other = OtherBuild.load(against);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--against: " + e.getMessage());
    }
    // This build's extractor is loaded the same way, apart from the one this command runs on:
    // both then reach their code through the same kind of call and their own class loader.
    OtherBuild.Loaded mine = OtherBuild.load(ownLocation());
    BuildComparison comparison = new BuildComparison(mine.extraction(), other.extraction(),
        System::nanoTime, passes);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("this build            extractor %s%n", ArticleExtractor.VERSION);
    out.printf("other build           extractor %s from %s%n", other.version(), against);
    out.print(comparison.run(dirs, limit).format());
    out.flush();
    return 0;
  }

  /** Where this build's extractor classes are: its jar, or its folder of classes. */
  private static Path ownLocation() throws IOException {
    try {
      return Path.of(ArticleExtractor.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IOException("cannot tell where this build's extractor is loaded from: " + e, e);
    }
  }
}
