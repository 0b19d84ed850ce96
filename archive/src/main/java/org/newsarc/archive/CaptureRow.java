package org.newsarc.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * A capture as the catalog records it: what was asked for, what answered, and where in the
 * WARC files the record lies. Immutable.
 *
 * @param requestedUrl the URL the user or the frontier asked for
 * @param url the URL of this hop (differs from requestedUrl after redirects)
 * @param fetchedAt when the request was sent
 * @param status the HTTP status code
 * @param contentType the response Content-Type, or null
 * @param ipAddress the server's address, or null
 * @param redirectLocation the absolute Location of a redirect, or null
 * @param stored where the record was written
 */
public record CaptureRow(
    String requestedUrl,
    String url,
    Instant fetchedAt,
    int status,
    String contentType,
    String ipAddress,
    String redirectLocation,
    StoredCapture stored) {

  public CaptureRow {
    Objects.requireNonNull(requestedUrl, "requestedUrl");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Objects.requireNonNull(stored, "stored");
  }
}
