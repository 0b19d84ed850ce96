package org.newsarc.crawler.politeness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The turns of {@code archive}'s hosts: one request in flight per host, and the earliest time
 * each host may be asked again. It decides nothing: every next time it holds was worked out by
 * {@link QueuePolicy}, the same rules the crawl's frontier queues follow. Thread-safe:
 * {@link #awaitTurn} takes the host and {@link #release} gives it back, so callers on several
 * threads never ask one host twice at once.
 */
public final class HostDelays {
  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Instant> next = new ConcurrentHashMap<>();
  private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

  public HostDelays(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Blocks until no other request to {@code host} is in flight and its turn has come; then
   * holds the host until {@link #release} is called.
   */
  public void awaitTurn(String host) throws InterruptedException {
    inFlight.computeIfAbsent(host, h -> new Semaphore(1)).acquire();
    try {
      waitUntil(nextAllowed(host));
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
  public Instant nextAllowed(String host) {
    return next.getOrDefault(host, Instant.MIN);
  }

  /** Gives {@code host} back after a request; it may be asked again from {@code notBefore}. */
  public void release(String host, Instant notBefore) {
    hold(host, notBefore);
    Semaphore s = inFlight.get(host);
    if (s != null && s.availablePermits() == 0) {
      s.release();
    }
  }

  /** Keeps {@code host} waiting until at least {@code notBefore} (a later turn stays). */
  public void hold(String host, Instant notBefore) {
    next.merge(host, notBefore, (a, b) -> a.isAfter(b) ? a : b);
  }
}
