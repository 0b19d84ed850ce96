package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.cli.Main;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;
import org.newsarc.crawler.config.ConfigLoader;
import org.newsarc.crawler.config.CrawlConfig;
import org.newsarc.crawler.politeness.Sleeper;

/** /status, /metrics and `newsarc status` while a crawl runs; a parked host shows why. */
class StatusEndpointTest {
  @TempDir
  Path dir;

  @Test
  void statusShowsProgressAndHeldHosts() throws Exception {
    try (TestSite ok = new TestSite("127.0.0.17"); TestSite down = new TestSite("127.0.0.18")) {
      ok.route("/", Reply.html("<a href=\"/a\">a</a>")).route("/a", Reply.html("<p>a</p>"));
      down.route("/", Reply.of(503, "text/plain", "down"));
      Path file = dir.resolve("crawl.yaml");
      Files.writeString(file, "identity:\n  contact: https://example.org/tests\nstatus:\n"
          + "  port: 0\nseeds:\n  urls: [" + ok.url("/") + ", " + down.url("/") + "]\n"
          + "politeness:\n  delay: 10ms\n  park-after-failures: 1\n"
          + "fetch:\n  allow-addresses: [127.0.0.17/32, 127.0.0.18/32]\n");
      CrawlConfig config = new ConfigLoader().load(file);
      Clock clock = Clock.systemUTC();
      StopSignal stop = new StopSignal(clock, -1, null);
      try (CrawlDaemon daemon = CrawlDaemon.open(config, SeedLoader.load(config.seeds(), dir),
          dir.resolve("out"), "test", clock, Sleeper.SYSTEM)) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread crawl = new Thread(() -> {
          try {
            daemon.run(stop, false);
          } catch (Exception e) {
            failure.set(e);
          }
        });
        crawl.start();
        Map<?, ?> status = null;
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 500; i++) {
          if (daemon.statusPort() > 0) {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + daemon.statusPort() + "/status")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
            status = new ObjectMapper().readValue(body, Map.class);
            if (((Number) status.get("fetches")).longValue() >= 3
                && !((java.util.List<?>) status.get("heldQueues")).isEmpty()) {
              break;
            }
          }
          Thread.sleep(20);
        }
        assertTrue(status != null && ((Number) status.get("fetches")).longValue() >= 3,
            "progress: " + status);
        Map<?, ?> held = (Map<?, ?>) ((java.util.List<?>) status.get("heldQueues")).get(0);
        assertEquals("127.0.0.18", held.get("queue"));
        assertEquals("parked", held.get("state"));
        assertTrue(held.get("reason").toString().contains("HTTP 503"), held.toString());
        Map<?, ?> cpu = (Map<?, ?>) status.get("workerCpuSecondsByStage");
        assertEquals(java.util.List.of("lease", "fetch", "warc", "extract", "story", "metadata",
            "catalog"), java.util.List.copyOf(cpu.keySet()), "every stage, in order");
        assertTrue(((Number) cpu.get("fetch")).doubleValue() > 0
            && ((Number) cpu.get("warc")).doubleValue() > 0, "fetching and writing took CPU: "
            + cpu);

        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + daemon.statusPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString())
            .body();
        assertTrue(metrics.contains("# TYPE newsarc_fetches_total counter"), metrics);
        assertTrue(metrics.contains("newsarc_responses_total{class=\"5xx\"} 1"), metrics);
        assertTrue(metrics.contains("# TYPE newsarc_worker_cpu_seconds_total counter")
            && metrics.contains("newsarc_worker_cpu_seconds_total{stage=\"extract\"} "),
            metrics);

        StringWriter text = new StringWriter();
        int code = new picocli.CommandLine(new org.newsarc.cli.StatusCommand())
            .setOut(new PrintWriter(text)).execute("--port", String.valueOf(daemon.statusPort()));
        assertEquals(0, code);
        assertTrue(text.toString().contains("127.0.0.18") && text.toString().contains("parked"),
            text.toString());
        assertTrue(text.toString().contains("worker CPU:   {lease="), text.toString());

        stop.request("test over");
        crawl.join();
        assertEquals(null, failure.get());
      }
    }
  }

  @Test
  void refusesToStartWithoutContact() throws Exception {
    Path file = dir.resolve("crawl.yaml");
    Files.writeString(file, "seeds:\n  urls: [http://127.0.0.1:9/]\n");
    assertEquals(1, Main.run("crawl", "--config", file.toString()),
        "no identity.contact: the daemon does not start");
  }
}
