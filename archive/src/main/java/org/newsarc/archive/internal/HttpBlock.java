package org.newsarc.archive.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * An HTTP response block as stored in a WARC record, split into status, header fields and
 * payload, with helpers to remove a transfer coding left in by other tools and the content
 * coding. Reading only: it never writes headers. Immutable.
 *
 * @param status the status code, or -1 when the status line cannot be read
 * @param headers header fields in stored order
 * @param payload the bytes after the header block
 */
public record HttpBlock(int status, List<Map.Entry<String, String>> headers, byte[] payload) {

  /** Splits {@code block}; a block without a blank line is all headers. */
  public static HttpBlock parse(byte[] block) {
    int end = indexOf(block, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    int bodyStart = end < 0 ? block.length : end + 4;
    if (end < 0) {
      int lf = indexOf(block, "\n\n".getBytes(StandardCharsets.ISO_8859_1));
      if (lf >= 0) {
        end = lf;
        bodyStart = lf + 2;
      } else {
        end = block.length;
      }
    }
    String[] lines = new String(block, 0, end, StandardCharsets.ISO_8859_1).split("\r?\n");
    int status = -1;
    String[] statusLine = lines.length == 0 ? new String[0] : lines[0].split(" ", 3);
    if (statusLine.length >= 2 && statusLine[1].matches("\\d{3}")) {
      status = Integer.parseInt(statusLine[1]);
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(Map.entry(lines[i].substring(0, colon).strip(),
            lines[i].substring(colon + 1).strip()));
      }
    }
    return new HttpBlock(status, List.copyOf(headers),
        Arrays.copyOfRange(block, bodyStart, block.length));
  }

  /** The first value of {@code name} (case-insensitive), or null. */
  public String header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  /** The entity: the payload, de-chunked if a Transfer-Encoding: chunked was stored with it. */
  public byte[] entity() {
    String te = header("Transfer-Encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      try {
        return dechunk(payload);
      } catch (IOException e) {
        return payload; // the header lies: the body was stored without chunk framing
      }
    }
    return payload;
  }

  /** The entity with its content coding removed; the stored bytes if the coding is unknown. */
  public byte[] decoded() {
    byte[] entity = entity();
    String coding = header("Content-Encoding");
    if (coding == null || entity.length == 0) {
      return entity;
    }
    try {
      switch (coding.strip().toLowerCase(Locale.ROOT)) {
        case "gzip", "x-gzip":
          return readAll(new GZIPInputStream(new ByteArrayInputStream(entity)));
        case "deflate":
          boolean zlib = (entity[0] & 0x0f) == 8;
          return readAll(new InflaterInputStream(new ByteArrayInputStream(entity),
              new Inflater(!zlib)));
        default:
          return entity;
      }
    } catch (IOException e) {
      return entity; // cut short or corrupt: give the bytes as stored
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try (in) {
      // A truncated gzip stream still yields what it decoded before the cut.
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
      }
    } catch (java.io.EOFException e) {
      return out.toByteArray();
    }
    return out.toByteArray();
  }

  /**
   * Removes chunked framing in one pass over the bytes. Chunk extensions and trailers are
   * dropped; a body cut inside a chunk yields what arrived. Throws when the bytes are not chunked.
   */
  static byte[] dechunk(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
    int pos = 0;
    while (pos < data.length) {
      int lineEnd = pos;
      while (lineEnd < data.length && data[lineEnd] != '\n') {
        lineEnd++;
      }
      if (lineEnd >= data.length && out.size() == 0) {
        throw new IOException("no chunk-size line");
      }
      int sizeEnd = pos;
      long size = 0;
      int digits = 0;
      while (sizeEnd < lineEnd && Character.digit(data[sizeEnd], 16) >= 0) {
        size = size * 16 + Character.digit(data[sizeEnd], 16);
        sizeEnd++;
        if (++digits > 15) {
          throw new IOException("chunk size too long at byte " + pos);
        }
      }
      if (digits == 0) {
        throw new IOException("bad chunk-size line at byte " + pos);
      }
      for (int i = sizeEnd; i < lineEnd; i++) {
        byte b = data[i];
        if (b != ';' && b != ' ' && b != '\t' && b != '\r' && i == sizeEnd) {
          throw new IOException("bad chunk-size line at byte " + pos);
        }
      }
      pos = Math.min(data.length, lineEnd + 1);
      if (size == 0) {
        break;
      }
      int take = (int) Math.min(size, data.length - pos);
      out.write(data, pos, take);
      pos += take;
      // The CRLF after the chunk data.
      if (pos < data.length && data[pos] == '\r') {
        pos++;
      }
      if (pos < data.length && data[pos] == '\n') {
        pos++;
      }
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
