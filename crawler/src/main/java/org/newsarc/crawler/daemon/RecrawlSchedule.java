package org.newsarc.crawler.daemon;

import java.time.Duration;
import org.newsarc.crawler.config.RecrawlConfig;

/**
 * The adaptive revisit interval of feeds, sitemaps, seeds and shallow hub pages: halved after a visit that
 * found a change, grown by half after one that found none (a 304, or the same payload digest),
 * kept within the configured bounds. Immutable and thread-safe.
 */
public final class RecrawlSchedule {
  private final RecrawlConfig config;

  public RecrawlSchedule(RecrawlConfig config) {
    this.config = config;
  }

  /**
   * The next interval.
   *
   * @param currentSeconds the interval used so far, 0 for a URL visited the first time
   * @param changed whether this visit found something new
   */
  public Duration next(long currentSeconds, boolean changed) {
    if (currentSeconds <= 0) {
      return clamp(config.initialInterval());
    }
    Duration current = Duration.ofSeconds(currentSeconds);
    Duration next = changed ? current.dividedBy(2) : current.plus(current.dividedBy(2));
    return clamp(next);
  }

  /** Whether a URL of {@code kind} at {@code depth} is revisited on the adaptive schedule. */
  public boolean recurring(org.newsarc.crawler.frontier.UrlKind kind, int depth, boolean seed) {
    return seed || switch (kind) {
      case FEED, SITEMAP -> true;
      case HUB -> depth <= config.hubMaxDepth();
      default -> false;
    };
  }

  /** How often articles are revisited, or null when they are fetched once. */
  public Duration articleInterval() {
    return config.articleInterval();
  }

  private Duration clamp(Duration d) {
    if (d.compareTo(config.minInterval()) < 0) {
      return config.minInterval();
    }
    return d.compareTo(config.maxInterval()) > 0 ? config.maxInterval() : d;
  }
}
