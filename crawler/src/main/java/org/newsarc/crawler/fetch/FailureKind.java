package org.newsarc.crawler.fetch;

/** Why a URL could not be archived or extracted; the names are what users and logs see. */
public enum FailureKind {
  /** The URL is not a valid absolute http(s) URL. */
  BAD_URL,
  /** The host name could not be resolved. */
  DNS,
  /** No TCP connection could be made. */
  CONNECT,
  /** Connecting, reading or the whole exchange took too long. */
  TIMEOUT,
  /** The TLS handshake failed. */
  TLS,
  /** The connection broke (reset, closed early) or another network error. */
  NETWORK,
  /** The address (after DNS, on any hop) is private, loopback or otherwise not public. */
  BLOCKED_ADDRESS,
  /** The server broke HTTP: garbage status line, bad chunked coding, bad or conflicting headers,
   * a redirect without Location. */
  PROTOCOL,
  /** The body's content coding could not be decoded (unsupported, corrupt, or a bomb). */
  DECODING,
  /** robots.txt disallows the URL, or could not be fetched (which disallows everything). */
  ROBOTS,
  /** The server answered with an error status. */
  HTTP_STATUS,
  /** The body was larger than the configured limit; what was read is archived, truncated. */
  TOO_LARGE,
  /** The response is not an HTML page, so there is no article to extract. */
  NOT_HTML,
  /** Too many redirects, or a redirect loop. */
  REDIRECTS,
  /** The page was archived but no article could be extracted from it. */
  EXTRACTION,
  /** Writing the WARC or the catalog failed. */
  STORAGE,
  /** newsarc itself failed on this URL (a bug or a page nobody foresaw); the run went on. */
  INTERNAL;

  /** Lower-case name used in output and in the catalog. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
