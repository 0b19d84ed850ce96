package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;

/**
 * A crawl in a child JVM is killed with SIGKILL twice in the middle of its work, stopped once
 * with SIGTERM, and restarted each time;
 * in the end every page is archived exactly once (whole WARC records, robots.txt aside), has
 * exactly one capture row and one article, and the frontier holds no unfinished URL.
 */
class ResumeAfterKillTest {
  static final int PAGES = 30;

  @TempDir
  Path dir;

  @Test
  void killedTwiceResumesWithoutLossOrDuplicates() throws Exception {
    try (TestSite a = site("127.0.0.14"); TestSite b = site("127.0.0.15")) {
      Path config = dir.resolve("crawl.yaml");
      String yaml = "seeds:\n  urls: [" + a.url("/") + ", "
          + b.url("/") + "]\npoliteness:\n  workers: 2\n  delay: 40ms\n"
          + "  response-time-factor: 0\n";
      Files.writeString(config, CrawlHarness.header(yaml) + yaml);
      int total = 2 * (PAGES + 1);

      Process first = start(config, 1);
      killAfter(first, a, b, total / 3);
      Process second = start(config, 2);
      killAfter(second, a, b, 2 * total / 3);
      // SIGTERM: in-flight fetches finish, the WARC file is closed, nothing stays leased.
      Process third = start(config, 3);
      waitFor(third, a, b, 5 * total / 6);
      third.destroy();
      assertTrue(third.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops the crawl");
      assertEquals(0, third.exitValue(), "a clean stop by signal exits 0: "
          + Files.readString(dir.resolve("child-3.err")));
      assertTrue(Files.readString(dir.resolve("child-3.out")).startsWith("stopped (signal)"),
          Files.readString(dir.resolve("child-3.out")));
      try (Stream<Path> files = Files.list(dir.resolve("crawl-data/warcs"))) {
        assertEquals(List.of(), files.map(f -> f.getFileName().toString())
            .filter(n -> n.endsWith(".open")).toList(), "WARC closed on SIGTERM");
      }
      assertEquals(0, CrawlHarness.count(dir,
          "SELECT COUNT(*) FROM frontier_urls WHERE state='leased'"), "frontier consistent");

      Process fourth = start(config, 4);
      assertTrue(fourth.waitFor(120, TimeUnit.SECONDS), "the last run ends when idle");
      assertEquals(0, fourth.exitValue(), Files.readString(dir.resolve("child-4.err")));

      Map<String, Integer> records = responseRecords(dir.resolve("crawl-data/warcs"));
      for (TestSite site : List.of(a, b)) {
        assertEquals(1, records.getOrDefault(site.url("/"), 0), "seed archived once");
        for (int i = 0; i < PAGES; i++) {
          String url = site.url("/story/" + i);
          assertEquals(1, records.getOrDefault(url, 0), url + " archived exactly once");
        }
      }
      assertEquals(total, records.entrySet().stream()
          .filter(e -> !e.getKey().endsWith("/robots.txt")).mapToInt(Map.Entry::getValue).sum(),
          "no other responses archived: " + records);
      assertEquals(total, CrawlHarness.count(dir,
          "SELECT COUNT(*) FROM captures WHERE url NOT LIKE '%/robots.txt'"));
      assertEquals(total, CrawlHarness.count(dir,
          "SELECT COUNT(DISTINCT url) FROM captures WHERE url NOT LIKE '%/robots.txt'"));
      assertEquals(2 * PAGES, CrawlHarness.count(dir, "SELECT COUNT(*) FROM articles"));
      assertEquals(0, CrawlHarness.count(dir,
          "SELECT COUNT(*) FROM frontier_urls WHERE state IN ('leased')"));
      assertEquals(2 * PAGES, CrawlHarness.count(dir,
          "SELECT COUNT(*) FROM frontier_urls WHERE state='done'"), "every story done");
      for (int run = 1; run <= 4; run++) {
        System.out.println("run " + run + ": " + Files.readString(dir.resolve("child-" + run
            + ".out")).strip());
      }
    }
  }

  private static TestSite site(String ip) throws IOException {
    TestSite site = new TestSite(ip);
    StringBuilder links = new StringBuilder();
    for (int i = 0; i < PAGES; i++) {
      links.append("<a href=\"/story/").append(i).append("\">story ").append(i).append("</a>\n");
      site.route("/story/" + i, Reply.html(DiscoveryTest.article("Story " + i + " of " + ip))
          .slow(15));
    }
    site.route("/", Reply.html("<html><body>" + links + "</body></html>"));
    return site;
  }

  private Process start(Path config, int run) throws IOException {
    return startCrawl(dir, config, run);
  }

  /** Starts {@code newsarc crawl --exit-when-idle} in a child JVM, output to child-RUN.*. */
  static Process startCrawl(Path dir, Path config, int run) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "org.newsarc.cli.Main", "crawl",
        "--config", config.toString(), "--exit-when-idle");
    pb.redirectOutput(dir.resolve("child-" + run + ".out").toFile());
    pb.redirectError(dir.resolve("child-" + run + ".err").toFile());
    return pb.start();
  }

  /** Waits (bounded) until the sites have answered {@code hits} page requests, then kill -9. */
  private static void killAfter(Process p, TestSite a, TestSite b, int hits) throws Exception {
    waitFor(p, a, b, hits);
    p.destroyForcibly();
    p.waitFor(30, TimeUnit.SECONDS);
  }

  /** Waits (bounded) until the sites have answered {@code hits} page requests. */
  private static void waitFor(Process p, TestSite a, TestSite b, int hits) throws Exception {
    for (int i = 0; i < 1200; i++) {
      long pages = Stream.concat(a.hits().stream(), b.hits().stream())
          .filter(h -> !h.path().equals("/robots.txt")).count();
      if (pages >= hits) {
        return;
      }
      if (!p.isAlive()) {
        fail("the crawl ended before it could be killed, exit " + p.exitValue());
      }
      Thread.sleep(10);
    }
    p.destroyForcibly();
    fail("the crawl made no progress");
  }

  /** Whole response records per target URI over all WARC files, unfinished ones included. */
  static Map<String, Integer> responseRecords(Path warcs) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(warcs)) {
      files = new ArrayList<>(s.toList());
    }
    for (Path f : files) {
      try (WarcReader reader = new WarcReader(f)) {
        while (true) {
          Optional<WarcRecord> r;
          try {
            r = reader.next();
          } catch (IOException | RuntimeException e) {
            break; // a record torn by the kill: not a capture
          }
          if (r.isEmpty()) {
            break;
          }
          if (r.get() instanceof WarcResponse resp) {
            try {
              resp.http().body().consume();
            } catch (IOException e) {
              break;
            }
            counts.merge(resp.target(), 1, Integer::sum);
          }
        }
      }
    }
    return counts;
  }
}
