package org.newsarc.crawler.politeness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One request in flight per host, and the earliest time each host may be asked again. After a
 * fetch from a host, the next one waits for the largest of: the configured delay, the
 * robots.txt Crawl-delay (already capped by the caller; it is given again when waiting, so a
 * Crawl-delay learnt from the robots.txt just fetched also spaces the request after it), a
 * Retry-After the host sent, and {@code factor} times how long the last response took. Used by
 * one-shot archiving; the crawl daemon schedules hosts through its frontier instead.
 * Thread-safe: {@link #awaitTurn} takes the host and {@link #fetched} gives it back, so callers
 * on several threads never ask one host twice at once.
 */
public final class HostDelays {
  private final Duration delay;
  private final double factor;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Turn> turns = new ConcurrentHashMap<>();
  private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

  /** When the host last answered, and the earliest next request it allows. */
  private record Turn(Instant lastEnd, Instant next) {}

  public HostDelays(Duration delay, double factor, Clock clock, Sleeper sleeper) {
    if (delay.isNegative() || factor < 0) {
      throw new IllegalArgumentException("delay and factor must not be negative");
    }
    this.delay = delay;
    this.factor = factor;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Blocks until {@code host} may be fetched from, with no Crawl-delay known. */
  public void awaitTurn(String host) throws InterruptedException {
    awaitTurn(host, Duration.ZERO);
  }

  /**
   * Blocks until no other request to {@code host} is in flight and its gap, at least
   * {@code crawlDelay} since its last answer, has passed; then holds the host until
   * {@link #fetched} is called.
   */
  public void awaitTurn(String host, Duration crawlDelay) throws InterruptedException {
    inFlight.computeIfAbsent(host, h -> new Semaphore(1)).acquire();
    try {
      Instant next = nextAllowed(host, crawlDelay);
      Duration wait = Duration.between(clock.instant(), next);
      if (!wait.isNegative() && !wait.isZero()) {
        sleeper.sleep(wait);
      }
    } catch (InterruptedException | RuntimeException e) {
      inFlight.get(host).release();
      throw e;
    }
  }

  /** Sleeps until {@code time}; returns at once when it has passed. */
  public void waitUntil(Instant time) throws InterruptedException {
    Duration wait = Duration.between(clock.instant(), time);
    if (!wait.isNegative() && !wait.isZero()) {
      sleeper.sleep(wait);
    }
  }

  /** The earliest time {@code host} may be asked again (now or earlier when it is free). */
  public Instant nextAllowed(String host, Duration crawlDelay) {
    Turn t = turns.get(host);
    if (t == null) {
      return Instant.MIN;
    }
    Instant byCrawlDelay = crawlDelay == null ? t.lastEnd() : t.lastEnd().plus(crawlDelay);
    return byCrawlDelay.isAfter(t.next()) ? byCrawlDelay : t.next();
  }

  /** Records that a fetch from {@code host} just ended after {@code responseTime}. */
  public void fetched(String host, Duration responseTime, Duration crawlDelay) {
    Instant now = clock.instant();
    turns.put(host, new Turn(now, now.plus(gap(responseTime, crawlDelay))));
    Semaphore s = inFlight.get(host);
    if (s != null && s.availablePermits() == 0) {
      s.release();
    }
  }

  /** Asks {@code host} to be left alone until {@code until} (a Retry-After), if later. */
  public void pauseUntil(String host, Instant until) {
    turns.compute(host, (h, t) -> t == null ? new Turn(clock.instant(), until)
        : new Turn(t.lastEnd(), until.isAfter(t.next()) ? until : t.next()));
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
