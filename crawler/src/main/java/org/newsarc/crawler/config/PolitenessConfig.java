package org.newsarc.crawler.config;

import java.time.Duration;

/**
 * How hard each site is asked. The gap after a fetch from a queue is the largest of
 * {@code delay}, the robots.txt Crawl-delay (at most {@code maxCrawlDelay}) and
 * {@code responseTimeFactor} times the last response time. Immutable.
 *
 * @param queueBy "host" (default) or "domain": one queue per host name, or per registered
 *     domain (www.example.com and img.example.com then share one queue and one delay)
 * @param workers fetches running at once over all queues (default 8)
 * @param maxInFlightPerQueue fetches running at once per queue (default 1)
 * @param delay the least gap between two requests to one queue (default 2s)
 * @param responseTimeFactor k in "k times the last response time" (default 5)
 * @param maxCrawlDelay a larger robots.txt Crawl-delay is cut to this (default 60s)
 * @param retryAfterCap a longer Retry-After pause is cut to this (default 1h)
 * @param backoffBase first back-off after a 429/503 without Retry-After or a 5xx/network error,
 *     doubled on each further failure, with up to 50% random jitter (default 30s)
 * @param backoffCap longest back-off (default 1h)
 * @param parkAfterFailures a queue failing this many times in a row is parked (default 8)
 * @param parkDuration how long a parked queue rests before it is tried again (default 6h)
 * @param maxAttempts a URL failing this many times is given up (default 3)
 */
public record PolitenessConfig(
    String queueBy,
    Integer workers,
    Integer maxInFlightPerQueue,
    Duration delay,
    Double responseTimeFactor,
    Duration maxCrawlDelay,
    Duration retryAfterCap,
    Duration backoffBase,
    Duration backoffCap,
    Integer parkAfterFailures,
    Duration parkDuration,
    Integer maxAttempts) {
  public PolitenessConfig {
    queueBy = Defaults.or(queueBy, "host");
    if (!queueBy.equals("host") && !queueBy.equals("domain")) {
      throw new IllegalArgumentException("politeness.queue-by must be host or domain: " + queueBy);
    }
    workers = Defaults.atLeast(Defaults.or(workers, 8), 1, "politeness.workers");
    maxInFlightPerQueue = Defaults.atLeast(Defaults.or(maxInFlightPerQueue, 1), 1,
        "politeness.max-in-flight-per-queue");
    delay = Defaults.positive(Defaults.or(delay, Duration.ofSeconds(2)), "politeness.delay");
    responseTimeFactor = Defaults.or(responseTimeFactor, 5.0);
    if (responseTimeFactor < 0) {
      throw new IllegalArgumentException("politeness.response-time-factor must not be negative");
    }
    maxCrawlDelay = Defaults.positive(Defaults.or(maxCrawlDelay, Duration.ofSeconds(60)),
        "politeness.max-crawl-delay");
    retryAfterCap = Defaults.positive(Defaults.or(retryAfterCap, Duration.ofHours(1)),
        "politeness.retry-after-cap");
    backoffBase = Defaults.positive(Defaults.or(backoffBase, Duration.ofSeconds(30)),
        "politeness.backoff-base");
    backoffCap = Defaults.positive(Defaults.or(backoffCap, Duration.ofHours(1)),
        "politeness.backoff-cap");
    parkAfterFailures = Defaults.atLeast(Defaults.or(parkAfterFailures, 8), 1,
        "politeness.park-after-failures");
    parkDuration = Defaults.positive(Defaults.or(parkDuration, Duration.ofHours(6)),
        "politeness.park-duration");
    maxAttempts = Defaults.atLeast(Defaults.or(maxAttempts, 3), 1, "politeness.max-attempts");
  }

  static PolitenessConfig defaults() {
    return new PolitenessConfig(null, null, null, null, null, null, null, null, null, null, null,
        null);
  }

  public boolean queueByDomain() {
    return queueBy.equals("domain");
  }
}
