package org.newsarc.crawler.frontier;

import java.time.Instant;

/**
 * What became of a leased URL, to be written in the same transaction as its catalog rows.
 * Immutable; build with the static factories.
 *
 * @param state the URL's new state
 * @param nextFetchAt when it is due again (for QUEUED)
 * @param kind what the fetch showed it to be
 * @param status the HTTP status, 0 when none
 * @param etag the ETag to send next time, or null to keep the old one
 * @param lastModified the Last-Modified to send next time, or null to keep the old one
 * @param digest the payload digest of a 200 answer, or null to keep the old one
 * @param revisitSeconds the revisit interval from now on
 * @param countAttempt whether this was a failed attempt (attempts + 1) or not (attempts reset)
 * @param error why it failed, or null
 */
public record Completion(UrlState state, Instant nextFetchAt, UrlKind kind, int status,
    String etag, String lastModified, String digest, long revisitSeconds, boolean countAttempt,
    String error) {}
