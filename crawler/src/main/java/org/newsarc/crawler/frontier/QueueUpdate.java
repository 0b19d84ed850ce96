package org.newsarc.crawler.frontier;

import java.time.Instant;

/**
 * What a finished fetch means for its queue. Immutable.
 *
 * @param nextAllowedAt the queue's next request may start at this time
 * @param outcome whether the host answered normally, failed, or neither counted
 * @param reason why the queue is paused or parked, shown in the status; null when it is not
 * @param parked whether the queue is parked (it kept failing), not just paused
 * @param responseMillis the last response time, or -1 when unknown
 */
public record QueueUpdate(Instant nextAllowedAt, Outcome outcome, String reason, boolean parked,
    long responseMillis) {
  /** How a fetch counts towards a queue's run of failures. */
  public enum Outcome { SUCCESS, FAILURE, NEUTRAL }
}
