package org.newsarc.crawler.config;

import java.time.Duration;

/**
 * When pages are fetched again. Feeds, sitemaps and hub pages (seeds, sections) are revisited
 * with conditional GET; after a visit that found a change the interval is halved, after one
 * that found none it grows by half, always within [minInterval, maxInterval]. Articles are
 * fetched once unless {@code articleInterval} is set. Immutable.
 *
 * @param initialInterval the first revisit interval (default 1h)
 * @param minInterval the shortest interval (default 15m)
 * @param maxInterval the longest interval (default 7d)
 * @param articleInterval revisit articles this often; null (default) fetches them once
 */
public record RecrawlConfig(
    Duration initialInterval, Duration minInterval, Duration maxInterval,
    Duration articleInterval) {
  public RecrawlConfig {
    initialInterval = Defaults.positive(Defaults.or(initialInterval, Duration.ofHours(1)),
        "recrawl.initial-interval");
    minInterval = Defaults.positive(Defaults.or(minInterval, Duration.ofMinutes(15)),
        "recrawl.min-interval");
    maxInterval = Defaults.positive(Defaults.or(maxInterval, Duration.ofDays(7)),
        "recrawl.max-interval");
    if (minInterval.compareTo(maxInterval) > 0) {
      throw new IllegalArgumentException("recrawl.min-interval is above recrawl.max-interval");
    }
  }

  static RecrawlConfig defaults() {
    return new RecrawlConfig(null, null, null, null);
  }
}
