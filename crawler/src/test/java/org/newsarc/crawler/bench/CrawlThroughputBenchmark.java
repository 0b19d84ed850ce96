package org.newsarc.crawler.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;
import org.newsarc.crawler.config.ConfigLoader;
import org.newsarc.crawler.config.CrawlConfig;
import org.newsarc.crawler.daemon.CrawlDaemon;
import org.newsarc.crawler.daemon.CrawlSummary;
import org.newsarc.crawler.daemon.SeedLoader;
import org.newsarc.crawler.daemon.StopSignal;
import org.newsarc.crawler.politeness.Sleeper;

/**
 * Pages per second of the whole daemon (robots.txt, fetch, WARC, extraction, catalog, frontier)
 * on a loopback crawl of H hosts (127.0.1.x) with P articles each, delay 0. Not a unit test;
 * run by hand:
 * {@code java -cp ... org.newsarc.crawler.bench.CrawlThroughputBenchmark 50 40 16}
 */
public final class CrawlThroughputBenchmark {
  public static void main(String[] args) throws Exception {
    int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int pages = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    List<TestSite> sites = new ArrayList<>();
    StringBuilder seeds = new StringBuilder();
    String article = articleHtml();
    for (int h = 1; h <= hosts; h++) {
      TestSite site = new TestSite("127.0.1." + h);
      StringBuilder links = new StringBuilder();
      for (int i = 0; i < pages; i++) {
        links.append("<a href=\"/story/").append(i).append("\">story</a>");
        site.route("/story/" + i, Reply.html(article.replace("STORY", "story " + i + " on " + h)));
      }
      site.route("/", Reply.html("<html><body>" + links + "</body></html>"));
      seeds.append("    - ").append(site.url("/")).append('\n');
      sites.add(site);
    }
    Path dir = Files.createTempDirectory("crawl-bench");
    Path file = dir.resolve("crawl.yaml");
    Files.writeString(file, "identity:\n  contact: https://example.org/bench\nstatus:\n"
        + "  enabled: false\nseeds:\n  urls:\n" + seeds + "politeness:\n  workers: " + workers
        + "\n  delay: 0s\n  response-time-factor: 0\n"
        + "fetch:\n  allow-addresses: [127.0.1.0/24]\n");
    CrawlConfig config = new ConfigLoader().load(file);
    Clock clock = Clock.systemUTC();
    long t0 = System.nanoTime();
    CrawlSummary summary;
    try (CrawlDaemon daemon = CrawlDaemon.open(config, SeedLoader.load(config.seeds(), dir),
        dir.resolve("out"), "bench", clock, Sleeper.SYSTEM)) {
      summary = daemon.run(new StopSignal(clock, -1, clock.instant().plus(Duration.ofMinutes(10))),
          true);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long requests = sites.stream().mapToLong(s -> s.hits().size()).sum();
    int maxPerHost = sites.stream().mapToInt(TestSite::maxInFlight).max().orElse(0);
    System.out.printf("crawl: %d hosts x %d articles, %d workers, delay 0: %d fetches (%d articles)"
        + " + %d robots.txt in %.1f s = %.0f pages/s; max in flight per host %d%n", hosts, pages,
        workers, summary.fetches(), summary.articles(), requests - summary.fetches(), seconds,
        summary.fetches() / seconds, maxPerHost);
    sites.forEach(TestSite::close);
  }

  private static String articleHtml() {
    String sentence = "The council met on Tuesday to discuss STORY and agreed, after a long"
        + " debate about budgets and timetables, to revisit the plan next month. ";
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      p.append("<p>").append(sentence.repeat(3)).append("</p>");
    }
    return "<html lang=\"en\"><head><title>STORY</title><meta property=\"og:type\""
        + " content=\"article\"><meta property=\"article:published_time\""
        + " content=\"2024-05-01T09:00:00Z\"></head><body><article><h1>STORY</h1>" + p
        + "</article></body></html>";
  }
}
