package org.newsarc.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The index a closing file gets from the lines made as its records were appended must be the
 * index that reading the file back gives, byte for byte, for every kind of capture.
 */
class CdxjOnAppendTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

  @Test
  void indexMadeWhileWritingIsTheIndexOfTheFileReadBack() throws IOException {
    Path dir = WarcChecks.keptFolder("cdxj-on-append");
    WarcArchiveTest.MapLookup lookup = new WarcArchiveTest.MapLookup();
    String page = "<html><head><title>Story</title></head><body><p>Hello.</p></body></html>";
    byte[] partial = "<html><body>cut he".getBytes(StandardCharsets.UTF_8);
    List<HttpExchange> exchanges = new ArrayList<>(List.of(
        Exchanges.status("http://127.0.0.1:8080/old", T0, 301,
            "Location: /story\r\nContent-Length: 0\r\n"),
        Exchanges.html("http://127.0.0.1:8080/story", T0, page),
        Exchanges.gzipHtml("http://127.0.0.1:8080/gz", T0, page + " gz"),
        Exchanges.html("http://127.0.0.1:8080/story?utm=x", T0.plusSeconds(5), page),
        Exchanges.status("http://127.0.0.1:8080/story", T0.plusSeconds(9), 304,
            "ETag: \"v1\"\r\n"),
        Exchanges.status("http://127.0.0.1:8080/gone", T0, 404,
            "Content-Type: text/plain\r\nContent-Length: 0\r\n"),
        new HttpExchange("http://127.0.0.1:8080/big", T0, "127.0.0.1", "http/1.1",
            Exchanges.request("/big", "127.0.0.1:8080"),
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1), partial, HttpExchange.Truncation.LENGTH),
        new HttpExchange("https://[::1]:8443/h2", T0, "::1", "h2",
            Exchanges.request("/h2", "[::1]:8443"),
            "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 14\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1),
            "<p>over h2</p>".getBytes(StandardCharsets.UTF_8), null),
        new HttpExchange("http://127.0.0.1:8080/caf%C3%A9?q=a%20b", T0.plusSeconds(1),
            "127.0.0.1", "http/1.1", Exchanges.request("/caf%C3%A9?q=a%20b", "127.0.0.1:8080"),
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1),
            "{}".getBytes(StandardCharsets.UTF_8), null)));
    for (int i = 0; i < 12; i++) {
      exchanges.add(Exchanges.html("http://127.0.0.1:8080/p" + (11 - i), T0.plusSeconds(i),
          "<p>" + "x".repeat(300 + i) + "</p>"));
    }
    CaptureMetadata meta = new CaptureMetadata(null, null, Duration.ofMillis(3),
        List.of("http://127.0.0.1:8080/a"), 0.5, "t");
    // Small files, so that several close on size and the last on close().
    WarcOptions options = WarcOptions.defaults().withMaxFileBytes(3000);
    try (WarcArchive archive = WarcArchive.open(dir, options, new MutableClock(T0), lookup)) {
      int i = 0;
      for (HttpExchange e : exchanges) {
        StoredCapture stored = archive.write(e, i % 3 == 0 ? meta : null);
        lookup.add(e.targetUri(), stored);
        if (i % 4 == 1) {
          archive.writeMetadata(stored, e.targetUri(), meta);
        }
        i++;
      }
    }
    List<Path> files = CdxjIndex.warcFiles(dir);
    assertTrue(files.size() >= 3, "several files: " + files);
    int lines = 0;
    for (Path warc : files) {
      StringWriter readBack = new StringWriter();
      CdxjIndex.write(List.of(warc), readBack);
      String made = Files.readString(CdxjIndex.indexFileFor(warc));
      assertEquals(readBack.toString(), made, warc.toString());
      lines += made.lines().count();
    }
    assertEquals(exchanges.size(), lines, "one line per capture");
  }

  @Test
  void aFileOfMoreRecordsThanTheLinesKeptIsIndexedByReadingItBack() throws IOException {
    Path dir = WarcChecks.keptFolder("cdxj-on-append-many");
    try (WarcArchive archive = WarcArchive.open(dir, WarcOptions.defaults(),
        new MutableClock(T0))) {
      archive.maxIndexLines(3);
      for (int i = 0; i < 10; i++) {
        archive.write(Exchanges.html("http://127.0.0.1:8080/n" + i, T0, "<p>" + i + "</p>"));
      }
    }
    Path warc = CdxjIndex.warcFiles(dir).get(0);
    StringWriter readBack = new StringWriter();
    CdxjIndex.write(List.of(warc), readBack);
    String made = Files.readString(CdxjIndex.indexFileFor(warc));
    assertEquals(readBack.toString(), made);
    assertEquals(10, made.lines().count());
  }

  @Test
  void aRequestOtherThanGetIsIndexedByReadingTheFileBack() throws IOException {
    Path dir = WarcChecks.keptFolder("cdxj-on-append-post");
    byte[] post = ("POST /search HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\nq=story")
        .getBytes(StandardCharsets.ISO_8859_1);
    HttpExchange search = new HttpExchange("http://127.0.0.1:8080/search", T0, "127.0.0.1",
        "http/1.1", post, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1),
        "<p>found</p>".getBytes(StandardCharsets.UTF_8), null);
    try (WarcArchive archive = WarcArchive.open(dir, WarcOptions.defaults(),
        new MutableClock(T0))) {
      archive.write(Exchanges.html("http://127.0.0.1:8080/a", T0, "<p>a</p>"));
      archive.write(search);
    }
    Path warc = CdxjIndex.warcFiles(dir).get(0);
    StringWriter readBack = new StringWriter();
    CdxjIndex.write(List.of(warc), readBack);
    String made = Files.readString(CdxjIndex.indexFileFor(warc));
    assertEquals(readBack.toString(), made);
    assertTrue(made.contains("\"method\": \"POST\""), made);
  }
}
