package org.newsarc.crawler.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.Catalog;
import org.newsarc.crawler.frontier.QueueUpdate.Outcome;

/** The SQLite frontier: limits, one lease per queue, ready times, restart after a crash. */
class FrontierTest {
  @TempDir
  Path dir;

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static Candidate page(String url, String queue) {
    return new Candidate(url, queue, 1, null, UrlKind.PAGE, 3, false, T0, 0);
  }

  @Test
  void limitsPerQueueAndQueryVariantsPerPath() throws Exception {
    try (Catalog catalog = Catalog.open(dir.resolve("db"))) {
      Frontier f = Frontier.open(catalog, 1, Clock.fixed(T0, ZoneOffset.UTC));
      assertEquals(AddResult.ADDED, f.add(page("http://a/1", "a"), 3, 2));
      assertEquals(AddResult.KNOWN, f.add(page("http://a/1", "a"), 3, 2));
      assertEquals(AddResult.ADDED, f.add(page("http://a/s?q=1", "a"), 3, 2));
      assertEquals(AddResult.ADDED, f.add(page("http://a/s?q=2", "a"), 3, 2));
      assertEquals(AddResult.QUEUE_FULL, f.add(page("http://a/s?q=3", "a"), 3, 2));
      assertEquals(AddResult.ADDED, f.add(page("http://b/s?q=1", "b"), 100, 2));
      assertEquals(AddResult.ADDED, f.add(page("http://b/s?q=2", "b"), 100, 2));
      assertEquals(AddResult.TOO_MANY_VARIANTS, f.add(page("http://b/s?q=3", "b"), 100, 2));
    }
  }

  @Test
  void oneLeasePerQueueUntilCompletedAndThenTheGap() throws Exception {
    try (Catalog catalog = Catalog.open(dir.resolve("db"))) {
      MutableClock clock = new MutableClock(T0);
      Frontier f = Frontier.open(catalog, 1, clock);
      f.add(page("http://a/1", "a"), 100, 100);
      f.add(page("http://a/2", "a"), 100, 100);
      f.add(page("http://b/1", "b"), 100, 100);
      Lease first = f.lease().orElseThrow();
      Lease second = f.lease().orElseThrow();
      assertTrue(!first.queue().equals(second.queue()), "two queues in flight, one lease each");
      assertEquals(Optional.empty(), f.lease(), "both queues busy");
      Lease a = first.queue().equals("a") ? first : second;
      f.complete(a, new Completion(UrlState.DONE, clock.instant(), UrlKind.ARTICLE, 200, null,
          null, null, 0, false, null), new QueueUpdate(clock.instant().plusSeconds(5),
          Outcome.SUCCESS, null, false, 10));
      assertEquals(Optional.empty(), f.lease(), "queue a waits its gap");
      assertEquals(clock.instant().plusSeconds(5), f.nextReadyAt());
      clock.advance(Duration.ofSeconds(5));
      assertEquals("http://a/2", f.lease().orElseThrow().url());
    }
  }

  @Test
  void moreInFlightPerQueueWhenConfigured() throws Exception {
    try (Catalog catalog = Catalog.open(dir.resolve("db"))) {
      Frontier f = Frontier.open(catalog, 2, Clock.fixed(T0, ZoneOffset.UTC));
      for (int i = 0; i < 3; i++) {
        f.add(page("http://a/" + i, "a"), 100, 100);
      }
      assertTrue(f.lease().isPresent());
      assertTrue(f.lease().isPresent(), "a second request to the same queue");
      assertEquals(Optional.empty(), f.lease(), "but not a third");
    }
  }

  @Test
  void leasesLeftByACrashAreQueuedAgain() throws Exception {
    Path db = dir.resolve("db");
    try (Catalog catalog = Catalog.open(db)) {
      Frontier f = Frontier.open(catalog, 1, Clock.fixed(T0, ZoneOffset.UTC));
      f.add(page("http://a/1", "a"), 100, 100);
      f.lease().orElseThrow();
    }
    try (Catalog catalog = Catalog.open(db)) {
      Frontier f = Frontier.open(catalog, 1, Clock.fixed(T0, ZoneOffset.UTC));
      assertEquals(1, f.leased().size());
      assertEquals(1, f.requeueLeased());
      assertEquals("http://a/1", f.lease().orElseThrow().url());
    }
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
