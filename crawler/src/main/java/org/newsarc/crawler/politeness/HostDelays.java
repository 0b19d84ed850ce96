package org.newsarc.crawler.politeness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The earliest time each host may be asked again. After a fetch from a host, the next one waits
 * for the largest of: the configured delay, the robots.txt Crawl-delay (already capped by the
 * caller), and {@code factor} times how long the last response took. Used by one-shot archiving,
 * which fetches one URL at a time; the crawl daemon schedules hosts through its frontier instead.
 * Thread-safe.
 */
public final class HostDelays {
  private final Duration delay;
  private final double factor;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Instant> nextAllowed = new ConcurrentHashMap<>();

  public HostDelays(Duration delay, double factor, Clock clock, Sleeper sleeper) {
    if (delay.isNegative() || factor < 0) {
      throw new IllegalArgumentException("delay and factor must not be negative");
    }
    this.delay = delay;
    this.factor = factor;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Blocks until {@code host} may be fetched from. */
  public void awaitTurn(String host) throws InterruptedException {
    Instant next = nextAllowed.get(host);
    if (next == null) {
      return;
    }
    Duration wait = Duration.between(clock.instant(), next);
    if (!wait.isNegative() && !wait.isZero()) {
      sleeper.sleep(wait);
    }
  }

  /** Records that a fetch from {@code host} just ended after {@code responseTime}. */
  public void fetched(String host, Duration responseTime, Duration crawlDelay) {
    nextAllowed.put(host, clock.instant().plus(gap(responseTime, crawlDelay)));
  }

  /** The wait after a fetch that took {@code responseTime}. */
  public Duration gap(Duration responseTime, Duration crawlDelay) {
    Duration gap = delay;
    if (crawlDelay != null && crawlDelay.compareTo(gap) > 0) {
      gap = crawlDelay;
    }
    Duration adaptive = Duration.ofNanos((long) (responseTime.toNanos() * factor));
    return adaptive.compareTo(gap) > 0 ? adaptive : gap;
  }
}
