package org.newsarc.archive.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Fixes the header block of a response whose body was cut short. A stored Content-Length that
 * promises more bytes than the record holds makes readers fail or read into the next record, so
 * it is renamed to {@code X-Crawler-Content-Length} (keeping the server's value) and a
 * Content-Length of the stored body is added; WARC-Truncated says why. Stateless.
 */
public final class TruncatedHeader {
  private TruncatedHeader() {}

  /** The header to store for a truncated body of {@code bodyLength} bytes. */
  public static byte[] adjust(byte[] header, long bodyLength) {
    String text = new String(header, StandardCharsets.ISO_8859_1);
    // A head stored as received may end its lines with a bare LF.
    String nl = "\r\n";
    int end = text.indexOf("\r\n\r\n");
    int lf = text.indexOf("\n\n");
    if (lf >= 0 && (end < 0 || lf < end)) {
      nl = "\n";
      end = lf;
    }
    if (end < 0) {
      return header;
    }
    String[] lines = text.substring(0, end).split(nl, -1);
    StringBuilder out = new StringBuilder(text.length() + 40);
    boolean changed = false;
    boolean matching = false;
    for (String line : lines) {
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (name.equals("content-length")
          && !line.substring(colon + 1).strip().equals(Long.toString(bodyLength))) {
        out.append("X-Crawler-Content-Length:").append(line.substring(colon + 1));
        changed = true;
      } else {
        matching |= name.equals("content-length");
        out.append(line);
      }
      out.append(nl);
    }
    // A cut chunked body has no Content-Length at all: it gets one too.
    if (matching && !changed) {
      return header;
    }
    if (!matching) {
      out.append("Content-Length: ").append(bodyLength).append(nl);
    }
    out.append(text, end + nl.length(), text.length());
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
