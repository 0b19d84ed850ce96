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

  @TempDir
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
      for (TestSite site : List.of(a, b)) {
        for (int i = 0; i < PAGES; i++) {
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
      System.out.printf("crash consistency: %d kills in %d runs, %d WARC files, %d records,"
          + " each with one catalog row, %d pages each archived once%n", kills, runs, files,
          records, 2 * PAGES);
    }
  }

  private static TestSite site(String ip) throws IOException {
    TestSite site = new TestSite(ip);
    StringBuilder links = new StringBuilder();
    for (int i = 0; i < PAGES; i++) {
      links.append("<a href=\"/story/").append(i).append("\">story ").append(i).append("</a>\n");
      site.route("/story/" + i, Reply.html(DiscoveryTest.article("Story " + i + " of " + ip))
          .slow(10));
    }
    site.route("/", Reply.html("<html><body>" + links + "</body></html>"));
    return site;
  }
}
