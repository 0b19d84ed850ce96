package org.newsarc.crawler.frontier;

import java.util.Locale;

/** Where a frontier URL is in its life. */
public enum UrlState {
  /** Waiting for its next fetch time and its queue's turn. */
  QUEUED,
  /** Handed to a worker; back to QUEUED (or reconciled) when the daemon restarts. */
  LEASED,
  /** Fetched and not to be fetched again. */
  DONE,
  /** Given up after too many failed attempts. */
  FAILED,
  /** Out of reach: disallowed by robots.txt. */
  BLOCKED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
