package org.newsarc.crawler.daemon;

import org.newsarc.crawler.fetch.FailureKind;
import org.newsarc.crawler.fetch.FetchResponse;
import org.newsarc.crawler.frontier.Lease;

/**
 * Follows a bounded run of the engine URL by URL ({@code archive}): tells the workers which
 * leased URLs still serve an unfinished input, names the chain a capture belongs to, and hears
 * what became of each URL. A crawl runs without one. Implementations must be thread-safe: the
 * workers call them at once.
 */
interface RunObserver {
  /** Whether {@code lease} still serves an input that has no outcome yet. */
  boolean wanted(Lease lease);

  /** The URL first asked for and the URLs that led to {@code lease}. */
  CaptureRecorder.Chain chain(Lease lease);

  /** A capture of {@code lease} was committed. */
  void recorded(Lease lease, FetchResponse response, CaptureRecorder.Recorded recorded);

  /** {@code lease} ended without a capture; its failure row is committed. */
  void failed(Lease lease, FailureKind kind, String reason);
}
