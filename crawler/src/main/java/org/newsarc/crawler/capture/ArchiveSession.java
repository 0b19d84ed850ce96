package org.newsarc.crawler.capture;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.newsarc.archive.ArchiveLock;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.WarcArchive;
import org.newsarc.archive.WarcOptions;
import org.newsarc.crawler.fetch.FetchOptions;
import org.newsarc.crawler.fetch.Fetcher;
import java.util.random.RandomGenerator;
import org.newsarc.crawler.config.PolitenessConfig;
import org.newsarc.crawler.politeness.HostDelays;
import org.newsarc.crawler.politeness.QueuePolicy;
import org.newsarc.crawler.politeness.Sleeper;
import org.newsarc.crawler.robots.RobotsCache;
import org.newsarc.extractor.ArticleExtractor;

/**
 * Everything one-shot archiving needs, opened together on an output folder and closed together:
 * {@code DIR/warcs/} for WARC files and {@code DIR/newsarc.db} for the catalog. Closing renames
 * the open WARC file to its final name. Not thread-safe to open or close; the
 * {@link #archiver()} it hands out is.
 */
public final class ArchiveSession implements Closeable {
  /** Name of the catalog file inside the output folder. */
  public static final String CATALOG_FILE = "newsarc.db";
  /** Name of the WARC folder inside the output folder. */
  public static final String WARC_DIR = "warcs";
  /** A larger robots.txt Crawl-delay is cut to this. */
  public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

  private final Path out;
  private final ArchiveLock lock;
  private final WarcArchive warcs;
  private final Catalog catalog;
  private final Fetcher fetcher;
  private final PageArchiver archiver;
  private final HostDelays delays;
  private final Clock clock;
  private final Thread shutdownHook = new Thread(this::closeQuietly, "newsarc-close");
  private boolean closed;

  private ArchiveSession(Path out, ArchiveLock lock, WarcArchive warcs, Catalog catalog,
      Fetcher fetcher, PageArchiver archiver, HostDelays delays, Clock clock) {
    this.delays = delays;
    this.clock = clock;
    this.out = out;
    this.lock = lock;
    this.warcs = warcs;
    this.catalog = catalog;
    this.fetcher = fetcher;
    this.archiver = archiver;
  }

  /**
   * Opens a session writing below {@code out}.
   *
   * @param fetchOptions identity and limits for HTTP
   * @param delay the least time between two requests to one host
   * @param softwareVersion newsarc's version, named in each warcinfo record
   */
  public static ArchiveSession open(Path out, FetchOptions fetchOptions, Duration delay,
      String softwareVersion, Clock clock, Sleeper sleeper) throws IOException {
    return open(out, fetchOptions, delay,
        WarcOptions.defaults().withSoftware("newsarc/" + softwareVersion), clock, sleeper);
  }

  /** As above, writing WARC files as {@code warcOptions} say. */
  public static ArchiveSession open(Path out, FetchOptions fetchOptions, Duration delay,
      WarcOptions warcOptions, Clock clock, Sleeper sleeper) throws IOException {
    ArchiveLock lock = ArchiveLock.acquire(out);
    WarcArchive warcs;
    Catalog catalog;
    try {
      catalog = Catalog.open(out.resolve(CATALOG_FILE));
      try {
        // The catalog finds payloads archived before, so repeats become revisit records.
        warcs = WarcArchive.open(out.resolve(WARC_DIR),
            warcOptions, clock, catalog);
      } catch (IOException e) {
        catalog.close();
        throw e;
      }
    } catch (IOException e) {
      lock.close();
      throw e;
    }
    Fetcher fetcher = new Fetcher(fetchOptions, clock);
    PageArchiverHolder holder = new PageArchiverHolder();
    HostDelays delays = new HostDelays(clock, sleeper);
    QueuePolicy policy = new QueuePolicy(politeness(delay), clock, RandomGenerator.getDefault());
    RobotsCache robots = new RobotsCache(url -> PageArchiver.politeFetch(fetcher, delays, policy,
        url, Duration.ZERO), "newsarc", clock, Duration.ofHours(24),
        Duration.ofMinutes(10), MAX_CRAWL_DELAY,
        (requested, response) -> holder.archiver.store(requested, response,
            response.redirectTarget()));
    PageArchiver archiver = new PageArchiver(fetcher, robots, delays, policy, warcs, catalog,
        new ArticleExtractor(), clock);
    holder.archiver = archiver;
    ArchiveSession session = new ArchiveSession(out, lock, warcs, catalog, fetcher, archiver,
        delays, clock);
    // Ctrl-C or SIGTERM: finish the record being written and close the WARC file properly.
    Runtime.getRuntime().addShutdownHook(session.shutdownHook);
    return session;
  }

  /**
   * The politeness rules of one-shot archiving, in the crawl's terms: {@code delay} between two
   * requests to a host, no response-time factor, Crawl-delay up to {@link #MAX_CRAWL_DELAY},
   * Retry-After obeyed up to {@link PageArchiver#MAX_PACED_WAIT}, and one delay (plus up to
   * half of it at random) of back-off after a 5xx answer or a failed connection.
   */
  public static PolitenessConfig politeness(Duration delay) {
    Duration cap = delay.compareTo(Duration.ofMinutes(1)) > 0 ? delay : Duration.ofMinutes(1);
    return new PolitenessConfig("host", null, 1, delay, 0.0, MAX_CRAWL_DELAY,
        PageArchiver.MAX_PACED_WAIT, delay, cap, null, null, 1);
  }

  public PageArchiver archiver() {
    return archiver;
  }

  /**
   * Archives {@code urls} with {@code workers} threads, hosts in parallel and each host one
   * request at a time; outcomes go to {@code listener} as they finish and come back in input
   * order.
   */
  public List<PageOutcome> archiveAll(List<String> urls, int workers,
      ParallelArchive.Listener listener) throws InterruptedException {
    return archiveAll(urls, workers, true, listener);
  }

  /** As above; without {@code extract}, pages are archived but no article is extracted. */
  public List<PageOutcome> archiveAll(List<String> urls, int workers, boolean extract,
      ParallelArchive.Listener listener) throws InterruptedException {
    return new ParallelArchive(extract ? archiver : archiver.withoutExtraction(), delays, clock)
        .run(urls, workers, listener);
  }

  public Path out() {
    return out;
  }

  public Path catalogFile() {
    return catalog.file();
  }

  public Path warcDirectory() {
    return warcs.directory();
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: this is the hook itself.
    }
    try {
      fetcher.close();
      warcs.close();
    } finally {
      try {
        catalog.close();
      } finally {
        lock.close();
      }
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      System.err.println("newsarc: closing the archive failed: " + e.getMessage());
    }
  }

  /** Lets the robots sink reach the archiver, which needs the robots cache to exist first. */
  private static final class PageArchiverHolder {
    volatile PageArchiver archiver;
  }
}
