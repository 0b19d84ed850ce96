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
 */
public record FetchResponse(
    String url,
    int status,
    List<Map.Entry<String, String>> headers,
    HttpExchange exchange,
    Duration elapsed) {

  public FetchResponse {
    headers = List.copyOf(headers);
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

  /** The body with its content coding (gzip) removed, for parsing; the archive keeps the raw one. */
  public byte[] decodedBody() throws java.io.IOException {
    return ContentDecoding.decode(header("Content-Encoding"), exchange.responseBody());
  }
}
