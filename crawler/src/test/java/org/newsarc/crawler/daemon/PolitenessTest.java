package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Hit;
import org.newsarc.crawler.TestSite.Reply;

/**
 * Politeness measured from the server side: three hosts crawled by four workers; each host
 * never sees two requests at once, and between the end of one request and the start of the
 * next there is at least the configured delay. The hosts are crawled in parallel.
 */
class PolitenessTest {
  static final long DELAY_MS = 150;

  @TempDir
  Path dir;

  @Test
  void oneRequestAtATimePerHostAndGapsOfAtLeastTheDelay() throws Exception {
    List<TestSite> sites = new ArrayList<>();
    try {
      StringBuilder seeds = new StringBuilder();
      for (String ip : List.of("127.0.0.2", "127.0.0.3", "127.0.0.4")) {
        TestSite site = new TestSite(ip);
        sites.add(site);
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 6; i++) {
          links.append("<a href=\"/p").append(i).append("\">p").append(i).append("</a>");
        }
        site.route("/", Reply.html("<html><body>" + links + "</body></html>").slow(30));
        for (int i = 0; i < 6; i++) {
          site.route("/p" + i, Reply.html("<html><body><p>page " + i + "</p>" + links
              + "</body></html>").slow(30));
        }
        seeds.append("    - ").append(site.url("/")).append('\n');
      }
      CrawlSummary summary = CrawlHarness.crawl(dir, "seeds:\n  urls:\n" + seeds
          + "politeness:\n  workers: 4\n  delay: " + DELAY_MS + "ms\n  response-time-factor: 0\n",
          -1);

      assertEquals(3 * 7, summary.fetches(), "every page fetched once: " + summary);
      long minGapNanos = Long.MAX_VALUE;
      for (TestSite site : sites) {
        assertEquals(1, site.maxInFlight(), site.base() + " saw parallel requests");
        List<Hit> hits = site.hits();
        hits.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
        assertEquals(8, hits.size(), "robots.txt and 7 pages: " + hits);
        for (int i = 1; i < hits.size(); i++) {
          long gap = hits.get(i).startNanos() - hits.get(i - 1).endNanos();
          minGapNanos = Math.min(minGapNanos, gap);
          assertTrue(gap >= DELAY_MS * 1_000_000,
              site.base() + ": only " + gap / 1e6 + " ms between requests " + (i - 1) + " and " + i);
        }
      }
      // One machine-readable line per fetch outcome.
      List<String> log = java.nio.file.Files.readAllLines(dir.resolve("crawl-data/logs/fetch.log"));
      assertEquals(summary.fetches(), log.stream().filter(l -> l.contains("\"outcome\":\"fetched\""))
          .count(), "fetch log lines");
      // Hosts ran side by side: some requests to different hosts overlapped in time.
      assertTrue(overlaps(sites.get(0).hits(), sites.get(1).hits())
          || overlaps(sites.get(1).hits(), sites.get(2).hits()), "hosts were crawled in parallel");
      System.out.printf("politeness: delay %d ms, smallest server-side gap %.1f ms, max in flight"
          + " per host %d%n", DELAY_MS, minGapNanos / 1e6, 1);
    } finally {
      sites.forEach(TestSite::close);
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
