package org.newsarc.crawler.daemon;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/** Bodies that are gzip files themselves (sitemap.xml.gz), not gzip-coded responses. */
final class GzipFiles {
  private GzipFiles() {}

  static boolean isGzip(byte[] body) {
    return body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
  }

  /** Decompresses {@code body}, refusing output larger than {@code max} bytes (gzip bombs). */
  static byte[] gunzip(byte[] body, int max) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      byte[] out = in.readNBytes(max + 1);
      if (out.length > max) {
        throw new IOException("more than " + max + " bytes uncompressed");
      }
      return out;
    }
  }
}
