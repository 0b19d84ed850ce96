package org.newsarc.crawler.config;

import java.time.Duration;

/**
 * Limits of one HTTP exchange. Immutable.
 *
 * @param connectTimeout (default 10s)
 * @param readTimeout longest wait for the next bytes (default 30s)
 * @param totalTimeout longest whole exchange; the body read so far is archived as truncated
 *     (default 60s)
 * @param maxBodyBytes longer bodies are cut and archived as truncated (default 8 MiB: a worker
 *     holds up to twice this while a body arrives, so 32 workers stay well under 1 GB)
 * @param maxRedirects redirect hops followed from one frontier URL (default 10); each hop is a
 *     frontier URL of its own, so it is archived once and resumed after a crash
 * @param allowAddresses address ranges (CIDR) that may be fetched although they are private or
 *     loopback (default none: only public addresses are fetched)
 */
public record FetchConfig(
    Duration connectTimeout, Duration readTimeout, Duration totalTimeout, Long maxBodyBytes,
    Integer maxRedirects, java.util.List<String> allowAddresses) {
  public FetchConfig {
    connectTimeout = Defaults.nonZero(Defaults.or(connectTimeout, Duration.ofSeconds(10)),
        "fetch.connect-timeout");
    readTimeout = Defaults.nonZero(Defaults.or(readTimeout, Duration.ofSeconds(30)),
        "fetch.read-timeout");
    totalTimeout = Defaults.nonZero(Defaults.or(totalTimeout, Duration.ofSeconds(60)),
        "fetch.total-timeout");
    maxBodyBytes = Defaults.or(maxBodyBytes, 8L << 20);
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("fetch.max-body-bytes must be positive");
    }
    maxRedirects = Defaults.atLeast(Defaults.or(maxRedirects, 10), 0, "fetch.max-redirects");
    allowAddresses = Defaults.list(allowAddresses);
    // Parsed here so that a bad range is a config error naming the key.
    try {
      org.newsarc.crawler.fetch.AddressPolicy.allowing(allowAddresses);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fetch.allow-addresses: " + e.getMessage(), e);
    }
  }

  static FetchConfig defaults() {
    return new FetchConfig(null, null, null, null, null, null);
  }
}
