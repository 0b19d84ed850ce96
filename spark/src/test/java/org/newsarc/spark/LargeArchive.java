package org.newsarc.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.newsarc.archive.CdxjIndex;
import org.newsarc.archive.HttpExchange;
import org.newsarc.archive.WarcArchive;
import org.newsarc.archive.WarcOptions;

/**
 * Writes one WARC file of megabytes, with its CDXJ index beside it, that costs little to
 * extract: each of the demo site's pages (seeds/site) followed by a large download of random
 * bytes, which gzip cannot shrink and the extractor passes over. For the tests of ranges of a
 * file far larger than what a task reads of it.
 */
final class LargeArchive {
  private LargeArchive() {}

  /** The file written and the number of pages in it (each followed by its download). */
  record Written(Path file, int pages) {}

  /** Writes the file, with {@code downloadBytes} of random bytes after each page. */
  static Written write(Path dir, int downloadBytes) throws IOException {
    Path site = DemoArchive.SITE;
    List<Path> pages = DemoArchive.sitePages();
    Path warcs = dir.resolve("large-warcs");
    Instant t = DemoArchive.T0;
    Random random = new Random(13);
    try (WarcArchive archive = WarcArchive.open(warcs, WarcOptions.defaults(),
        Clock.fixed(t, ZoneOffset.UTC))) {
      for (Path page : pages) {
        String url = "http://demo.test/" + site.relativize(page).toString().replace('\\', '/');
        t = t.plusSeconds(1);
        archive.write(exchange(url, t, "text/html; charset=utf-8", Files.readAllBytes(page)));
        byte[] download = new byte[downloadBytes];
        random.nextBytes(download);
        t = t.plusSeconds(1);
        archive.write(exchange(url.replace(".html", ".bin"), t, "application/octet-stream",
            download));
      }
    }
    List<Path> files = CdxjIndex.warcFiles(warcs);
    if (files.size() != 1 || !Files.exists(CdxjIndex.indexFileFor(files.get(0)))) {
      throw new IOException("expected one indexed WARC file in " + warcs + ": " + files);
    }
    return new Written(files.get(0), pages.size());
  }

  private static HttpExchange exchange(String url, Instant date, String type, byte[] body) {
    byte[] header = ("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: "
        + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    String path = java.net.URI.create(url).getRawPath();
    byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: demo.test\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    return new HttpExchange(url, date, "127.0.0.1", "http/1.1", request, header, body, null);
  }
}
