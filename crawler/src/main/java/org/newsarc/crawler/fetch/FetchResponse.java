package org.newsarc.crawler.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsarc.archive.HttpExchange;

/**
 * The answer to one HTTP request (one hop: redirects are not followed here), with the exact
 * exchange to archive. Immutable.
 *
 * @param url the URL requested
 * @param status the status code
 * @param headers response header fields in the order received, names as received
 * @param exchange the bytes to write to the WARC
 * @param elapsed time from sending the request to the end of the body
 * @param bodyFailure why the body was cut short by the network or the server (a reset, bad
 *     chunked coding, a timeout), or null
 */
public record FetchResponse(
    String url,
    int status,
    List<Map.Entry<String, String>> headers,
    HttpExchange exchange,
    Duration elapsed,
    FetchException bodyFailure) {

  public FetchResponse {
    headers = List.copyOf(headers);
  }

  /** A response whose body arrived whole, or was cut by a limit. */
  public FetchResponse(String url, int status, List<Map.Entry<String, String>> headers,
      HttpExchange exchange, Duration elapsed) {
    this(url, status, headers, exchange, elapsed, null);
  }

  /** The first value of header {@code name} (case-insensitive), or null. */
  public String header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  /** The media type without parameters, lower case, or "" when absent. */
  public String mediaType() {
    String ct = header("Content-Type");
    if (ct == null) {
      return "";
    }
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  public boolean isRedirect() {
    return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
        && header("Location") != null;
  }

  /**
   * Where a redirect points: its Location resolved against {@link #url()}, or null when this is
   * no redirect or the Location is not a usable http(s) URL.
   */
  public String redirectTarget() {
    if (!isRedirect()) {
      return null;
    }
    try {
      java.net.URI resolved = new java.net.URI(url).resolve(header("Location").strip());
      String scheme = resolved.getScheme();
      return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          ? resolved.toString() : null;
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  public boolean truncated() {
    return exchange.truncated() != null;
  }

  /** For a truncated body, the kind of failure that cut it: too-large, timeout, network... */
  public FailureKind truncationKind() {
    if (exchange.truncated() == org.newsarc.archive.HttpExchange.Truncation.LENGTH) {
      return FailureKind.TOO_LARGE;
    }
    return bodyFailure == null ? FailureKind.TIMEOUT : bodyFailure.kind();
  }

  /** What cut a truncated body short, in words. */
  public String truncationReason() {
    String how = exchange.truncated() == null ? "complete"
        : exchange.truncated().name().toLowerCase(Locale.ROOT);
    return bodyFailure == null ? how : how + ": " + bodyFailure.getMessage();
  }

  /**
   * Decoded bytes handed to parsers (extractor, link, feed and sitemap readers): 4 MiB, far more
   * than any article page, and a bound on what a compression bomb or a link farm can cost.
   */
  public static final long MAX_PARSE_BYTES = 4L << 20;

  /**
   * The body with its content coding (gzip) removed, for parsing, cut at
   * {@link #MAX_PARSE_BYTES}; the archive keeps the raw one.
   */
  public byte[] decodedBody() throws FetchException {
    return decodedBody(MAX_PARSE_BYTES);
  }

  /** True for a redirect status that names no Location: a broken answer, not a page. */
  public boolean isRedirectWithoutLocation() {
    return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
        && header("Location") == null;
  }

  /**
   * The body decoded, keeping at most {@code limit} bytes of it (the rest is dropped, not
   * decoded): how parsers take only what they can use from a body that may be a bomb.
   *
   * @throws FetchException of kind decoding when the content coding is unknown or corrupt
   */
  public byte[] decodedBody(long limit) throws FetchException {
    try {
      return ContentDecoding.decode(header("Content-Encoding"), exchange.responseBody(), limit);
    } catch (java.io.IOException e) {
      throw new FetchException(FailureKind.DECODING, url, "cannot decode body: " + e.getMessage(),
          e);
    }
  }
}
