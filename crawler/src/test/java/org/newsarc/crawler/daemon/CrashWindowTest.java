package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.WarcArchive;
import org.newsarc.archive.WarcOptions;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;
import org.newsarc.crawler.fetch.FetchOptions;
import org.newsarc.crawler.fetch.Fetcher;
import org.newsarc.crawler.frontier.Candidate;
import org.newsarc.crawler.frontier.Frontier;
import org.newsarc.crawler.frontier.UrlKind;

/**
 * The narrowest crash: the response is flushed to the WARC but the process dies before the
 * transaction that marks the URL done. On restart the record is found in the (unfinished) WARC
 * and recorded; the URL is not fetched again.
 */
class CrashWindowTest {
  @TempDir
  Path dir;

  @Test
  void responseInWarcButNotInDatabaseIsRecoveredNotRefetched() throws Exception {
    try (TestSite site = new TestSite("127.0.0.16")) {
      String story = site.url("/story");
      site.route("/", Reply.html("<a href=\"/story\">story</a>"))
          .route("/story", Reply.html(DiscoveryTest.article("Crash Story")));
      Path out = dir.resolve("crawl-data");
      Clock clock = Clock.systemUTC();

      // The run that "crashes": leases the story, fetches it, flushes it to the WARC, and dies.
      WarcArchive warcs = WarcArchive.open(out.resolve("warcs"), WarcOptions.defaults(), clock);
      try (Catalog catalog = Catalog.open(out.resolve(CrawlDaemon.DATABASE));
          Fetcher fetcher = new Fetcher(FetchOptions.defaults("newsarc-test")
              .withAllowedAddresses(java.util.List.of("127.0.0.16/32")), clock)) {
        Frontier frontier = Frontier.open(catalog, 1, clock);
        frontier.add(new Candidate(story, "127.0.0.16", 1, site.url("/"), UrlKind.PAGE, 3, false,
            Instant.now(), 0), 100, 100);
        frontier.lease().orElseThrow();
        warcs.write(fetcher.fetch(story, Map.of()).exchange());
      }
      // (warcs is deliberately never closed: its file stays .open, as after kill -9.)

      CrawlSummary summary = CrawlHarness.crawl(dir, "seeds:\n  urls: [" + site.url("/")
          + "]\npoliteness:\n  delay: 10ms\n", -1);

      assertEquals(1, summary.recovered(), summary.toString());
      assertEquals(1, site.hits("/story").size(), "fetched once, before the crash");
      assertEquals(1, CrawlHarness.count(dir,
          "SELECT COUNT(*) FROM captures WHERE url='" + story + "'"));
      assertEquals("Crash Story", CrawlHarness.query(dir,
          "SELECT title FROM articles WHERE url='" + story + "'").get(0).get(0));
      assertEquals("done", CrawlHarness.query(dir,
          "SELECT state FROM frontier_urls WHERE url='" + story + "'").get(0).get(0));
      assertEquals(1, ResumeAfterKillTest.responseRecords(out.resolve("warcs"))
          .getOrDefault(story, 0), "one response record for the story in all WARC files");
    }
  }

  /**
   * The orphan sits in an older file, behind three newer ones (as after kills during recovery
   * with small WARC files), and robots.txt records in those newer files have no catalog row:
   * recovery reads every file not yet settled, whatever the file times say.
   */
  @Test
  void orphansInOlderFilesAndRobotsRecordsAreRecovered() throws Exception {
    try (TestSite site = new TestSite("127.0.0.16")) {
      String story = site.url("/story");
      site.route("/", Reply.html("<a href=\"/story\">story</a>"))
          .route("/story", Reply.html(DiscoveryTest.article("Crash Story")));
      Path out = dir.resolve("crawl-data");
      Clock clock = Clock.systemUTC();
      try (Catalog catalog = Catalog.open(out.resolve(CrawlDaemon.DATABASE));
          Fetcher fetcher = new Fetcher(FetchOptions.defaults("newsarc-test")
              .withAllowedAddresses(java.util.List.of("127.0.0.16/32")), clock)) {
        Frontier frontier = Frontier.open(catalog, 1, clock);
        frontier.add(new Candidate(story, "127.0.0.16", 1, site.url("/"), UrlKind.PAGE, 3, false,
            Instant.now(), 0), 100, 100);
        frontier.lease().orElseThrow();
        WarcArchive first = WarcArchive.open(out.resolve("warcs"), WarcOptions.defaults(), clock);
        first.write(fetcher.fetch(story, Map.of()).exchange());
        first.close();
        for (int i = 0; i < 3; i++) {
          WarcArchive later = WarcArchive.open(out.resolve("warcs"), WarcOptions.defaults(),
              clock);
          later.write(fetcher.fetch(site.url("/robots.txt"), Map.of()).exchange());
          later.close();
        }
      }
      java.util.List<Path> files;
      try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(out.resolve("warcs"))) {
        files = list.filter(f -> f.toString().endsWith(".warc.gz")).sorted().toList();
      }
      // The file holding the orphan is the oldest by far.
      java.nio.file.Files.setLastModifiedTime(files.get(0),
          java.nio.file.attribute.FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

      CrawlSummary summary = CrawlHarness.crawl(dir, "seeds:\n  urls: [" + site.url("/")
          + "]\npoliteness:\n  delay: 10ms\n", -1);

      assertEquals(1, summary.recovered(), summary.toString());
      assertEquals(1, site.hits("/story").size(), "fetched once, before the crash");
      assertEquals(1, CrawlHarness.count(dir,
          "SELECT COUNT(*) FROM captures WHERE url='" + story + "'"));
      long robotsRecords = ResumeAfterKillTest.responseRecords(out.resolve("warcs"))
          .getOrDefault(site.url("/robots.txt"), 0);
      assertEquals(robotsRecords, CrawlHarness.count(dir, "SELECT COUNT(*) FROM captures WHERE"
          + " url='" + site.url("/robots.txt") + "'"), "every robots.txt record has its row");
      assertEquals(1, CrawlHarness.count(dir, "SELECT COUNT(*) FROM settled_warcs WHERE name='"
          + files.get(0).getFileName() + "'"), "a file read to its end is settled");
    }
  }
}
