package org.newsarc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsarc.crawler.config.ConfigLoader;
import org.newsarc.crawler.config.CrawlConfig;
import org.newsarc.crawler.daemon.CrawlDaemon;
import org.newsarc.crawler.daemon.CrawlSummary;
import org.newsarc.crawler.daemon.SeedLoader;
import org.newsarc.crawler.daemon.StopSignal;
import org.newsarc.crawler.politeness.Sleeper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsarc crawl}: the long-running crawl daemon. */
@Command(
    name = "crawl",
    mixinStandardHelpOptions = true,
    description = {
        "Run a polite, resumable crawl over seeds, feeds and sitemaps.",
        "",
        "Crawls from the seeds, feeds and sitemaps of a YAML configuration, politely (robots.txt,"
            + " one request at a time per host, delays, Retry-After, back-off), writing WARC"
            + " files, the catalog and the frontier below the configured output folder.",
        "Stop it with Ctrl-C or SIGTERM: running fetches finish and the WARC file is closed."
            + " After a crash (even kill -9) run the same command again: it resumes where it was.",
        "See config/crawl.example.yaml for every option and docs/crawl.md for the details.",
        "Exit code: 0 when the crawl stopped cleanly (idle, --max-pages, --max-time, or Ctrl-C"
            + " or SIGTERM once running fetches are recorded), 1 when it stopped on a storage"
            + " error, 2 on usage or configuration errors."},
    footer = {"", "Examples:",
        "  newsarc crawl --config config/news.yaml",
        "  newsarc crawl --config crawl.yaml --max-pages 500 --max-time 30m",
        "  newsarc status --config crawl.yaml"})
public final class CrawlCommand implements Callable<Integer> {
  /** Exit code when the crawl stopped because storage failed. */
  static final int EXIT_STORAGE = 1;

  @Spec
  CommandSpec spec;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true,
      description = "The crawl configuration (YAML).")
  Path config;

  @Option(names = "--max-pages", paramLabel = "N", defaultValue = "-1",
      description = "Stop after N fetches (default: no limit).")
  long maxPages;

  @Option(names = "--max-time", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stop after this long, e.g. 30m or 12h (default: no limit).")
  Duration maxTime;

  @Option(names = "--exit-when-idle",
      description = "Stop once nothing can be fetched within a minute (only later revisits, or hosts held back longer, remain).")
  boolean exitWhenIdle;

  @Override
  public Integer call() throws IOException, InterruptedException {
    CrawlConfig cfg = new ConfigLoader().load(config);
    Path base = config.toAbsolutePath().getParent();
    List<String> seeds = SeedLoader.load(cfg.seeds(), base);
    String outProblem = OutputFolder.problem(base.resolve(cfg.output().directory()));
    if (outProblem != null) {
      throw new ParameterException(spec.commandLine(), config + ": output.directory: "
          + outProblem);
    }
    Clock clock = Clock.systemUTC();
    StopSignal stop = new StopSignal(clock, maxPages,
        maxTime == null ? null : clock.instant().plus(maxTime));
    PrintWriter err = spec.commandLine().getErr();
    CountDownLatch closed = new CountDownLatch(1);
    AtomicInteger exitCode = new AtomicInteger(EXIT_STORAGE);
    Thread hook = new Thread(() -> {
      stop.request("signal");
      try {
        // Keep the JVM alive until running fetches are recorded and the WARC is closed.
        if (closed.await(cfg.fetch().totalTimeout().toSeconds() + 30, TimeUnit.SECONDS)) {
          // A clean stop by signal is a success: exit with the crawl's own code, not 143.
          err.flush();
          spec.commandLine().getOut().flush();
          Runtime.getRuntime().halt(exitCode.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "newsarc-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      CrawlSummary summary;
      try (CrawlDaemon daemon = CrawlDaemon.open(cfg, seeds,
          base.resolve(cfg.output().directory()), Version.version(), clock, Sleeper.SYSTEM)) {
        err.println("newsarc: crawling " + seeds.size() + " seed(s) into "
            + daemon.outputDirectory() + (cfg.status().enabled()
                ? "; status on http://127.0.0.1:" + cfg.status().port() + "/status" : ""));
        err.flush();
        if (System.console() != null) {
          // On a terminal only: a line every few seconds; logs and pipes stay quiet.
          daemon.onProgress(line -> {
            err.println("newsarc: " + line);
            err.flush();
          }, Duration.ofSeconds(5));
        }
        summary = daemon.run(stop, exitWhenIdle);
      }
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.printf("stopped (%s): %d fetches, %d articles%s%n", summary.stopReason(),
          summary.fetches(), summary.articles(), summary.requeued() + summary.recovered() > 0
              ? String.format(", resumed %d unfinished URL(s), %d recovered from the WARC",
                  summary.requeued() + summary.recovered(), summary.recovered()) : "");
      stdout.flush();
      int code = summary.stopReason() != null && summary.stopReason().startsWith("storage")
          ? EXIT_STORAGE : 0;
      exitCode.set(code);
      return code;
    } finally {
      // Only now may a signal's shutdown hook let the JVM exit.
      closed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook is running and returns at once.
      }
    }
  }
}
