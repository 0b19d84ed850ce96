package org.newsarc.crawler.daemon;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells the workers when to stop: on request (a signal), after a number of fetches
 * ({@code --max-pages}) or at a deadline ({@code --max-time}). Thread-safe.
 */
public final class StopSignal {
  private final Clock clock;
  private final AtomicLong pagesLeft;
  private final Instant deadline;
  private final AtomicReference<String> reason = new AtomicReference<>();

  /**
   * @param maxPages fetches allowed, or a negative number for no limit
   * @param deadline when to stop, or null for never
   */
  public StopSignal(Clock clock, long maxPages, Instant deadline) {
    this.clock = clock;
    this.pagesLeft = new AtomicLong(maxPages < 0 ? Long.MAX_VALUE : maxPages);
    this.deadline = deadline;
  }

  /** Asks the crawl to stop; the first reason given is kept. */
  public void request(String why) {
    reason.compareAndSet(null, why);
  }

  /** True once the crawl is to stop (requested, or the deadline has passed). */
  public boolean stopping() {
    if (reason.get() == null && deadline != null && !clock.instant().isBefore(deadline)) {
      request("max-time reached");
    }
    return reason.get() != null;
  }

  /** Takes one fetch from the page budget; false (and stopping) when it is spent. */
  public boolean takePage() {
    if (pagesLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) <= 0) {
      request("max-pages reached");
      return false;
    }
    return true;
  }

  /** True while the page budget is not spent (without taking from it). */
  public boolean hasPagesLeft() {
    return pagesLeft.get() > 0;
  }

  /** Why the crawl stops, or null while it runs. */
  public String reason() {
    return reason.get();
  }
}
