package org.newsarc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.nio.file.Files;
import java.time.Clock;
import org.newsarc.archive.Catalog;
import org.newsarc.crawler.config.ConfigLoader;
import org.newsarc.crawler.daemon.CrawlDaemon;
import org.newsarc.crawler.frontier.Frontier;
import org.newsarc.crawler.frontier.FrontierReport;
import org.newsarc.crawler.config.CrawlConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsarc status}: what a running crawl is doing, for a person. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
        "Show a running crawl's status, or its stored frontier.",
        "",
        "Asks a running 'newsarc crawl' for its status (on 127.0.0.1, port from the config or"
            + " --port) and prints it: pages per second, fetches, errors by kind, the frontier"
            + " and the hosts that are paused or parked, with why.",
        "With no crawl running and --config given, prints what the stored frontier says.",
        "Exit code: 0 when a crawl answered, 1 when none is running."},
    footer = {"", "Examples:",
        "  newsarc status --config config/news.yaml",
        "  newsarc status --port 8089 --json"})
public final class StatusCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "The crawl configuration; its status.port is used.")
  Path config;

  @Option(names = "--port", paramLabel = "PORT", description = "The status port (default 8089).")
  Integer port;

  @Option(names = "--json", description = "Print the raw JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    int p = port != null ? port : config != null
        ? new ConfigLoader().load(config).status().port() : CrawlConfig.defaults().status().port();
    PrintWriter out = spec.commandLine().getOut();
    String body;
    try {
      HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
          .build().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/status"))
              .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      body = r.body();
      if (r.statusCode() != 200) {
        spec.commandLine().getErr().println("newsarc: status answered " + r.statusCode()
            + ": " + body.strip());
        return 1;
      }
    } catch (IOException e) {
      spec.commandLine().getErr().println("newsarc: no crawl answers on 127.0.0.1:" + p
          + " (" + e.getClass().getSimpleName() + ")");
      if (config != null) {
        printStored(out);
      }
      return 1;
    }
    if (json) {
      out.println(body);
    } else {
      @SuppressWarnings("unchecked")
      Map<String, Object> status = new ObjectMapper().readValue(body, Map.class);
      print(status, out);
    }
    out.flush();
    return 0;
  }

  /** With no crawl running, what the frontier in the database says. */
  private void printStored(PrintWriter out) throws IOException {
    CrawlConfig cfg = new ConfigLoader().load(config);
    Path db = config.toAbsolutePath().getParent().resolve(cfg.output().directory())
        .resolve(CrawlDaemon.DATABASE);
    if (!Files.exists(db)) {
      return;
    }
    try (Catalog catalog = Catalog.open(db)) {
      Frontier frontier = Frontier.open(catalog, cfg.politeness().maxInFlightPerQueue(),
          Clock.systemUTC());
      FrontierReport r = FrontierReport.of(frontier, java.time.Clock.systemUTC().instant(), 50);
      out.println("stored frontier in " + db + ":");
      out.printf("frontier:     %s by state, %s by kind%n", r.urlsByState(), r.urlsByKind());
      out.printf("queues:       %s, %s due now%n", r.queues(), r.readyQueues());
      for (FrontierReport.HeldQueue h : r.held()) {
        out.printf("  %-30s %-6s until %s: %s%n", h.queue(), h.parked() ? "parked" : "paused",
            h.until(), h.reason());
      }
      out.flush();
    }
  }

  @SuppressWarnings("unchecked")
  static void print(Map<String, Object> s, PrintWriter out) {
    out.printf("state:        %s (up %ss, since %s)%n", s.get("state"), s.get("uptimeSeconds"),
        s.get("started"));
    out.printf("speed:        %s pages/s over the last minute%n", s.get("pagesPerSecond"));
    out.printf("fetched:      %s responses, %s bytes, %s articles, %s not modified%n",
        s.get("fetches"), s.get("bytes"), s.get("articles"), s.get("notModified"));
    out.printf("statuses:     %s%n", s.get("statuses"));
    out.printf("errors:       %s%n", s.get("errors"));
    out.printf("out of scope: %s%n", s.get("refusedByScope"));
    if (s.get("workerCpuSecondsByStage") != null) {
      out.printf("worker CPU:   %s seconds by stage%n", s.get("workerCpuSecondsByStage"));
    }
    Map<String, Object> f = (Map<String, Object>) s.get("frontier");
    out.printf("frontier:     %s by state, %s by kind%n", f.get("urlsByState"),
        f.get("urlsByKind"));
    out.printf("queues:       %s, %s ready now, %s request(s) in flight%n", f.get("queues"),
        f.get("readyQueues"), f.get("inFlight"));
    List<Map<String, Object>> held = (List<Map<String, Object>>) s.get("heldQueues");
    if (held.isEmpty()) {
      out.println("held queues:  none");
    } else {
      out.println("held queues:");
      for (Map<String, Object> h : held) {
        out.printf("  %-30s %-6s until %s: %s%n", h.get("queue"), h.get("state"),
            h.get("until"), h.get("reason"));
      }
    }
  }
}
