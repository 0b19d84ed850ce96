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
 * @param hubMaxDepth hub pages at most this many hops from a seed are revisited (default 1:
 *     the sections linked from a home page); deeper ones (tag, author, page-2 listings) are
 *     fetched once, so the set of revisited pages stays small
 */
public record RecrawlConfig(
    Duration initialInterval, Duration minInterval, Duration maxInterval,
    Duration articleInterval, Integer hubMaxDepth) {
  public RecrawlConfig {
    initialInterval = Defaults.positive(Defaults.or(initialInterval, Duration.ofHours(1)),
        "recrawl.initial-interval");
    minInterval = Defaults.positive(Defaults.or(minInterval, Duration.ofMinutes(15)),
        "recrawl.min-interval");
    maxInterval = Defaults.positive(Defaults.or(maxInterval, Duration.ofDays(7)),
        "recrawl.max-interval");
    hubMaxDepth = Defaults.atLeast(Defaults.or(hubMaxDepth, 1), 0, "recrawl.hub-max-depth");
    if (minInterval.compareTo(maxInterval) > 0) {
      throw new IllegalArgumentException("recrawl.min-interval is above recrawl.max-interval");
    }
  }

  static RecrawlConfig defaults() {
    return new RecrawlConfig(null, null, null, null, null);
  }
}
