package org.newsarc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsarc.crawler.capture.ArchiveSession;
import org.newsarc.crawler.capture.PageOutcome;
import org.newsarc.crawler.demo.DemoSite;
import org.newsarc.crawler.fetch.FailureKind;
import org.newsarc.crawler.fetch.FetchOptions;
import org.newsarc.crawler.politeness.Sleeper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsarc demo}: archive the built-in seed-like news site, offline. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Archive the built-in seed-like news site (offline).",
        "",
        "Starts a small news site on 127.0.0.1 (the pages in seeds/site, each in the layout of a"
            + " real outlet with its share bars, ads, related links and notices), archives"
            + " every article on it through the same code as 'newsarc archive', and shows"
            + " what was extracted. Needs no network."},
    footer = {"", "Examples:",
        "  newsarc demo",
        "  newsarc demo --out /tmp/demo && sqlite3 /tmp/demo/newsarc.db 'select title from articles'"})
public final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "newsarc-demo",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "100ms",
      converter = DurationConverter.class,
      description = "Least time between two requests to the demo site (default: ${DEFAULT-VALUE}).")
  Duration delay;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    // The demo site serves on 127.0.0.1: that address, and no other private one, is allowed.
    FetchOptions fetch = FetchOptions.defaults(
        FetchOptions.userAgent(Version.version(), "demo"))
        .withAllowedAddresses(java.util.List.of(DemoSite.ADDRESS + "/32"));
    OutcomeReport report = new OutcomeReport();
    try (DemoSite site = DemoSite.start();
        ArchiveSession session = ArchiveSession.open(out, fetch, delay, Version.version(),
            Clock.systemUTC(), Sleeper.SYSTEM)) {
      List<String> urls = site.articleUrls();
      stdout.printf("Demo site running at %s; its index links %d pages.%n%n", site.baseUrl(),
          urls.size());
      stdout.flush();
      session.archiveAll(urls, (index, outcome) -> {
        stdout.println(OutcomeReport.line(outcome));
        stdout.flush();
      }).forEach(report::add);
      stdout.println();
      for (PageOutcome o : report.outcomes()) {
        if (o.article() != null) {
          stdout.printf("%s%n  published: %s   site: %s   language: %s%n  %s%n%n",
              o.article().title(), o.article().published(), o.article().siteName(),
              o.article().language(), firstWords(o.article().text(), 40));
        }
      }
      report.printSummary(stdout, session);
      stdout.printf("%nLook inside:%n  sqlite3 %s 'select title, published, word_count from"
          + " articles'%n  zcat %s/*.warc.gz | less%n", session.catalogFile(),
          session.warcDirectory());
      stdout.flush();
    }
    // The site links a staff page that its robots.txt forbids: refusing it is the point.
    boolean onlyRobots = report.outcomes().stream()
        .allMatch(o -> o.ok() || o.failure() == FailureKind.ROBOTS);
    return onlyRobots ? 0 : 1;
  }

  static String firstWords(String text, int words) {
    String[] parts = text.strip().split("\\s+");
    if (parts.length <= words) {
      return String.join(" ", parts);
    }
    return String.join(" ", java.util.Arrays.copyOf(parts, words)) + " …";
  }
}
