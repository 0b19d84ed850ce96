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
 * @param addresses which IP addresses may be connected to (default: public ones only)
 */
public record FetchOptions(
    String userAgent,
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    long maxBodyBytes,
    AddressPolicy addresses) {

  /** 20 MiB: larger than any real article page, small enough to keep in memory. */
  public static final long DEFAULT_MAX_BODY_BYTES = 20L << 20;

  public FetchOptions {
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    Objects.requireNonNull(addresses, "addresses");
    if (connectTimeout.isZero() || readTimeout.isZero() || totalTimeout.isZero()
        || connectTimeout.isNegative() || readTimeout.isNegative() || totalTimeout.isNegative()) {
      // OkHttp reads a zero timeout as "none": a server could then hold a worker forever.
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
  }

  public static FetchOptions defaults(String userAgent) {
    return new FetchOptions(userAgent, Duration.ofSeconds(10), Duration.ofSeconds(20),
        Duration.ofSeconds(60), DEFAULT_MAX_BODY_BYTES, AddressPolicy.PUBLIC_ONLY);
  }

  public FetchOptions withTimeouts(Duration connect, Duration read, Duration total) {
    return new FetchOptions(userAgent, connect, read, total, maxBodyBytes, addresses);
  }

  public FetchOptions withMaxBodyBytes(long max) {
    return new FetchOptions(userAgent, connectTimeout, readTimeout, totalTimeout, max, addresses);
  }

  /** These options, also allowing the given address ranges (CIDR, e.g. 127.0.3.0/24). */
  public FetchOptions withAllowedAddresses(java.util.List<String> cidrs) {
    return new FetchOptions(userAgent, connectTimeout, readTimeout, totalTimeout, maxBodyBytes,
        AddressPolicy.allowing(cidrs));
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
