package org.newsarc.crawler.frontier;

import java.time.Instant;
import java.util.Objects;

/**
 * A URL offered to the frontier. Immutable.
 *
 * @param url the normalised URL
 * @param queue its politeness queue
 * @param depth hops from a seed
 * @param foundOn the URL it was found on, or null for seeds
 * @param kind what it is believed to be (FEED or SITEMAP when discovered as one)
 * @param priority higher is fetched first within a queue (seeds 9, feeds and sitemaps 8,
 *     dated news entries 6, links 3)
 * @param seed whether it is a seed (seeds are always revisited)
 * @param dueAt earliest fetch time
 * @param redirects redirect hops that led to it (0 unless it is a redirect target)
 * @param origin in a run-scoped frontier, the input it serves (its index), carried along
 *     redirects so that an outcome maps back to the URL asked for; -1 when none
 */
public record Candidate(String url, String queue, int depth, String foundOn, UrlKind kind,
    int priority, boolean seed, Instant dueAt, int redirects, long origin) {
  /** A candidate that serves no particular input, as in a crawl. */
  public Candidate(String url, String queue, int depth, String foundOn, UrlKind kind,
      int priority, boolean seed, Instant dueAt, int redirects) {
    this(url, queue, depth, foundOn, kind, priority, seed, dueAt, redirects, -1);
  }

  public Candidate {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dueAt, "dueAt");
  }
}
