package org.newsarc.crawler.capture;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.WarcArchive;
import org.newsarc.archive.WarcOptions;
import org.newsarc.crawler.fetch.FetchOptions;
import org.newsarc.crawler.fetch.Fetcher;
import org.newsarc.crawler.politeness.HostDelays;
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

  private final Path out;
  private final WarcArchive warcs;
  private final Catalog catalog;
  private final Fetcher fetcher;
  private final PageArchiver archiver;

  private ArchiveSession(Path out, WarcArchive warcs, Catalog catalog, Fetcher fetcher,
      PageArchiver archiver) {
    this.out = out;
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
    WarcArchive warcs = WarcArchive.open(out.resolve(WARC_DIR),
        WarcOptions.defaults().withSoftware("newsarc/" + softwareVersion), clock);
    Catalog catalog;
    try {
      catalog = Catalog.open(out.resolve(CATALOG_FILE));
    } catch (IOException e) {
      warcs.close();
      throw e;
    }
    Fetcher fetcher = new Fetcher(fetchOptions, clock);
    PageArchiverHolder holder = new PageArchiverHolder();
    RobotsCache robots = new RobotsCache(fetcher, "newsarc", clock, Duration.ofHours(24),
        Duration.ofMinutes(10), Duration.ofSeconds(30),
        (requested, response) -> holder.archiver.store(requested, response,
            response.isRedirect() ? response.header("Location") : null));
    HostDelays delays = new HostDelays(delay, 0, clock, sleeper);
    PageArchiver archiver = new PageArchiver(fetcher, robots, delays, warcs, catalog,
        new ArticleExtractor(), clock);
    holder.archiver = archiver;
    return new ArchiveSession(out, warcs, catalog, fetcher, archiver);
  }

  public PageArchiver archiver() {
    return archiver;
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
  public void close() throws IOException {
    try {
      fetcher.close();
      warcs.close();
    } finally {
      catalog.close();
    }
  }

  /** Lets the robots sink reach the archiver, which needs the robots cache to exist first. */
  private static final class PageArchiverHolder {
    volatile PageArchiver archiver;
  }
}
