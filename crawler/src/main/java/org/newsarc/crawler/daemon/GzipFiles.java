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

  /** The first bytes of a gzip file, and whether the file decodes to more than them. */
  record Opened(byte[] bytes, boolean cut) {}

  /**
   * Decompresses the first {@code max} bytes of {@code body}; what lies beyond them is not
   * decoded (a gzip bomb costs {@code max} bytes at most), only noted as cut.
   *
   * @throws IOException when {@code body} is no valid gzip stream up to that point
   */
  static Opened gunzip(byte[] body, int max) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      byte[] out = in.readNBytes(max);
      boolean cut = out.length == max && in.read() >= 0;
      return new Opened(out, cut);
    }
  }
}
