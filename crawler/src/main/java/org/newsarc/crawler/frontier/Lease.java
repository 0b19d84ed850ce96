package org.newsarc.crawler.frontier;

import java.time.Instant;

/**
 * A URL handed to a worker, with what the frontier knows of it. Immutable.
 *
 * @param id the frontier row
 * @param etag the last ETag, for If-None-Match; null when none
 * @param lastModified the last Last-Modified, for If-Modified-Since; null when none
 * @param digest payload digest of the last 200 response, to tell changes apart; null
 * @param revisitSeconds the current revisit interval, 0 when not set yet
 * @param redirects redirect hops that led here from the URL first queued
 * @param origin the input this URL serves in a run-scoped frontier, or -1
 */
public record Lease(long id, String url, String queue, int depth, UrlKind kind, boolean seed,
    int attempts, String etag, String lastModified, String digest, long revisitSeconds,
    int redirects, Instant leasedAt, long origin) {}
