package org.newsarc.crawler.capture;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.newsarc.archive.WarcOptions;
import org.newsarc.crawler.config.CrawlConfig;
import org.newsarc.crawler.config.DiscoveryConfig;
import org.newsarc.crawler.config.FetchConfig;
import org.newsarc.crawler.config.PolitenessConfig;
import org.newsarc.crawler.config.RobotsConfig;
import org.newsarc.crawler.config.ScopeConfig;
import org.newsarc.crawler.daemon.CrawlDaemon;
import org.newsarc.crawler.fetch.FetchOptions;
import org.newsarc.crawler.fetch.FetchResponse;
import org.newsarc.crawler.politeness.Sleeper;

/**
 * One-shot archiving on an output folder ({@code DIR/warcs/} for WARC files, {@code
 * DIR/newsarc.db} for the catalog): a bounded run of the crawl engine ({@link
 * CrawlDaemon#openRun}) with politeness set from a single delay, over a frontier that holds
 * only the URLs given and is gone when the session closes. Closing renames the open WARC file
 * to its final name. Not thread-safe: one thread opens, runs and closes it.
 */
public final class ArchiveSession implements Closeable {
  /** Name of the catalog file inside the output folder. */
  public static final String CATALOG_FILE = CrawlDaemon.DATABASE;
  /** Name of the WARC folder inside the output folder. */
  public static final String WARC_DIR = "warcs";
  /** A larger robots.txt Crawl-delay is cut to this. */
  public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);
  /** Redirect hops followed from one URL before giving up. */
  public static final int MAX_REDIRECTS = 10;
  /** Hosts fetched in parallel unless told otherwise. */
  public static final int DEFAULT_WORKERS = 8;

  /** Told about each URL as it finishes; called from the worker threads, one call at a time. */
  public interface Listener {
    void finished(int index, PageOutcome outcome);
  }

  private final Path out;
  private final CrawlDaemon engine;
  private final Thread shutdownHook = new Thread(this::closeQuietly, "newsarc-close");
  private boolean closed;

  private ArchiveSession(Path out, CrawlDaemon engine) {
    this.out = out;
    this.engine = engine;
  }

  /**
   * Opens a session writing below {@code out}, with {@link #DEFAULT_WORKERS} workers.
   *
   * @param fetchOptions identity and limits for HTTP
   * @param delay the least time between two requests to one host
   * @param softwareVersion newsarc's version, named in each warcinfo record
   */
  public static ArchiveSession open(Path out, FetchOptions fetchOptions, Duration delay,
      String softwareVersion, Clock clock, Sleeper sleeper) throws IOException {
    return open(out, fetchOptions, delay,
        WarcOptions.defaults().withSoftware("newsarc/" + softwareVersion), DEFAULT_WORKERS, true,
        clock, sleeper);
  }

  /**
   * As above, writing WARC files as {@code warcOptions} say, fetching up to {@code workers}
   * hosts at once; without {@code extract}, pages are archived but no article is extracted.
   */
  public static ArchiveSession open(Path out, FetchOptions fetchOptions, Duration delay,
      WarcOptions warcOptions, int workers, boolean extract, Clock clock, Sleeper sleeper)
      throws IOException {
    return open(out, fetchOptions, delay, warcOptions, workers, extract, 0, clock, sleeper);
  }

  /**
   * As above, also archiving the pages the given ones link to, up to {@code followLinks} link
   * hops away (0: none), on the site of the input they descend from (the input's host or the
   * host its redirects end on, a leading {@code www.} ignored), each URL once per run.
   */
  public static ArchiveSession open(Path out, FetchOptions fetchOptions, Duration delay,
      WarcOptions warcOptions, int workers, boolean extract, int followLinks, Clock clock,
      Sleeper sleeper) throws IOException {
    if (followLinks < 0) {
      throw new IllegalArgumentException("followLinks must be 0 or more: " + followLinks);
    }
    CrawlDaemon engine = CrawlDaemon.openRun(config(fetchOptions, delay, workers, followLinks),
        fetchOptions, out, warcOptions, extract, clock, sleeper);
    ArchiveSession session = new ArchiveSession(out, engine);
    // Ctrl-C or SIGTERM: finish the record being written and close the WARC file properly.
    Runtime.getRuntime().addShutdownHook(session.shutdownHook);
    return session;
  }

  /**
   * The engine's configuration for one-shot archiving: any host a given URL or its redirects
   * lead to, links followed up to {@code followLinks} hops (0: nothing discovered; which links
   * stay on an input's site is the run's own rule), one try per URL, and politeness in the crawl's
   * terms: {@code delay} between two requests to a host, no response-time factor, Crawl-delay
   * up to {@link #MAX_CRAWL_DELAY}, a Retry-After of up to {@link CrawlDaemon#MAX_PACED_WAIT}
   * waited for (a longer one fails the inputs on its host at once, and the host is held for the
   * whole pause, up to the crawl's one-hour cap, so no request goes early), and one delay
   * (plus up to half of it at random) of back-off after a 5xx answer or a failed connection. Links are still read from each page, for its metadata record.
   */
  static CrawlConfig config(FetchOptions fetch, Duration delay, int workers, int followLinks) {
    Duration cap = delay.compareTo(Duration.ofMinutes(1)) > 0 ? delay : Duration.ofMinutes(1);
    PolitenessConfig politeness = new PolitenessConfig("host", workers, 1, delay, 0.0,
        MAX_CRAWL_DELAY, Duration.ofHours(1), delay, cap, null, null, 1);
    ScopeConfig scope = new ScopeConfig(false, null, null, null, null, null, null, followLinks,
        null, null, null);
    DiscoveryConfig discovery = new DiscoveryConfig(false, false, true, true);
    FetchConfig fetchConfig = new FetchConfig(null, null, null, fetch.maxBodyBytes(),
        MAX_REDIRECTS, null);
    RobotsConfig robots = new RobotsConfig(Duration.ofHours(24), Duration.ofMinutes(10));
    return new CrawlConfig(null, null, null, scope, politeness, robots, discovery, null,
        fetchConfig, null);
  }

  /**
   * Archives {@code urls}, hosts in parallel and each host one request at a time; outcomes go
   * to {@code listener} as they finish and come back in input order.
   */
  public List<PageOutcome> archiveAll(List<String> urls, Listener listener)
      throws IOException, InterruptedException {
    return engine.archive(urls, listener::finished);
  }

  /** Archives one URL; never throws for bad input or network trouble. */
  public PageOutcome archive(String url) throws IOException, InterruptedException {
    return archiveAll(List.of(url), (i, o) -> { }).get(0);
  }

  /**
   * Archives an exchange fetched elsewhere (WARC records and catalog row), as robots.txt is
   * archived; returns its catalog row.
   */
  public long store(String requestedUrl, FetchResponse response) throws IOException {
    return engine.store(requestedUrl, response);
  }

  public Path out() {
    return out;
  }

  public Path catalogFile() {
    return engine.catalogFile();
  }

  public Path warcDirectory() {
    return engine.warcDirectory();
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
    engine.close();
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      System.err.println("newsarc: closing the archive failed: " + e.getMessage());
    }
  }
}
