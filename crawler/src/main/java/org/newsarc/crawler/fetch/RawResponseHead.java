package org.newsarc.crawler.fetch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import okhttp3.Headers;

/**
 * The response head of an HTTP/1.x exchange as the server sent it: the status line and header
 * block found in the bytes a {@link ResponseHeadRecorder} kept, byte for byte. Interim 1xx heads
 * before it (100 Continue, 103 Early Hints) are skipped, as the client skips them. The head is
 * only used when it says what the client parsed (the same status code and the same fields in the
 * same order), so a recording that does not belong to the exchange is never stored. Stateless.
 */
final class RawResponseHead {
  private RawResponseHead() {}

  /**
   * The final head in {@code recorded}, through its blank line, or null when there is none or it
   * does not match {@code status} and {@code parsed}.
   */
  static byte[] find(byte[] recorded, int status, Headers parsed) {
    if (recorded == null) {
      return null;
    }
    int start = 0;
    while (start < recorded.length) {
      int end = headEnd(recorded, start);
      if (end < 0) {
        return null;
      }
      List<String> lines = lines(recorded, start, end);
      int code = statusCode(lines.get(0));
      if (code == 100 || (code >= 102 && code < 200)) {
        start = end;
        continue;
      }
      return code == status && sameFields(lines, parsed)
          ? Arrays.copyOfRange(recorded, start, end) : null;
    }
    return null;
  }

  /**
   * The head to store over a body whose chunked framing the client removed: the
   * Transfer-Encoding field is renamed {@code X-Crawler-Transfer-Encoding}, a Content-Length the
   * chunked coding overrides is renamed {@code X-Crawler-Content-Length}, and, for a whole body,
   * a {@code Content-Length} of the stored body is added before the blank line. Every other byte
   * stays as received.
   */
  static byte[] forDechunkedBody(byte[] head, long bodyLength, boolean truncated) {
    int end = head.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + 64);
    int pos = 0;
    boolean first = true;
    String newline = "\r\n";
    while (pos < end) {
      int lineEnd = pos;
      while (lineEnd < end && head[lineEnd] != '\n') {
        lineEnd++;
      }
      int next = Math.min(end, lineEnd + 1);
      boolean blank = lineEnd == pos || (lineEnd == pos + 1 && head[pos] == '\r');
      if (blank) {
        newline = lineEnd == pos ? "\n" : "\r\n";
        if (!truncated) {
          out.writeBytes(("Content-Length: " + bodyLength + newline)
              .getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write(head, pos, end - pos);
        break;
      }
      int colon = -1;
      for (int i = pos; i < lineEnd && !first; i++) {
        if (head[i] == ':') {
          colon = i;
          break;
        }
      }
      String name = colon < 0 ? ""
          : new String(head, pos, colon - pos, StandardCharsets.ISO_8859_1).strip()
              .toLowerCase(Locale.ROOT);
      if (name.equals("transfer-encoding") || name.equals("content-length")) {
        out.writeBytes("X-Crawler-".getBytes(StandardCharsets.ISO_8859_1));
      }
      out.write(head, pos, next - pos);
      first = false;
      pos = next;
    }
    return out.toByteArray();
  }

  /**
   * {@code head} with every line ending in CRLF: a bare LF (which HTTP/1.1 clients accept) gets
   * the CR before it, since warcio.js and so ReplayWeb.page find the end of a stored head only
   * at CRLF CRLF. Every other byte stays; a head that already uses CRLF is returned as it is.
   */
  static byte[] withCrlf(byte[] head) {
    int bare = 0;
    for (int i = 0; i < head.length; i++) {
      if (head[i] == '\n' && (i == 0 || head[i - 1] != '\r')) {
        bare++;
      }
    }
    if (bare == 0) {
      return head;
    }
    byte[] out = new byte[head.length + bare];
    int o = 0;
    for (int i = 0; i < head.length; i++) {
      if (head[i] == '\n' && (i == 0 || head[i - 1] != '\r')) {
        out[o++] = '\r';
      }
      out[o++] = head[i];
    }
    return out;
  }

  /** The index just past the blank line that ends the head starting at {@code start}, or -1. */
  private static int headEnd(byte[] data, int start) {
    int lineStart = start;
    for (int i = start; i < data.length; i++) {
      if (data[i] == '\n') {
        boolean blank = i == lineStart || (i == lineStart + 1 && data[lineStart] == '\r');
        if (blank && lineStart > start) {
          return i + 1;
        }
        lineStart = i + 1;
      }
    }
    return -1;
  }

  /** The head's lines without their line ends, decoded as the client decodes them (UTF-8). */
  private static List<String> lines(byte[] data, int start, int end) {
    List<String> lines = new ArrayList<>();
    int lineStart = start;
    for (int i = start; i < end; i++) {
      if (data[i] == '\n') {
        int stop = i > lineStart && data[i - 1] == '\r' ? i - 1 : i;
        if (stop > lineStart || lines.isEmpty()) {
          lines.add(new String(data, lineStart, stop - lineStart, StandardCharsets.UTF_8));
        }
        lineStart = i + 1;
      }
    }
    return lines;
  }

  private static int statusCode(String statusLine) {
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
      return -1;
    }
    String code = statusLine.substring(9, 12);
    return code.chars().allMatch(c -> c >= '0' && c <= '9') ? Integer.parseInt(code) : -1;
  }

  /** Whether the field lines split as the client splits them give {@code parsed}. */
  private static boolean sameFields(List<String> lines, Headers parsed) {
    if (lines.size() - 1 != parsed.size()) {
      return false;
    }
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      int colon = line.indexOf(':', 1);
      String name;
      String value;
      if (colon >= 0) {
        name = line.substring(0, colon);
        value = line.substring(colon + 1);
      } else if (line.startsWith(":")) {
        name = "";
        value = line.substring(1);
      } else {
        name = "";
        value = line;
      }
      if (!name.equals(parsed.name(i - 1)) || !value.strip().equals(parsed.value(i - 1).strip())) {
        return false;
      }
    }
    return true;
  }
}
