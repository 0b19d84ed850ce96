package org.newsarc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Hit;
import org.newsarc.crawler.TestSite.Reply;

/**
 * {@code archive} over several hosts, measured at the servers: hosts are fetched side by side,
 * each host sees one request at a time with the delay between them, the first page waits the
 * robots.txt Crawl-delay, and a 429 with Retry-After is asked again after the wait.
 */
class ArchiveParallelTest {
  static final long DELAY_MS = 200;
  static final String PAGE = "<html><head><title>Story %s</title></head><body><article>"
      + "<h1>Story %s</h1><p>The council met on Tuesday to discuss the harbour plan at length."
      + "</p><p>Residents asked many questions about the ferry timetable and parking.</p>"
      + "</article></body></html>";

  @TempDir
  Path out;

  @Test
  void hostsInParallelEachPoliteAsSeenByTheServer() throws Exception {
    List<TestSite> sites = new ArrayList<>();
    try {
      List<String> args = new ArrayList<>(List.of("archive", "--out", out.toString(),
          "--delay", DELAY_MS + "ms", "--workers", "4", "--jsonl",
          "--allow-addresses", "127.0.0.31/32,127.0.0.32/32,127.0.0.33/32"));
      for (String ip : List.of("127.0.0.31", "127.0.0.32", "127.0.0.33")) {
        TestSite site = new TestSite(ip);
        sites.add(site);
        for (int i = 0; i < 3; i++) {
          site.route("/s" + i, Reply.html(String.format(PAGE, i, i)).slow(20));
          args.add(site.url("/s" + i));
        }
      }
      StringWriter o = new StringWriter();
      int exit = Main.run(new PrintWriter(o), new PrintWriter(new StringWriter()),
          args.toArray(String[]::new));
      assertEquals(0, exit, o.toString());
      List<String> lines = o.toString().lines().toList();
      assertEquals(9, lines.size(), "one JSON line per URL and no summary: " + o);
      assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"url\":") && l.contains(
          "\"ok\":true")), o.toString());
      for (TestSite site : sites) {
        assertEquals(1, site.maxInFlight(), site.base() + " saw parallel requests");
        List<Hit> hits = new ArrayList<>(site.hits());
        hits.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
        assertEquals(4, hits.size(), "robots.txt and three pages");
        for (int i = 1; i < hits.size(); i++) {
          long gap = hits.get(i).startNanos() - hits.get(i - 1).endNanos();
          assertTrue(gap >= DELAY_MS * 1_000_000,
              site.base() + " before hit " + i + " (" + hits.get(i).path() + "): " + gap / 1e6 + " ms");
        }
      }
      assertTrue(overlaps(sites.get(0).hits(), sites.get(1).hits())
          || overlaps(sites.get(1).hits(), sites.get(2).hits()), "hosts fetched in parallel");
    } finally {
      sites.forEach(TestSite::close);
    }
  }

  /**
   * With one worker and a gap of a second, the worker asks the second host while the first
   * one waits its turn after robots.txt: a waiting host holds no worker.
   */
  @Test
  void aHostWaitingItsGapHoldsNoWorker() throws Exception {
    try (TestSite a = new TestSite("127.0.0.36"); TestSite b = new TestSite("127.0.0.37")) {
      a.route("/p", Reply.html(String.format(PAGE, "a", "a")));
      b.route("/p", Reply.html(String.format(PAGE, "b", "b")));
      StringWriter o = new StringWriter();
      int exit = Main.run(new PrintWriter(o), new PrintWriter(new StringWriter()), "archive",
          "--out", out.toString(), "--delay", "1s", "--workers", "1", "--jsonl",
          "--allow-addresses", "127.0.0.36/32,127.0.0.37/32", a.url("/p"), b.url("/p"));
      assertEquals(0, exit, o.toString());
      // Both robots.txt requests come before either page: the worker did not sleep out a's gap.
      long lastRobots = Math.max(a.hits("/robots.txt").get(0).startNanos(),
          b.hits("/robots.txt").get(0).startNanos());
      long firstPage = Math.min(a.hits("/p").get(0).startNanos(),
          b.hits("/p").get(0).startNanos());
      assertTrue(lastRobots < firstPage, "robots.txt of both hosts before the first page");
      for (TestSite site : List.of(a, b)) {
        long gap = site.hits("/p").get(0).startNanos()
            - site.hits("/robots.txt").get(0).endNanos();
        assertTrue(gap >= 1_000_000_000L, site.base() + ": page " + gap / 1e6
            + " ms after robots.txt");
      }
    }
  }

  @Test
  void crawlDelayAfterRobotsTxtAndRetryAfterAreObeyed() throws Exception {
    try (TestSite site = new TestSite("127.0.0.34")) {
      site.route("/robots.txt", Reply.of(200, "text/plain", "User-agent: *\nCrawl-delay: 1\n"));
      AtomicInteger calls = new AtomicInteger();
      site.route("/busy", hit -> calls.getAndIncrement() == 0
          ? Reply.of(429, "text/plain", "slow down").withHeader("Retry-After", "2")
          : Reply.html(String.format(PAGE, "b", "b")));
      StringWriter o = new StringWriter();
      int exit = Main.run(new PrintWriter(o), new PrintWriter(new StringWriter()), "archive",
          "--out", out.toString(), "--delay", "0", "--allow-addresses", "127.0.0.34/32",
          site.url("/busy"));
      assertEquals(0, exit, o.toString());
      assertTrue(o.toString().contains("ok    200 " + site.url("/busy")), o.toString());
      long afterRobots = site.hits("/busy").get(0).startNanos()
          - site.hits("/robots.txt").get(0).endNanos();
      assertTrue(afterRobots >= 1_000_000_000L, "page " + afterRobots / 1e6
          + " ms after robots.txt");
      List<Hit> busy = site.hits("/busy");
      assertEquals(List.of(429, 200), busy.stream().map(Hit::status).toList());
      long waited = busy.get(1).startNanos() - busy.get(0).endNanos();
      assertTrue(waited >= 2_000_000_000L, "asked again after " + waited / 1e6 + " ms");
    }
  }

  @Test
  void noExtractArchivesWithoutArticles() throws Exception {
    try (TestSite site = new TestSite("127.0.0.35")) {
      site.route("/s", Reply.html(String.format(PAGE, "n", "n")));
      StringWriter o = new StringWriter();
      int exit = Main.run(new PrintWriter(o), new PrintWriter(new StringWriter()), "archive",
          "--out", out.toString(), "--delay", "0", "--no-extract",
          "--allow-addresses", "127.0.0.35/32", site.url("/s"));
      assertEquals(0, exit, o.toString());
      assertTrue(o.toString().contains("ok    200 " + site.url("/s") + "  (not extracted)"),
          o.toString());
      try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + out.resolve(
          "newsarc.db")); var st = db.createStatement()) {
        var rs = st.executeQuery("SELECT (SELECT count(*) FROM articles),"
            + " (SELECT count(*) FROM captures WHERE url LIKE '%/s')");
        rs.next();
        assertEquals(0, rs.getInt(1), "no article extracted");
        assertEquals(1, rs.getInt(2), "the page is archived");
      }
    }
  }

  private static boolean overlaps(List<Hit> a, List<Hit> b) {
    long aStart = a.stream().mapToLong(Hit::startNanos).min().orElse(0);
    long aEnd = a.stream().mapToLong(Hit::endNanos).max().orElse(0);
    long bStart = b.stream().mapToLong(Hit::startNanos).min().orElse(0);
    long bEnd = b.stream().mapToLong(Hit::endNanos).max().orElse(0);
    return aStart < bEnd && bStart < aEnd;
  }
}
