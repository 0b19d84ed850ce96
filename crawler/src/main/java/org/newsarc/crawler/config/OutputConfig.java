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
 * @param warcVersion "1.1" (default) or "1.0"
 * @param warcDigest digest algorithm of WARC-Block-Digest and WARC-Payload-Digest: "sha1"
 *     (default, base32, the form other tools deduplicate on), "sha256" or "sha512"
 * @param warcGzipLevel zlib level of each gzipped record, 1 (fastest) to 9 (smallest); default 6,
 *     zlib's own (see docs/performance.md for the CPU and size of each level on news pages)
 * @param warcDeflate which library deflates the records: "auto" (default: libdeflate, Debian's
 *     libdeflate0, when the system has it, else zlib), "zlib" or "libdeflate" (an error when it
 *     cannot be loaded); both take the same levels
 * @param logMaxFileBytes the fetch log rotates past this size (default 10 MB)
 * @param logKeepFiles rotated fetch logs kept (default 10)
 */
public record OutputConfig(
    String directory, String warcPrefix, Long warcMaxFileBytes,
    java.time.Duration warcMaxFileAge, String warcVersion, String warcDigest,
    Integer warcGzipLevel, String warcDeflate, Long logMaxFileBytes, Integer logKeepFiles) {
  public OutputConfig {
    directory = Defaults.or(directory, "crawl-data");
    warcPrefix = Defaults.or(warcPrefix, "newsarc");
    warcMaxFileBytes = Defaults.or(warcMaxFileBytes, 1_000_000_000L);
    warcMaxFileAge = Defaults.or(warcMaxFileAge, java.time.Duration.ofHours(24));
    if (warcMaxFileAge.isZero() || warcMaxFileAge.isNegative()) {
      throw new IllegalArgumentException("output.warc-max-file-age must be positive");
    }
    warcVersion = Defaults.or(warcVersion, "1.1");
    if (!warcVersion.equals("1.1") && !warcVersion.equals("1.0")) {
      throw new IllegalArgumentException("output.warc-version must be 1.1 or 1.0");
    }
    warcDigest = Defaults.or(warcDigest, "sha1");
    if (!warcDigest.matches("sha1|sha256|sha512")) {
      throw new IllegalArgumentException("output.warc-digest must be sha1, sha256 or sha512");
    }
    warcGzipLevel = Defaults.or(warcGzipLevel, 6);
    if (warcGzipLevel < 1 || warcGzipLevel > 9) {
      throw new IllegalArgumentException("output.warc-gzip-level must be 1 to 9, not "
          + warcGzipLevel);
    }
    warcDeflate = Defaults.or(warcDeflate, "auto");
    try {
      org.newsarc.archive.WarcOptions.checkDeflater(warcDeflate);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("output.warc-deflate: " + e.getMessage());
    }
    logMaxFileBytes = Defaults.or(logMaxFileBytes, 10_000_000L);
    logKeepFiles = Defaults.atLeast(Defaults.or(logKeepFiles, 10), 1, "output.log-keep-files");
  }

  static OutputConfig defaults() {
    return new OutputConfig(null, null, null, null, null, null, null, null, null, null);
  }
}
