package org.newsarc.crawler.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/** Removes the content codings newsarc asks for (gzip, deflate) from a stored body. */
final class ContentDecoding {
  /** A decoded body may not grow past this: guards against compression bombs. */
  private static final long MAX_DECODED_BYTES = 200L << 20;

  private ContentDecoding() {}

  static byte[] decode(String contentEncoding, byte[] body) throws IOException {
    return decode(contentEncoding, body, MAX_DECODED_BYTES + 1);
  }

  /**
   * Decodes {@code body}, stopping once {@code limit} bytes are out (the result then holds
   * exactly {@code limit} bytes). A bomb costs no more than the limit.
   */
  static byte[] decode(String contentEncoding, byte[] body, long limit) throws IOException {
    if (body.length > limit && (contentEncoding == null || contentEncoding.isBlank())) {
      return java.util.Arrays.copyOf(body, (int) limit);
    }
    if (contentEncoding == null || contentEncoding.isBlank()) {
      return body;
    }
    byte[] data = body;
    String[] codings = contentEncoding.toLowerCase(Locale.ROOT).split(",");
    for (int i = codings.length - 1; i >= 0; i--) {
      String coding = codings[i].strip();
      switch (coding) {
        case "gzip", "x-gzip" ->
            data = readAll(new GZIPInputStream(new ByteArrayInputStream(data)), limit);
        case "deflate" ->
            data = readAll(new InflaterInputStream(new ByteArrayInputStream(data)), limit);
        case "identity", "" -> { }
        default -> throw new IOException("unsupported Content-Encoding: " + coding);
      }
    }
    return data;
  }

  private static byte[] readAll(InputStream in, long limit) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16384];
      int n;
      try {
        while ((n = in.read(buf)) > 0) {
          if (limit <= MAX_DECODED_BYTES && out.size() + n >= limit) {
            out.write(buf, 0, (int) (limit - out.size()));
            break;
          }
          out.write(buf, 0, n);
          if (out.size() > MAX_DECODED_BYTES) {
            throw new IOException("decoded body larger than " + MAX_DECODED_BYTES + " bytes");
          }
        }
      } catch (java.io.EOFException e) {
        // A truncated gzip stream: keep what could be decoded.
      }
      return out.toByteArray();
    }
  }
}
