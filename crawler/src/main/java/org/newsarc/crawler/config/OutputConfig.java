package org.newsarc.crawler.config;

/**
 * Where the crawl writes: {@code DIR/warcs/} for WARC files, {@code DIR/newsarc.db} for the
 * catalog and frontier, {@code DIR/logs/} for the fetch log. Immutable.
 *
 * @param directory the output folder, relative to the config file's folder (default
 *     "crawl-data")
 * @param warcPrefix first part of each WARC file name (default "newsarc")
 * @param warcMaxFileBytes a WARC file is closed and a new one begun past this size (default 1 GB)
 * @param warcMaxFileAge a WARC file is closed once it has been open this long (default 24h), so
 *     that a slow crawl still hands finished files to replay and backup
 * @param logMaxFileBytes the fetch log rotates past this size (default 10 MB)
 * @param logKeepFiles rotated fetch logs kept (default 10)
 */
public record OutputConfig(
    String directory, String warcPrefix, Long warcMaxFileBytes,
    java.time.Duration warcMaxFileAge, Long logMaxFileBytes, Integer logKeepFiles) {
  public OutputConfig {
    directory = Defaults.or(directory, "crawl-data");
    warcPrefix = Defaults.or(warcPrefix, "newsarc");
    warcMaxFileBytes = Defaults.or(warcMaxFileBytes, 1_000_000_000L);
    warcMaxFileAge = Defaults.or(warcMaxFileAge, java.time.Duration.ofHours(24));
    if (warcMaxFileAge.isZero() || warcMaxFileAge.isNegative()) {
      throw new IllegalArgumentException("output.warc-max-file-age must be positive");
    }
    logMaxFileBytes = Defaults.or(logMaxFileBytes, 10_000_000L);
    logKeepFiles = Defaults.atLeast(Defaults.or(logKeepFiles, 10), 1, "output.log-keep-files");
  }

  static OutputConfig defaults() {
    return new OutputConfig(null, null, null, null, null, null);
  }
}
