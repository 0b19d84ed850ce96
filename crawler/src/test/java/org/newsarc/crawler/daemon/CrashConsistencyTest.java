package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;
import org.newsarc.testing.WarcFiles;

/**
 * Exactly-once capture under kill -9 (issue 9, 7): a crawl with small WARC files (about 30 kB,
 * so that many files are rotated) runs in a child JVM and is killed with SIGKILL at random
 * moments, including while it starts and recovers, at least {@link #KILLS} times within a
 * bounded time, restarted each time, and finally let run until idle. Then every response and
 * revisit record in the WARC files has exactly one catalog row, no page is archived twice, and
 * every WARC file is valid.
 */
class CrashConsistencyTest {
  static final int PAGES = 60;
  static final int KILLS = 30;

  /** Kept when a test fails: the child runs' logs and the catalog say what went wrong. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void killedThirtyTimesEveryRecordHasExactlyOneRowAndNoPageIsArchivedTwice() throws Exception {
    try (TestSite a = site("127.0.9.7"); TestSite b = site("127.0.9.8")) {
      Path config = dir.resolve("crawl.yaml");
      String yaml = "seeds:\n  urls: [" + a.url("/") + ", " + b.url("/") + "]\n"
          + "politeness:\n  workers: 2\n  delay: 20ms\n  response-time-factor: 0\n"
          + "output:\n  warc-max-file-bytes: 30000\n";
      Files.writeString(config, CrawlHarness.header(yaml) + yaml);
      Random random = new Random(9);
      int kills = 0;
      int runs = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
      while (kills < KILLS && System.nanoTime() < deadline) {
        Process p = ResumeAfterKillTest.startCrawl(dir, config, ++runs);
        // From the first instant (start-up, recovery) to well into the crawl.
        Thread.sleep(50 + random.nextInt(1200));
        if (p.isAlive()) {
          p.destroyForcibly();
          kills++;
        }
        p.waitFor(30, TimeUnit.SECONDS);
      }
      Process last = ResumeAfterKillTest.startCrawl(dir, config, ++runs);
      assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the last run ends when idle");
      assertEquals(0, last.exitValue(), Files.readString(dir.resolve("child-" + runs + ".err")));
      assertTrue(kills >= KILLS, "killed " + kills + " times");

      Invariant found = assertExactlyOnce(dir, List.of(a, b));
      System.out.printf("crash consistency: %d kills in %d runs, %d WARC files, %d records,"
          + " each with one catalog row, %d pages each archived once%n", kills, runs,
          found.files(), found.records(), 2 * PAGES);
    }
  }

  /**
   * Kills aimed at the narrow windows the random ones rarely hit: the child halts itself (as
   * kill -9 would) right after a response is forced to the WARC and before its catalog
   * transaction, right after its metadata record, right before a group of captures commits,
   * and right after a robots.txt record is written and before its row ({@link CrashPoint}), at several moments of the crawl; each
   * time it is restarted, and the last run goes on until idle.
   */
  @Test
  void killsInTheWriteToCommitWindowLoseAndDuplicateNothing() throws Exception {
    try (TestSite a = site("127.0.9.9"); TestSite b = site("127.0.9.10")) {
      Path config = dir.resolve("crawl.yaml");
      String yaml = "seeds:\n  urls: [" + a.url("/") + ", " + b.url("/") + "]\n"
          + "politeness:\n  workers: 2\n  delay: 20ms\n  response-time-factor: 0\n"
          + "output:\n  warc-max-file-bytes: 30000\n";
      Files.writeString(config, CrawlHarness.header(yaml) + yaml);
      // The second robots.txt written (both hosts' records are then in the WARC, one row
      // at most); the captures counted per run stay well below the 122 pages of the crawl.
      // group-commit: a group's rows are written, its transaction not yet committed.
      List<String> points = List.of("robots-written:2", "capture-written:1", "capture-written:3", "metadata-written:2", "capture-written:7", "metadata-written:5",
          "capture-written:12", "metadata-written:9", "capture-written:20", "group-commit:2",
          "group-commit:6", "group-commit:11");
      int runs = 0;
      int halted = 0;
      for (String point : points) {
        Process p = startCrawl(dir, config, ++runs, point);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "run " + runs + " (" + point + ") ends");
        if (p.exitValue() == CrashPoint.EXIT_CODE) {
          halted++;
        } else {
          assertEquals(0, p.exitValue(), Files.readString(dir.resolve("child-" + runs + ".err")));
        }
      }
      Process last = startCrawl(dir, config, ++runs, null);
      assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the last run ends when idle");
      assertEquals(0, last.exitValue(), Files.readString(dir.resolve("child-" + runs + ".err")));
      assertEquals(points.size(), halted, "runs halted in the window");
      Invariant found = assertExactlyOnce(dir, List.of(a, b));
      System.out.printf("crash window: %d halts right after a WARC write (before its commit) in"
          + " %d runs, %d WARC files, %d records, each with one catalog row, %d pages each"
          + " archived once%n", halted, runs, found.files(), found.records(), 2 * PAGES);
    }
  }

  /** What {@link #assertExactlyOnce} counted. */
  record Invariant(long files, int records) {}

  /**
   * Checks the exactly-once invariant over the crawl in {@code dir}: no unfinished WARC, every
   * WARC valid, every response and revisit record with exactly one catalog row, no row without
   * its record, and every story of {@code sites} archived exactly once.
   */
  static Invariant assertExactlyOnce(Path dir, List<TestSite> sites) throws Exception {
    return assertExactlyOnceOver(dir, sites, PAGES);
  }

  /** {@link #assertExactlyOnce} for sites of {@code pages} stories each. */
  static Invariant assertExactlyOnceOver(Path dir, List<TestSite> sites, int pages)
      throws Exception {
    Path warcs = dir.resolve("crawl-data/warcs");
    try (Stream<Path> files = Files.list(warcs)) {
      assertEquals(List.of(), files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".open")).toList(), "no unfinished WARC after a clean end");
    }
    WarcFiles.assertValid(warcs);
    Map<String, Integer> perUrl = new HashMap<>();
    int records = 0;
    for (WarcFiles.Read r : WarcFiles.readAll(warcs)) {
      if (!r.type().equals("response") && !r.type().equals("revisit")) {
        continue;
      }
      records++;
      String id = r.header("WARC-Record-ID");
      String bare = id.replaceAll("^<|>$", "");
      long rows = CrawlHarness.count(dir, "SELECT COUNT(*) FROM captures WHERE record_id IN ('"
          + id + "', '" + bare + "')");
      assertEquals(1, rows, "catalog rows for " + id + " (" + r.header("WARC-Target-URI") + ")");
      perUrl.merge(r.header("WARC-Target-URI"), 1, Integer::sum);
    }
    for (TestSite site : sites) {
      for (int i = 0; i < pages; i++) {
        String url = site.url("/story/" + i);
        assertEquals(1, perUrl.getOrDefault(url, 0), url + " archived exactly once");
      }
    }
    assertEquals(records, CrawlHarness.count(dir, "SELECT COUNT(*) FROM captures"),
        "no catalog row without its record");
    long files;
    try (Stream<Path> s = Files.list(warcs)) {
      files = s.count();
    }
    return new Invariant(files, records);
  }

  /** Starts a crawl in a child JVM, with {@code crashAt} as NEWSARC_CRASH_AT when not null. */
  static Process startCrawl(Path dir, Path config, int run, String crashAt)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "org.newsarc.cli.Main", "crawl",
        "--config", config.toString(), "--exit-when-idle");
    pb.environment().remove("NEWSARC_CRASH_AT");
    if (crashAt != null) {
      pb.environment().put("NEWSARC_CRASH_AT", crashAt);
    }
    pb.redirectOutput(dir.resolve("child-" + run + ".out").toFile());
    pb.redirectError(dir.resolve("child-" + run + ".err").toFile());
    return pb.start();
  }

  private static TestSite site(String ip) throws IOException {
    return site(ip, PAGES);
  }

  /**
   * A site of {@code pages} stories, slow to answer (10 ms), and an index page linking them
   * by relative links: every such site's index has the same bytes.
   */
  static TestSite site(String ip, int pages) throws IOException {
    TestSite site = new TestSite(ip);
    StringBuilder links = new StringBuilder();
    for (int i = 0; i < pages; i++) {
      links.append("<a href=\"/story/").append(i).append("\">story ").append(i).append("</a>\n");
      site.route("/story/" + i, Reply.html(DiscoveryTest.article("Story " + i + " of " + ip))
          .slow(10));
    }
    site.route("/", Reply.html("<html><body>" + links + "</body></html>"));
    return site;
  }
}
