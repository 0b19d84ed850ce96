package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Hit;
import org.newsarc.crawler.TestSite.Reply;

/** 429 and 503 pause a host: until Retry-After when given, by back-off otherwise; parking. */
class RetryAfterTest {
  @TempDir
  Path dir;

  @Test
  void retryAfterSecondsPausesTheHost() throws Exception {
    try (TestSite site = new TestSite("127.0.0.5")) {
      AtomicInteger calls = new AtomicInteger();
      site.route("/", hit -> calls.getAndIncrement() == 0
          ? Reply.of(429, "text/plain", "slow down").withHeader("Retry-After", "2")
          : Reply.html("<html><body><p>fine now</p></body></html>"));
      CrawlSummary summary = CrawlHarness.crawl(dir, "seeds:\n  urls: [" + site.url("/") + "]\n"
          + "politeness:\n  delay: 50ms\n", -1);
      List<Hit> hits = site.hits("/");
      assertEquals(2, hits.size(), "retried once: " + summary);
      long waited = hits.get(1).startNanos() - hits.get(0).endNanos();
      assertTrue(waited >= 2_000_000_000L, "waited only " + waited / 1e6 + " ms");
      System.out.printf("Retry-After: 2 -> next request after %.0f ms%n", waited / 1e6);
      assertEquals(List.of(List.of("429"), List.of("200")), CrawlHarness.query(dir,
          "SELECT status FROM captures WHERE url LIKE '%/' ORDER BY id"), "both answers archived");
    }
  }

  @Test
  void retryAfterHttpDateIsObeyed() throws Exception {
    try (TestSite site = new TestSite("127.0.0.6")) {
      AtomicInteger calls = new AtomicInteger();
      site.route("/", hit -> calls.getAndIncrement() == 0
          ? Reply.of(503, "text/plain", "maintenance").withHeader("Retry-After",
              DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2)))
          : Reply.html("<html><body><p>back</p></body></html>"));
      CrawlHarness.crawl(dir, "seeds:\n  urls: [" + site.url("/") + "]\n"
          + "politeness:\n  delay: 50ms\n", -1);
      List<Hit> hits = site.hits("/");
      assertEquals(2, hits.size());
      long waited = hits.get(1).startNanos() - hits.get(0).endNanos();
      // An HTTP-date has whole seconds: at least one full second remains.
      assertTrue(waited >= 1_000_000_000L, "waited only " + waited / 1e6 + " ms");
      System.out.printf("Retry-After: HTTP-date now+2s -> next request after %.0f ms%n",
          waited / 1e6);
    }
  }

  @Test
  void withoutRetryAfterTheHostBacksOffThenIsParkedWithAReason() throws Exception {
    try (TestSite site = new TestSite("127.0.0.7")) {
      site.route("/", Reply.of(503, "text/plain", "down"));
      CrawlHarness.crawl(dir, "seeds:\n  urls: [" + site.url("/") + "]\n"
          + "politeness:\n  delay: 10ms\n  backoff-base: 200ms\n  backoff-cap: 2s\n"
          + "  park-after-failures: 3\n  park-duration: 1h\n", -1);
      List<Hit> hits = site.hits("/");
      assertEquals(3, hits.size(), "tried until parked");
      long first = hits.get(1).startNanos() - hits.get(0).endNanos();
      long second = hits.get(2).startNanos() - hits.get(1).endNanos();
      assertTrue(first >= 200_000_000L, "first back-off " + first / 1e6 + " ms");
      assertTrue(second >= 400_000_000L, "second back-off doubles: " + second / 1e6 + " ms");
      System.out.printf("503 without Retry-After, base 200ms: back-offs %.0f ms, %.0f ms, then"
          + " parked%n", first / 1e6, second / 1e6);
      List<List<String>> queue = CrawlHarness.query(dir,
          "SELECT parked_reason, failures FROM frontier_queues WHERE queue='127.0.0.7'");
      assertTrue(queue.get(0).get(0).startsWith("parked after 3 failures in a row (last: HTTP 503)"),
          queue.toString());
      assertEquals("queued", CrawlHarness.query(dir,
          "SELECT state FROM frontier_urls WHERE url LIKE '%127.0.0.7%'").get(0).get(0),
          "503 does not use up the URL's attempts; it waits for the host");
    }
  }
}
