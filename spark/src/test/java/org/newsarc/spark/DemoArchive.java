package org.newsarc.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.newsarc.archive.CaptureRow;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.HttpExchange;
import org.newsarc.archive.StoredCapture;
import org.newsarc.archive.WarcArchive;
import org.newsarc.archive.WarcOptions;

/**
 * Writes the demo site's pages (seeds/site) into small rotated WARC files, as a crawl would:
 * every page, a second copy of each under another URL (stored as revisits, some in a later file
 * than their original), a redirect and a 404.
 */
final class DemoArchive {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private DemoArchive() {}

  /** The demo site's folder (seeds/site), seen from a module's folder. */
  static final Path SITE = Path.of("..", "seeds", "site");

  /** The demo site's pages, in name order. */
  static List<Path> sitePages() throws IOException {
    try (Stream<Path> files = Files.walk(SITE)) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  static Path write(Path dir, long maxFileBytes) throws IOException {
    Path site = SITE;
    List<Path> pages = sitePages();
    Path warcs = dir.resolve("warcs");
    Instant t = T0;
    try (Catalog scratch = Catalog.open(dir.resolve("scratch.db"));
        WarcArchive archive = WarcArchive.open(warcs,
            WarcOptions.defaults().withMaxFileBytes(maxFileBytes),
            Clock.fixed(T0, ZoneOffset.UTC), scratch)) {
      for (int copy = 0; copy < 2; copy++) {
        for (Path page : pages) {
          String url = "http://demo.test/" + site.relativize(page).toString().replace('\\', '/')
              + (copy == 0 ? "" : "?utm_source=feed");
          t = t.plusSeconds(1);
          write(archive, scratch, html(url, t, Files.readAllBytes(page)));
        }
      }
      write(archive, scratch, status("http://demo.test/old", t.plusSeconds(1), 301,
          "Location: /index.html\r\nContent-Length: 0\r\n"));
      write(archive, scratch, status("http://demo.test/missing", t.plusSeconds(2), 404,
          "Content-Length: 0\r\n"));
    }
    return warcs;
  }

  private static void write(WarcArchive archive, Catalog catalog, HttpExchange e)
      throws IOException {
    StoredCapture stored = archive.write(e);
    catalog.addCapture(new CaptureRow(e.targetUri(), e.targetUri(), e.date(), e.status(),
        "text/html", "127.0.0.1", null, stored));
  }

  private static HttpExchange html(String url, Instant date, byte[] body) {
    byte[] header = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    return new HttpExchange(url, date, "127.0.0.1", "http/1.1", request(url), header, body, null);
  }

  private static HttpExchange status(String url, Instant date, int status, String headers) {
    byte[] header = ("HTTP/1.1 " + status + " X\r\n" + headers + "\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    return new HttpExchange(url, date, "127.0.0.1", "http/1.1", request(url), header,
        new byte[0], null);
  }

  private static byte[] request(String url) {
    java.net.URI u = java.net.URI.create(url);
    String path = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    return ("GET " + path + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }
}
