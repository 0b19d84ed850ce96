package org.newsarc.crawler.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.Catalog;

/**
 * The frontier of a bounded run: it shadows the crawl's queue in the same database without
 * touching it, keeps one entry per URL and origin, hands the origin back with each lease, and
 * is empty again for the next run and gone after the database closes.
 */
class RunScopedFrontierTest {
  @TempDir
  Path dir;

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  static Candidate seed(String url, long origin) {
    return new Candidate(url, "a", 0, null, UrlKind.PAGE, 9, true, T0, 0, origin);
  }

  @Test
  void aRunLeavesTheCrawlQueueAloneAndKeepsOneEntryPerOrigin() throws Exception {
    Path db = dir.resolve("newsarc.db");
    try (Catalog catalog = Catalog.open(db)) {
      Frontier crawl = Frontier.open(catalog, 1, CLOCK);
      assertEquals(AddResult.ADDED, crawl.add(FrontierTest.page("http://a/crawl", "a"), 100, 100));
    }
    try (Catalog catalog = Catalog.open(db)) {
      Frontier run = Frontier.openRunScoped(catalog, 1, CLOCK);
      assertNull(run.row("http://a/crawl"), "the crawl's URL is not in the run");
      assertEquals(AddResult.ADDED, run.add(seed("http://a/p", 0), 100, 100));
      assertEquals(AddResult.ADDED, run.add(seed("http://a/p", 1), 100, 100),
          "the same URL for another input");
      assertEquals(AddResult.KNOWN, run.add(seed("http://a/p", 1), 100, 100));
      Lease first = run.lease().orElseThrow();
      assertEquals(Optional.empty(), run.lease(), "still one request per queue");
      run.complete(first, new Completion(UrlState.DONE, T0, UrlKind.PAGE, 200, null, null, null,
          0, false, null), new QueueUpdate(T0, QueueUpdate.Outcome.SUCCESS, null, false, 1));
      Lease second = run.lease().orElseThrow();
      Set<Long> origins = new HashSet<>(Set.of(first.origin(), second.origin()));
      assertEquals(Set.of(0L, 1L), origins, "each lease names its input");
      run.clearRun();
      assertEquals(Optional.empty(), run.lease(), "a new run starts empty");
      assertNull(run.row("http://a/p"));
    }
    try (Catalog catalog = Catalog.open(db); Statement st = catalog.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT url, origin, state FROM frontier_urls")) {
      assertTrue(rs.next());
      assertEquals("http://a/crawl", rs.getString(1), "only the crawl's URL is stored");
      assertNull(rs.getObject(2));
      assertEquals("queued", rs.getString(3), "and it was not leased by the run");
      assertTrue(!rs.next(), "nothing of the run is left in the database");
    }
  }
}
