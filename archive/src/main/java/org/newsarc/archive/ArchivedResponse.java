package org.newsarc.archive;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP response read back from a WARC file: a response record, or a revisit record resolved
 * to the payload it refers to. Immutable; the arrays are not copied.
 *
 * @param url the WARC-Target-URI
 * @param date the WARC-Date
 * @param status the HTTP status code
 * @param headers the HTTP header fields in stored order
 * @param payload the entity as stored (content coding kept), or empty for an unresolved revisit
 * @param decodedBody the entity with its content coding removed, for parsing
 * @param location where the record lies, as the catalog and CDXJ index point at it
 * @param ipAddress WARC-IP-Address, or null
 * @param truncated the WARC-Truncated reason, or null when whole
 * @param metadata the fields of the metadata record written for this capture, empty if none
 */
public record ArchivedResponse(
    String url,
    Instant date,
    int status,
    List<Map.Entry<String, String>> headers,
    byte[] payload,
    byte[] decodedBody,
    StoredCapture location,
    String ipAddress,
    String truncated,
    Map<String, List<String>> metadata) {

  public ArchivedResponse {
    Objects.requireNonNull(url, "url");
    headers = List.copyOf(headers);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** The first value of HTTP header {@code name} (case-insensitive), or null. */
  public String header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  /** Headers as a map keeping the first value of each name, as the extractor takes them. */
  public Map<String, String> firstHeaders() {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, String> h : headers) {
      map.putIfAbsent(h.getKey(), h.getValue());
    }
    return map;
  }

  /** The media type without parameters, lower case, or "" when absent. */
  public String mediaType() {
    String ct = header("Content-Type");
    if (ct == null) {
      return "";
    }
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** True for a revisit record (its payload came from the record it refers to, if found). */
  public boolean revisit() {
    return location.revisit();
  }
}
