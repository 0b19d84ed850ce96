package org.newsarc.crawler.frontier;

/** What the frontier did with a {@link Candidate}. */
public enum AddResult {
  /** Queued for fetching. */
  ADDED,
  /** Already known; nothing changed. */
  KNOWN,
  /** Refused: its queue reached the most pages per queue. */
  QUEUE_FULL,
  /** Refused: its path already has the most query variants (a trap guard). */
  TOO_MANY_VARIANTS
}
