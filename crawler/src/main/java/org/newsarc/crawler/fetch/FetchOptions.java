package org.newsarc.crawler.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and identity for fetching. Immutable; start from {@link #defaults(String)}.
 *
 * @param userAgent the User-Agent header, which must name newsarc and a contact
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param readTimeout how long to wait for the next bytes of a response
 * @param totalTimeout how long one whole exchange may take; the body read so far is kept
 * @param maxBodyBytes bodies longer than this are cut and archived as truncated
 */
public record FetchOptions(
    String userAgent,
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    long maxBodyBytes) {

  /** 20 MiB: larger than any real article page, small enough to keep in memory. */
  public static final long DEFAULT_MAX_BODY_BYTES = 20L << 20;

  public FetchOptions {
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
  }

  public static FetchOptions defaults(String userAgent) {
    return new FetchOptions(userAgent, Duration.ofSeconds(10), Duration.ofSeconds(20),
        Duration.ofSeconds(60), DEFAULT_MAX_BODY_BYTES);
  }

  public FetchOptions withTimeouts(Duration connect, Duration read, Duration total) {
    return new FetchOptions(userAgent, connect, read, total, maxBodyBytes);
  }

  public FetchOptions withMaxBodyBytes(long max) {
    return new FetchOptions(userAgent, connectTimeout, readTimeout, totalTimeout, max);
  }

  /** The User-Agent newsarc sends: its name and version, and where to reach the operator. */
  public static String userAgent(String version, String contactUrl) {
    String ua = "newsarc/" + version + " (web archiving crawler";
    if (contactUrl != null && !contactUrl.isBlank()) {
      ua += "; +" + contactUrl.strip();
    }
    return ua + ")";
  }
}
