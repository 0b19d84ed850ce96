package org.newsarc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.eval.ExtractionBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
            + " ratio percentiles."},
    footer = {"", "Example:",
        "  newsarc bench ../shared/eval/wcxb-dev ../shared/eval/trafilatura"})
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

  @Parameters(paramLabel = "DIR", arity = "1..*",
      description = "Corpus folders laid out as for eval (gold.jsonl and page files).")
  List<Path> dirs = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    ExtractionBenchmark bench = new ExtractionBenchmark(new ArticleExtractor(), System::nanoTime,
        repeat, warmup);
    PrintWriter out = spec.commandLine().getOut();
    out.print(bench.run(dirs, limit).format());
    out.flush();
    return 0;
  }
}
