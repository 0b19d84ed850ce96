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
    // A head with bare LF line ends (kept as received) ends at the first LF LF.
    int lf = indexOf(block, "\n\n".getBytes(StandardCharsets.ISO_8859_1));
    if (lf >= 0 && (end < 0 || lf < end)) {
      end = lf;
      bodyStart = lf + 2;
    } else if (end < 0) {
      end = block.length;
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
    if (chunked()) {
      try {
        return dechunk(payload);
      } catch (IOException e) {
        return payload; // the header lies: the body was stored without chunk framing
      }
    }
    return payload;
  }

  private boolean chunked() {
    String te = header("Transfer-Encoding");
    return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
  }

  /**
   * The entity with its content coding removed; the stored bytes if the coding is unknown. The
   * transfer and content codings are removed in one stream, with no de-chunked copy between.
   */
  public byte[] decoded() {
    String c = contentCoding();
    if (!compressed(c)) {
      return entity();
    }
    if (chunked()) {
      try {
        return inflate(c, new ChunkedInputStream(new ByteArrayInputStream(payload)));
      } catch (ChunkedInputStream.NotChunkedException e) {
        // The header lies: decode the body as stored.
      } catch (IOException e) {
        return entity(); // corrupt: give the bytes as stored
      }
    }
    try {
      return inflate(c, new ByteArrayInputStream(payload));
    } catch (IOException e) {
      return payload; // cut short or corrupt: give the bytes as stored
    }
  }

  /**
   * The decoded body of {@code entity}, which must be this block's {@link #entity()}: for a
   * caller that needs both, so that the framing is removed once.
   */
  public byte[] decoded(byte[] entity) {
    String c = contentCoding();
    if (!compressed(c)) {
      return entity;
    }
    try {
      return inflate(c, new ByteArrayInputStream(entity));
    } catch (IOException e) {
      return entity; // cut short or corrupt: give the bytes as stored
    }
  }

  private String contentCoding() {
    String coding = header("Content-Encoding");
    return coding == null ? "" : coding.strip().toLowerCase(Locale.ROOT);
  }

  private static boolean compressed(String coding) {
    return coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("deflate");
  }

  /** Inflates {@code entity}; a stream cut short yields what it decoded before the cut. */
  private static byte[] inflate(String coding, InputStream entity) throws IOException {
    java.io.BufferedInputStream in = new java.io.BufferedInputStream(entity, 8192);
    in.mark(2);
    int first = in.read();
    in.reset();
    if (first < 0) {
      return new byte[0];
    }
    InputStream decoder = coding.equals("deflate")
        ? new InflaterInputStream(in, new Inflater((first & 0x0f) != 8))
        : new GZIPInputStream(in);
    return readAll(decoder);
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
   * Removes chunked framing in one pass over the bytes (see {@link ChunkedInputStream}). Throws
   * when the bytes are not chunked.
   */
  static byte[] dechunk(byte[] data) throws IOException {
    // The entity is never longer than its framing: one buffer of that size, cut to fit.
    byte[] out = new byte[data.length];
    int n = 0;
    try (InputStream in = new ChunkedInputStream(new ByteArrayInputStream(data))) {
      for (int r; n < out.length && (r = in.read(out, n, out.length - n)) > 0; ) {
        n += r;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
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
