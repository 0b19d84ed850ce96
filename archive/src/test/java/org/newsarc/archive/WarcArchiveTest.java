package org.newsarc.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsarc.archive.CaptureLookup.PriorCapture;

class WarcArchiveTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

  /** Remembers what was written, as the catalog does. */
  static final class MapLookup implements CaptureLookup {
    final Map<String, PriorCapture> byDigest = new HashMap<>();
    final Map<String, PriorCapture> byUrl = new HashMap<>();

    void add(String url, StoredCapture stored) {
      PriorCapture prior = new PriorCapture(url, stored.date(), stored.recordId());
      if (!stored.revisit()) {
        byDigest.putIfAbsent(stored.payloadDigest(), prior);
        byUrl.put(url, prior);
      }
    }

    @Override
    public Optional<PriorCapture> firstWithPayload(String digest) {
      return Optional.ofNullable(byDigest.get(digest));
    }

    @Override
    public Optional<PriorCapture> latestFullCapture(String url) {
      return Optional.ofNullable(byUrl.get(url));
    }
  }

  @Test
  void writesEveryKindOfRecordInAFileBothValidatorsAccept() throws IOException {
    Path dir = WarcChecks.keptFolder("archive-kinds");
    MapLookup lookup = new MapLookup();
    MutableClock clock = new MutableClock(T0);
    String page = "<html><head><title>Story</title></head><body><p>Hello.</p></body></html>";
    HttpExchange plain = Exchanges.html("http://127.0.0.1:8080/story", T0, page);
    HttpExchange gzip = Exchanges.gzipHtml("http://127.0.0.1:8080/gz", T0, page + " gz");
    HttpExchange sameAgain = Exchanges.html("http://127.0.0.1:8080/story?utm=x", T0.plusSeconds(5),
        page);
    HttpExchange notModified = Exchanges.status("http://127.0.0.1:8080/story", T0.plusSeconds(9),
        304, "ETag: \"v1\"\r\n");
    HttpExchange redirect = Exchanges.status("http://127.0.0.1:8080/old", T0, 301,
        "Location: /story\r\nContent-Length: 0\r\n");
    byte[] partial = "<html><body>cut he".getBytes(StandardCharsets.UTF_8);
    HttpExchange truncated = new HttpExchange("http://127.0.0.1:8080/big", T0, "127.0.0.1",
        "http/1.1", Exchanges.request("/big", "127.0.0.1:8080"),
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1), partial, HttpExchange.Truncation.LENGTH);
    HttpExchange h2 = new HttpExchange("https://[::1]:8443/h2", T0, "::1", "h2",
        Exchanges.request("/h2", "[::1]:8443"),
        "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 14\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1),
        "<p>over h2</p>".getBytes(StandardCharsets.UTF_8), null);
    CaptureMetadata meta = new CaptureMetadata("http://127.0.0.1:8080/old",
        List.of("http://127.0.0.1:8080/old"), Duration.ofMillis(42),
        List.of("http://127.0.0.1:8080/a", "http://127.0.0.1:8080/b"), 0.875, "0.1.0");

    StoredCapture s1;
    StoredCapture revisit;
    StoredCapture s304;
    try (WarcArchive archive = WarcArchive.open(dir, WarcOptions.defaults()
        .withOperator("mailto:ops@example.org"), clock, lookup)) {
      lookup.add(redirect.targetUri(), archive.write(redirect, null));
      s1 = archive.write(plain, meta);
      lookup.add(plain.targetUri(), s1);
      lookup.add(gzip.targetUri(), archive.write(gzip));
      revisit = archive.write(sameAgain);
      s304 = archive.write(notModified);
      archive.write(truncated);
      archive.write(h2);
    }
    for (HttpExchange e : List.of(plain, gzip, truncated, h2)) {
      WarcChecks.expectPayload(dir, e.targetUri(), "response", e.responseBody());
    }

    List<Path> files = CdxjIndex.warcFiles(dir);
    assertEquals(1, files.size());
    Path warc = files.get(0);
    assertFalse(Files.exists(dir.resolve(warc.getFileName() + ".open")));
    WarcChecks.assertValid(warc);

    List<WarcChecks.Record> records = WarcChecks.records(warc);
    assertEquals("warcinfo", records.get(0).type());
    String info = new String(records.get(0).block(), StandardCharsets.UTF_8);
    assertTrue(info.contains("format: WARC File Format 1.1"), info);
    assertTrue(info.contains("operator: mailto:ops@example.org"), info);
    assertTrue(info.contains("robots: obey"), info);
    assertEquals("WARC/1.1", records.get(0).record().version().toString());

    // response, request, metadata of the plain page
    WarcChecks.Record response = find(records, "response", plain.targetUri());
    WarcChecks.Record request = find(records, "request", plain.targetUri());
    WarcChecks.Record metadata = find(records, "metadata", plain.targetUri());
    assertEquals(request.header("WARC-Record-ID"), response.header("WARC-Concurrent-To"));
    assertEquals(response.header("WARC-Record-ID"), metadata.header("WARC-Concurrent-To"));
    assertEquals("127.0.0.1", response.header("WARC-IP-Address"));
    assertTrue(response.header("WARC-Payload-Digest").startsWith("sha1:"));
    assertEquals(s1.recordId(), response.header("WARC-Record-ID"));
    String fields = new String(metadata.block(), StandardCharsets.UTF_8);
    assertTrue(fields.contains("outlink: http://127.0.0.1:8080/a\r\n"), fields);
    assertTrue(fields.contains("fetchTimeMs: 42\r\n"), fields);
    assertTrue(fields.contains("articleSignal: 0.875\r\n"), fields);
    assertTrue(fields.contains("redirectedFrom: http://127.0.0.1:8080/old\r\n"), fields);

    // identical payload under another URL: a revisit pointing at the first capture
    assertTrue(revisit.revisit());
    WarcChecks.Record dedup = find(records, "revisit", sameAgain.targetUri());
    assertEquals("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
        dedup.header("WARC-Profile"));
    assertEquals(plain.targetUri(), dedup.header("WARC-Refers-To-Target-URI"));
    assertEquals(response.header("WARC-Date"), dedup.header("WARC-Refers-To-Date"));
    assertEquals(response.header("WARC-Record-ID"), dedup.header("WARC-Refers-To"));
    assertEquals(response.header("WARC-Payload-Digest"), dedup.header("WARC-Payload-Digest"));
    assertArrayEquals(sameAgain.responseHeader(), dedup.block());

    // 304: server-not-modified, no payload digest over the empty body
    assertTrue(s304.revisit());
    assertNull(s304.payloadDigest());
    List<WarcChecks.Record> revisits = records.stream()
        .filter(r -> r.type().equals("revisit") && plain.targetUri().equals(
            r.header("WARC-Target-URI"))).toList();
    assertEquals(1, revisits.size());
    WarcChecks.Record nm = revisits.get(0);
    assertEquals("http://netpreserve.org/warc/1.1/revisit/server-not-modified",
        nm.header("WARC-Profile"));
    assertNull(nm.header("WARC-Payload-Digest"));
    assertEquals(plain.targetUri(), nm.header("WARC-Refers-To-Target-URI"));

    WarcChecks.Record cut = find(records, "response", truncated.targetUri());
    assertEquals("length", cut.header("WARC-Truncated"));
    String cutBlock = new String(cut.block(), StandardCharsets.ISO_8859_1);
    assertTrue(cutBlock.endsWith("\r\n\r\n<html><body>cut he"), cutBlock);
    assertTrue(cutBlock.contains("X-Crawler-Content-Length: 100000\r\n"), cutBlock);
    assertTrue(cutBlock.contains("Content-Length: " + partial.length + "\r\n"), cutBlock);

    WarcChecks.Record viaH2 = find(records, "response", h2.targetUri());
    assertEquals("h2", viaH2.header("WARC-Protocol"));
    assertTrue(new String(viaH2.block(), StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"));
    assertEquals("h2", find(records, "request", h2.targetUri()).header("WARC-Protocol"));
    assertEquals("::1", viaH2.header("WARC-IP-Address").replace("0:0:0:0:0:0:0:1", "::1"));

    Path cdxj = CdxjIndex.indexFileFor(warc);
    assertTrue(Files.exists(cdxj));
    List<String> lines = Files.readAllLines(cdxj);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("1,0,0,127:8080)/story 20260301100000 ")
        && l.contains("\"offset\": \"" + s1.offset() + "\"")
        && l.contains("\"length\": \"" + s1.length() + "\"")), String.join("\n", lines));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"sha256", "sha512"})
  void writesWarc10AndOtherDigestsWhenAsked(String algorithm) throws IOException {
    Path dir = WarcChecks.keptFolder("archive-warc10-" + algorithm);
    WarcOptions options = WarcOptions.defaults().newBuilder().version("1.0")
        .digestAlgorithm(algorithm).build();
    HttpExchange plain = Exchanges.html("http://localhost:9/a", T0, "<p>a</p>");
    try (WarcArchive archive = WarcArchive.open(dir, options, new MutableClock(T0))) {
      archive.write(plain, new CaptureMetadata(null, null, Duration.ofMillis(3), null, null, null));
    }
    WarcChecks.expectPayload(dir, plain.targetUri(), "response", plain.responseBody());
    Path warc = CdxjIndex.warcFiles(dir).get(0);
    WarcChecks.assertValid(warc);
    List<WarcChecks.Record> records = WarcChecks.records(warc);
    for (WarcChecks.Record r : records) {
      assertEquals("WARC/1.0", r.record().version().toString());
      assertEquals("2026-03-01T10:00:00Z", r.header("WARC-Date"));
    }
    assertTrue(find(records, "response", plain.targetUri()).header("WARC-Block-Digest")
        .matches(algorithm + ":[0-9a-f]+"), "hex, no base32 padding");
    for (WarcChecks.Record r : records) {
      if (!r.type().equals("warcinfo")) {
        assertTrue(r.header("WARC-Block-Digest") != null, r.type() + " has a block digest");
      }
    }
  }

  @Test
  void rotatesBySizeAndByAgeAndKeepsSerialsUniqueAcrossRestarts() throws IOException {
    Path dir = WarcChecks.keptFolder("archive-rotation");
    MutableClock clock = new MutableClock(T0);
    WarcOptions options = WarcOptions.defaults().newBuilder().maxFileBytes(600)
        .maxFileAge(Duration.ofMinutes(5)).prefix("rot").build();
    try (WarcArchive archive = WarcArchive.open(dir, options, clock)) {
      for (int i = 0; i < 3; i++) {
        archive.write(Exchanges.html("http://localhost:9/" + i, T0, "<p>" + "x".repeat(400)));
      }
    }
    assertEquals(3, CdxjIndex.warcFiles(dir).size(), "one file per capture past 600 bytes");

    options = options.withMaxFileBytes(WarcOptions.DEFAULT_MAX_FILE_BYTES);
    // Same clock second after a restart: the serial alone must keep names apart.
    try (WarcArchive archive = WarcArchive.open(dir, options, clock)) {
      archive.write(Exchanges.html("http://localhost:9/a", T0, "<p>a"));
      clock.advance(Duration.ofMinutes(4));
      archive.write(Exchanges.html("http://localhost:9/b", T0, "<p>b"));
      clock.advance(Duration.ofMinutes(1));
      archive.write(Exchanges.html("http://localhost:9/c", T0, "<p>c"));
    }
    List<Path> files = CdxjIndex.warcFiles(dir);
    assertEquals(5, files.size());
    List<String> serials = files.stream()
        .map(p -> p.getFileName().toString().split("-")[2]).distinct().toList();
    assertEquals(5, serials.size(), files.toString());
    for (Path f : files) {
      assertTrue(f.getFileName().toString().matches("rot-\\d{14}-\\d{5}-.+\\.warc\\.gz"), f.toString());
      WarcChecks.assertValid(f);
      assertEquals("warcinfo", WarcChecks.records(f).get(0).type());
      assertTrue(Files.exists(CdxjIndex.indexFileFor(f)));
    }
    assertNotEquals(files.get(3), files.get(4));
  }

  @Test
  void writesAMetadataRecordAfterItsCapture() throws IOException {
    Path dir = WarcChecks.keptFolder("archive-late-metadata");
    HttpExchange page = Exchanges.html("http://localhost:9/late", T0, "<p>late</p>");
    try (WarcArchive archive = WarcArchive.open(dir, WarcOptions.defaults(),
        new MutableClock(T0))) {
      StoredCapture stored = archive.write(page);
      archive.write(Exchanges.html("http://localhost:9/other", T0, "<p>other</p>"));
      archive.writeMetadata(stored, page.targetUri(), new CaptureMetadata(null, null, null,
          List.of("http://localhost:9/next"), 0.25, "t"));
    }
    Path warc = CdxjIndex.warcFiles(dir).get(0);
    WarcChecks.assertValid(warc);
    List<WarcChecks.Record> records = WarcChecks.records(warc);
    WarcChecks.Record metadata = find(records, "metadata", page.targetUri());
    assertEquals(find(records, "response", page.targetUri()).header("WARC-Record-ID"),
        metadata.header("WARC-Concurrent-To"));
    assertEquals("metadata", records.get(records.size() - 1).type());
  }

  static WarcChecks.Record find(List<WarcChecks.Record> records, String type, String url) {
    return records.stream()
        .filter(r -> r.type().equals(type) && url.equals(r.header("WARC-Target-URI")))
        .findFirst().orElseThrow(() -> new AssertionError("no " + type + " for " + url));
  }
}
