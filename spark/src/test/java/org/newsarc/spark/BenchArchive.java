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
import org.newsarc.archive.HttpExchange;
import org.newsarc.archive.WarcArchive;
import org.newsarc.archive.WarcOptions;

/**
 * Writes a benchmark archive: {@code COPIES} rounds of the demo site's pages, each copy with
 * its own URL and one extra paragraph (so every payload differs and none becomes a revisit),
 * in WARC files of about 5 MB. Usage: {@code BenchArchive DIR COPIES} from the repository root;
 * the files go to DIR/warcs, as {@code newsarc reindex --archive DIR} expects.
 */
public final class BenchArchive {
  private BenchArchive() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int copies = Integer.parseInt(args[1]);
    Path site = Path.of("seeds", "site");
    List<Path> pages;
    try (Stream<Path> files = Files.walk(site)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    int written = 0;
    try (WarcArchive archive = WarcArchive.open(dir.resolve("warcs"),
        WarcOptions.defaults().withMaxFileBytes(5_000_000), Clock.fixed(t, ZoneOffset.UTC))) {
      for (int copy = 0; copy < copies; copy++) {
        for (Path page : pages) {
          String html = Files.readString(page, StandardCharsets.ISO_8859_1).replace("</body>",
              "<p>Copy " + copy + " of this page, kept for the benchmark.</p></body>");
          byte[] body = html.getBytes(StandardCharsets.ISO_8859_1);
          String url = "http://demo.test/" + site.relativize(page).toString().replace('\\', '/')
              + "?copy=" + copy;
          byte[] header = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
              + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
          byte[] request = ("GET /" + site.relativize(page) + "?copy=" + copy
              + " HTTP/1.1\r\nHost: demo.test\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
          t = t.plusMillis(100);
          archive.write(new HttpExchange(url, t, "127.0.0.1", "http/1.1", request, header, body,
              null));
          written++;
        }
      }
    }
    System.out.printf("Wrote %d responses to %s%n", written, dir.resolve("warcs"));
  }
}
