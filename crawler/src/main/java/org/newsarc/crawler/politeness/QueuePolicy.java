package org.newsarc.crawler.politeness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.newsarc.crawler.config.PolitenessConfig;
import org.newsarc.crawler.frontier.QueueUpdate;
import org.newsarc.crawler.frontier.QueueUpdate.Outcome;

/**
 * Decides when a queue may be asked again after a fetch: the one place where politeness gaps
 * are decided, for {@code crawl} and {@code archive} alike (both run the same engine over a
 * frontier). A normal answer waits {@link #gap} (configured delay, capped Crawl-delay, k times
 * the response time).
 * 429 and 503 pause the queue until their Retry-After, capped, without counting as a failure
 * (the server is pacing the crawl); without one, and after other
 * 5xx answers and network failures, the queue backs off exponentially with up to 50% jitter.
 * A queue failing {@code parkAfterFailures} times in a row is parked for {@code parkDuration},
 * with the reason kept for the status. Thread-safe if the random generator is.
 */
public final class QueuePolicy {
  private final PolitenessConfig config;
  private final Clock clock;
  private final RandomGenerator random;

  public QueuePolicy(PolitenessConfig config, Clock clock, RandomGenerator random) {
    this.config = config;
    this.clock = clock;
    this.random = random;
  }

  /** After an answer that is neither 429, 503 nor another 5xx. */
  public QueueUpdate answered(Duration elapsed, Duration crawlDelay) {
    return new QueueUpdate(clock.instant().plus(gap(elapsed, crawlDelay)), Outcome.SUCCESS,
        null, false, elapsed.toMillis());
  }

  /**
   * After a 429 or 503 ({@code retryAfter} is the header, or null) or another 5xx.
   *
   * @param failuresBefore the queue's failures in a row before this one
   */
  public QueueUpdate overloaded(int status, String retryAfter, Duration elapsed,
      Duration crawlDelay, int failuresBefore) {
    Instant now = clock.instant();
    Instant gapEnd = now.plus(gap(elapsed, crawlDelay));
    if (status == 429 || status == 503) {
      Optional<Instant> until = RetryAfter.until(retryAfter, now);
      if (until.isPresent()) {
        // The server is pacing us, not failing: the wait is obeyed but neither counts toward
        // parking nor resets the failures in a row.
        Instant capped = min(until.get(), now.plus(config.retryAfterCap()));
        return new QueueUpdate(max(capped, gapEnd), Outcome.NEUTRAL,
            "HTTP " + status + ", Retry-After " + retryAfter.strip(), false, elapsed.toMillis());
      }
    }
    return backOff("HTTP " + status, failuresBefore, elapsed.toMillis(), gapEnd);
  }

  /** After a fetch that got no answer at all. */
  public QueueUpdate unreachable(String why, int failuresBefore) {
    return backOff(why, failuresBefore, -1, clock.instant().plus(config.delay()));
  }

  /** robots.txt could not be fetched: the host is off limits until the next robots.txt try. */
  public QueueUpdate robotsUnreachable(Instant retryAt, String why) {
    return new QueueUpdate(max(retryAt, clock.instant().plus(config.delay())), Outcome.NEUTRAL,
        why, false, -1);
  }

  /** No request was made (robots.txt disallows the URL, or the crawl is stopping). */
  public QueueUpdate noRequest() {
    return new QueueUpdate(clock.instant(), Outcome.NEUTRAL, null, false, -1);
  }

  /**
   * After robots.txt was just fetched for this queue but the URL itself was not: the next
   * request waits the configured delay or the (capped) Crawl-delay those rules ask for.
   */
  public QueueUpdate robotsOnly(Duration crawlDelay) {
    return new QueueUpdate(clock.instant().plus(gap(Duration.ZERO, crawlDelay)),
        Outcome.NEUTRAL, null, false, -1);
  }

  /**
   * The wait after a fetch that took {@code responseTime}: the largest of the configured
   * delay, {@code crawlDelay} (null or zero when none) and k times the response time.
   */
  public Duration gap(Duration responseTime, Duration crawlDelay) {
    Duration gap = config.delay();
    if (crawlDelay != null && crawlDelay.compareTo(gap) > 0) {
      gap = crawlDelay;
    }
    Duration adaptive = Duration.ofNanos((long) (responseTime.toNanos()
        * config.responseTimeFactor()));
    return adaptive.compareTo(gap) > 0 ? adaptive : gap;
  }

  /**
   * After any fetch that got an answer: {@link #overloaded} for 429 and 5xx, else
   * {@link #answered}.
   */
  public QueueUpdate after(int status, String retryAfter, Duration elapsed, Duration crawlDelay,
      int failuresBefore) {
    return status == 429 || status >= 500
        ? overloaded(status, retryAfter, elapsed, crawlDelay, failuresBefore)
        : answered(elapsed, crawlDelay);
  }

  private QueueUpdate backOff(String why, int failuresBefore, long elapsedMs, Instant notBefore) {
    int failures = failuresBefore + 1;
    if (failures >= config.parkAfterFailures()) {
      return park(failures, why, Duration.ofMillis(Math.max(0, elapsedMs)));
    }
    Duration wait = backoff(failures);
    return new QueueUpdate(max(clock.instant().plus(wait), notBefore), Outcome.FAILURE,
        why + "; backing off " + wait.toSeconds() + "s after " + failures + " failure"
            + (failures == 1 ? "" : "s") + " in a row", false, elapsedMs);
  }

  /** base × 2^(failures-1), capped, plus up to 50% jitter (still capped). */
  Duration backoff(int failures) {
    long base = config.backoffBase().toMillis();
    long cap = config.backoffCap().toMillis();
    long exp = failures >= 40 ? cap : Math.min(cap, base << Math.max(0, failures - 1));
    long jittered = exp + (long) (exp * 0.5 * random.nextDouble());
    return Duration.ofMillis(Math.min(cap, Math.max(0, jittered)));
  }

  private QueueUpdate park(int failures, String why, Duration elapsed) {
    return new QueueUpdate(clock.instant().plus(config.parkDuration()), Outcome.FAILURE,
        "parked after " + failures + " failures in a row (last: " + why + ") until "
            + clock.instant().plus(config.parkDuration()), true, elapsed.toMillis());
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
