package org.newsarc.archive;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the crawler knows about one capture beyond the HTTP bytes: how it was reached, how long it
 * took, what it links to and what the extractor thought of it. Written as a WARC metadata record
 * ({@code application/warc-fields}) beside the response. Immutable.
 *
 * @param requestedUrl the URL the user or the frontier asked for (the start of the redirect chain)
 * @param redirectChain the earlier hops that led here, oldest first; empty when fetched directly
 * @param fetchTime time from sending the request to the end of the body, or null
 * @param outlinks absolute links found in the page, in page order, never null
 * @param articleSignal the extractor's confidence that the page is one article (0 to 1), or null
 * @param extractorVersion the version of the extractor that gave the signal, or null
 */
public record CaptureMetadata(
    String requestedUrl,
    List<String> redirectChain,
    Duration fetchTime,
    List<String> outlinks,
    Double articleSignal,
    String extractorVersion) {

  /** Field names in the metadata record, so readers and writers agree. */
  public static final String REQUESTED_URL = "requestedURL";
  public static final String REDIRECTED_FROM = "redirectedFrom";
  public static final String FETCH_TIME_MS = "fetchTimeMs";
  public static final String OUTLINK = "outlink";
  public static final String ARTICLE_SIGNAL = "articleSignal";
  public static final String EXTRACTOR_VERSION = "extractorVersion";

  public CaptureMetadata {
    redirectChain = redirectChain == null ? List.of() : List.copyOf(redirectChain);
    outlinks = outlinks == null ? List.of() : List.copyOf(outlinks);
  }

  /** The record's fields in the order written; absent values are left out. */
  public Map<String, List<String>> fields() {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (requestedUrl != null) {
      fields.put(REQUESTED_URL, List.of(requestedUrl));
    }
    if (!redirectChain.isEmpty()) {
      fields.put(REDIRECTED_FROM, redirectChain);
    }
    if (fetchTime != null) {
      fields.put(FETCH_TIME_MS, List.of(Long.toString(fetchTime.toMillis())));
    }
    if (articleSignal != null) {
      fields.put(ARTICLE_SIGNAL, List.of(String.format(Locale.ROOT, "%.3f", articleSignal)));
    }
    if (extractorVersion != null) {
      fields.put(EXTRACTOR_VERSION, List.of(extractorVersion));
    }
    if (!outlinks.isEmpty()) {
      fields.put(OUTLINK, outlinks);
    }
    return fields;
  }
}
