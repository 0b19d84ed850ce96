package org.newsarc.crawler.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import okhttp3.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsarc.crawler.capture.ArchiveSession;
import org.newsarc.crawler.capture.PageOutcome;
import org.newsarc.crawler.politeness.Sleeper;
import org.newsarc.testing.WarcFiles;

/**
 * Archives pages from a loopback server (plain, gzip, chunked, truncated, redirected, repeated,
 * not modified, HTTP/2) and checks the WARC records against what the server sent. The files
 * stay in target/test-warcs/loopback/warcs/ with the expected payloads, for the warcio check.
 */
class LoopbackWarcTest {
  private static final int MAX_BYTES = 5000;
  private static final String PAGE = "<!doctype html><html lang=en><head><meta charset=utf-8>"
      + "<title>%s</title></head><body><article><h1>%s</h1><p>%s</p>"
      + "<p><a href=\"/next.html\">next</a> <a href=\"https://elsewhere.test/x#top\">x</a></p>"
      + "</article></body></html>";

  WireMockServer server;
  String base;
  Path out;
  Path warcs;

  static String page(String title) {
    String text = ("Reporters followed the " + title + " story through the night. ").repeat(6);
    return String.format(PAGE, title, title, text);
  }

  static byte[] gzip(String s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @BeforeEach
  void start() throws IOException {
    out = Path.of("target", "test-warcs", "loopback");
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.walk(out)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    warcs = out.resolve(ArchiveSession.WARC_DIR);
    // The plain connector also speaks HTTP/2 with prior knowledge (h2c). WireMock's own gzip
    // is off so that the bytes sent are known here; /gzip.html sends gzip itself.
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
        .http2PlainDisabled(false).gzipDisabled(true)
        .dynamicHttpsPort().http2TlsDisabled(false));
    server.start();
    base = "http://127.0.0.1:" + server.port();
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nAllow: /\n")));
    html("/plain.html", page("Plain"));
    html("/same.html", page("Plain"));
    html("/target.html", page("Target"));
    html("/h2.html", page("Over h2"));
    html("/h2-tls.html", page("Over h2 and TLS"));
    server.stubFor(get("/gzip.html").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=utf-8")
        .withHeader("Content-Encoding", "gzip").withBody(gzip(page("Gzip")))));
    server.stubFor(get("/chunked.html").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody(page("Chunked")).withChunkedDribbleDelay(5, 50)));
    server.stubFor(get("/big.html").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody(page("Big").repeat(20))));
    server.stubFor(get("/old").willReturn(aResponse().withStatus(301)
        .withHeader("Location", "/target.html")));
    server.stubFor(get("/etag.html").atPriority(5).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withHeader("ETag", "\"e1\"")
        .withBody(page("Etag"))));
    server.stubFor(get("/etag.html").atPriority(1)
        .withHeader("If-None-Match", equalTo("\"e1\""))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"e1\"")));
  }

  private void html(String path, String body) {
    server.stubFor(get(path).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(body)));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void recordsMatchWhatTheServerSent() throws Exception {
    FetchOptions options = FetchOptions.defaults(FetchOptions.userAgent("test", null))
        .withMaxBodyBytes(MAX_BYTES).withAllowedAddresses(List.of("127.0.0.1/32"));
    Clock clock = Clock.systemUTC();
    try (ArchiveSession session = ArchiveSession.open(out, options, Duration.ZERO, "test", clock,
            Sleeper.SYSTEM);
        Fetcher plainFetcher = new Fetcher(options, clock);
        Fetcher h2Fetcher = new Fetcher(options, clock,
            b -> b.protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)))) {
      for (String path : List.of("/plain.html", "/gzip.html", "/chunked.html", "/big.html",
          "/old", "/same.html", "/etag.html")) {
        PageOutcome outcome = session.archive(base + path);
        assertFalse(outcome.hops().isEmpty(), path + ": " + outcome.reason());
      }
      FetchResponse notModified = plainFetcher.fetch(base + "/etag.html",
          Map.of("If-None-Match", "\"e1\""));
      assertEquals(304, notModified.status());
      session.store(base + "/etag.html", notModified);
      FetchResponse h2 = h2Fetcher.fetch(base + "/h2.html", Map.of());
      assertEquals("h2_prior_knowledge", h2.exchange().protocol());
      session.store(base + "/h2.html", h2);

      // HTTP/2 negotiated by ALPN over TLS, with WireMock's self-signed certificate trusted.
      String tlsBase = "https://localhost:" + server.httpsPort();
      try (Fetcher tlsFetcher = new Fetcher(options, clock, TrustAll::configure)) {
        FetchResponse overTls = tlsFetcher.fetch(tlsBase + "/h2-tls.html", Map.of());
        assertEquals("h2", overTls.exchange().protocol());
        session.store(tlsBase + "/h2-tls.html", overTls);
      }
    }

    expect(base + "/robots.txt", "response", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8));
    expect(base + "/plain.html", "response", utf8(page("Plain")));
    expect(base + "/gzip.html", "response", gzip(page("Gzip")));
    expect(base + "/chunked.html", "response", utf8(page("Chunked")));
    expect(base + "/big.html", "response", Arrays.copyOf(utf8(page("Big").repeat(20)), MAX_BYTES));
    expect(base + "/old", "response", new byte[0]);
    expect(base + "/target.html", "response", utf8(page("Target")));
    expect(base + "/same.html", "revisit", new byte[0]);
    expect(base + "/etag.html", "response", utf8(page("Etag")));
    expect(base + "/etag.html", "revisit", new byte[0]);
    expect(base + "/h2.html", "response", utf8(page("Over h2")));
    expect("https://localhost:" + server.httpsPort() + "/h2-tls.html", "response",
        utf8(page("Over h2 and TLS")));

    WarcFiles.assertValid(warcs);
    List<WarcFiles.Read> records = WarcFiles.readAll(warcs);
    WarcFiles.Read plain = find(records, "response", "/plain.html");
    WarcFiles.Read metadata = find(records, "metadata", "/plain.html");
    assertEquals(plain.header("WARC-Record-ID"), metadata.header("WARC-Concurrent-To"));
    String fields = new String(metadata.block(), StandardCharsets.UTF_8);
    assertTrue(fields.contains("outlink: " + base + "/next.html\r\n"), fields);
    assertTrue(fields.contains("outlink: https://elsewhere.test/x\r\n"), fields);
    assertTrue(fields.contains("articleSignal: "), fields);
    assertTrue(fields.contains("fetchTimeMs: "), fields);
    String redirected = new String(find(records, "metadata", "/target.html").block(),
        StandardCharsets.UTF_8);
    assertTrue(redirected.contains("redirectedFrom: " + base + "/old\r\n"), redirected);
    assertTrue(redirected.contains("requestedURL: " + base + "/old\r\n"), redirected);

    WarcFiles.Read same = find(records, "revisit", "/same.html");
    assertEquals(plain.header("WARC-Payload-Digest"), same.header("WARC-Payload-Digest"));
    assertEquals(base + "/plain.html", same.header("WARC-Refers-To-Target-URI"));
    assertEquals(plain.header("WARC-Date"), same.header("WARC-Refers-To-Date"));

    WarcFiles.Read notModified = find(records, "revisit", "/etag.html");
    assertTrue(notModified.header("WARC-Profile").endsWith("/server-not-modified"));
    assertNull(notModified.header("WARC-Payload-Digest"));
    assertEquals(find(records, "response", "/etag.html").header("WARC-Date"),
        notModified.header("WARC-Refers-To-Date"));

    WarcFiles.Read chunked = find(records, "response", "/chunked.html");
    assertTrue(chunked.httpHeader().contains("X-Crawler-Transfer-Encoding: chunked"),
        chunked.httpHeader());
    WarcFiles.Read big = find(records, "response", "/big.html");
    assertEquals("length", big.header("WARC-Truncated"));
    assertEquals(MAX_BYTES, big.payload().length);

    WarcFiles.Read overH2 = find(records, "response", "/h2.html");
    assertEquals("h2", overH2.header("WARC-Protocol"));
    assertTrue(overH2.httpHeader().startsWith("HTTP/1.1 200"), overH2.httpHeader());
    assertArrayEquals(utf8(page("Over h2")), overH2.payload());
    WarcFiles.Read overTls = find(records, "response", "/h2-tls.html");
    assertEquals("h2", overTls.header("WARC-Protocol"));
    assertTrue(overTls.httpHeader().startsWith("HTTP/1.1 200"), overTls.httpHeader());
  }

  private static WarcFiles.Read find(List<WarcFiles.Read> records, String type, String path) {
    return records.stream()
        .filter(r -> r.type().equals(type) && r.header("WARC-Target-URI").endsWith(path))
        .findFirst().orElseThrow(() -> new AssertionError("no " + type + " record for " + path));
  }

  private void expect(String url, String type, byte[] payload) throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
    Files.writeString(warcs.resolve("expected-payloads.tsv"), url + "\t" + type + "\t" + sha + "\n",
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
