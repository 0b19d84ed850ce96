package org.newsarc.crawler.config;

import java.time.Duration;

/**
 * robots.txt handling (RFC 9309). Immutable.
 *
 * @param cacheTtl how long fetched rules are kept; more than 24h is cut to 24h (default 24h)
 * @param retryUnreachableAfter when robots.txt answered 5xx/429 or could not be fetched, the
 *     host is treated as fully disallowed and robots.txt is fetched again after this
 *     (default 10m)
 */
public record RobotsConfig(Duration cacheTtl, Duration retryUnreachableAfter) {
  public RobotsConfig {
    cacheTtl = Defaults.positive(Defaults.or(cacheTtl, Duration.ofHours(24)), "robots.cache-ttl");
    if (cacheTtl.compareTo(Duration.ofHours(24)) > 0) {
      cacheTtl = Duration.ofHours(24);
    }
    retryUnreachableAfter = Defaults.positive(
        Defaults.or(retryUnreachableAfter, Duration.ofMinutes(10)),
        "robots.retry-unreachable-after");
  }

  static RobotsConfig defaults() {
    return new RobotsConfig(null, null);
  }
}
