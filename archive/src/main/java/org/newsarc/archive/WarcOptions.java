package org.newsarc.archive;

import java.util.Objects;

/**
 * How WARC files are written. Immutable; start from {@link #defaults()} and change with the
 * {@code with*} methods.
 *
 * @param prefix the first part of every file name
 * @param maxFileBytes a file is closed and a new one started once it grows past this size
 * @param software the software named in each warcinfo record
 * @param operator who runs the crawl (a contact), or null
 * @param robotsPolicy the robots policy named in each warcinfo record
 */
public record WarcOptions(
    String prefix,
    long maxFileBytes,
    String software,
    String operator,
    String robotsPolicy) {

  /** Default rotation size: 1 GB, as most archives use. */
  public static final long DEFAULT_MAX_FILE_BYTES = 1_000_000_000L;

  public WarcOptions {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(software, "software");
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
    }
    if (prefix.isBlank() || prefix.contains("/")) {
      throw new IllegalArgumentException("bad WARC file prefix: " + prefix);
    }
  }

  public static WarcOptions defaults() {
    return new WarcOptions("newsarc", DEFAULT_MAX_FILE_BYTES, "newsarc", null, "obey");
  }

  public WarcOptions withPrefix(String prefix) {
    return new WarcOptions(prefix, maxFileBytes, software, operator, robotsPolicy);
  }

  public WarcOptions withMaxFileBytes(long maxFileBytes) {
    return new WarcOptions(prefix, maxFileBytes, software, operator, robotsPolicy);
  }

  public WarcOptions withSoftware(String software) {
    return new WarcOptions(prefix, maxFileBytes, software, operator, robotsPolicy);
  }

  public WarcOptions withOperator(String operator) {
    return new WarcOptions(prefix, maxFileBytes, software, operator, robotsPolicy);
  }
}
