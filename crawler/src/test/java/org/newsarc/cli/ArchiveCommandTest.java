package org.newsarc.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.newsarc.testing.WarcFiles;

/** {@code newsarc archive} end to end against a loopback WireMock server. */
class ArchiveCommandTest {
  private static final String ARTICLE = """
      <!doctype html><html lang="en"><head><meta charset="utf-8">
      <title>Harbour bridge reopens after repairs | Coast Courier</title>
      <meta property="og:site_name" content="Coast Courier">
      <meta property="article:published_time" content="2024-05-02T08:00:00+02:00">
      </head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article><h1>Harbour bridge reopens after repairs</h1>
      <p>The harbour bridge reopened to traffic on Thursday morning after eight months of repairs.</p>
      <p>Engineers replaced the corroded cables and resurfaced the whole deck, the city said.</p>
      <p>Commuters welcomed the shorter trip, though cyclists asked for a wider lane.</p>
      </article><footer>Contact us</footer></body></html>
      """;
  /** A different payload: the same bytes again would be archived as a revisit record. */
  private static final String CHUNKED_ARTICLE = ARTICLE.replace("eight months", "nine months");

  Path out;
  WireMockServer server;
  String base;

  @BeforeEach
  void start(TestInfo info) throws Exception {
    out = WarcFiles.keptFolder("archive-command/" + info.getTestMethod().orElseThrow().getName());
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
    server.start();
    base = "http://127.0.0.1:" + server.port();
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nDisallow: /private/\n")));
    html("/article.html", 200, ARTICLE);
    html("/redirected.html", 200, ARTICLE.replace("Harbour bridge", "Ferry pier"));
    server.stubFor(get("/moved").willReturn(aResponse().withStatus(301)
        .withHeader("Location", "/redirected.html")));
    html("/missing.html", 404, "<html><body><p>Not found</p></body></html>");
    server.stubFor(get("/gzip.html").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=utf-8")
        .withHeader("Content-Encoding", "gzip").withBody(gzip(ARTICLE))));
    server.stubFor(get("/chunked.html").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody(CHUNKED_ARTICLE).withChunkedDribbleDelay(4, 200)));
    html("/private/secret.html", 200, ARTICLE);
    server.stubFor(get("/report.pdf").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/pdf").withBody("%PDF-1.4 not really")));
    server.stubFor(get("/slow.html").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody(ARTICLE).withFixedDelay(4000)));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void archivesFetchesAndReportsEachFailureByKind() throws Exception {
    Run run = archive("--json", "--timeout", "1500ms", base + "/article.html", base + "/moved",
        base + "/missing.html", base + "/gzip.html", base + "/chunked.html",
        base + "/private/secret.html", base + "/report.pdf", base + "/slow.html");
    assertEquals(1, run.exit, run.err);

    JsonNode json = new ObjectMapper().readTree(run.out);
    Map<String, JsonNode> byUrl = new HashMap<>();
    json.get("results").forEach(r -> byUrl.put(r.get("url").asText(), r));
    assertTrue(byUrl.get(base + "/article.html").get("ok").asBoolean());
    JsonNode moved = byUrl.get(base + "/moved");
    assertTrue(moved.get("ok").asBoolean());
    assertEquals(base + "/redirected.html", moved.get("final_url").asText());
    assertEquals(2, moved.get("hops").size());
    assertEquals(301, moved.get("hops").get(0).get("status").asInt());
    assertEquals("http-status", byUrl.get(base + "/missing.html").get("failure").asText());
    assertTrue(byUrl.get(base + "/gzip.html").get("ok").asBoolean());
    assertTrue(byUrl.get(base + "/chunked.html").get("ok").asBoolean());
    assertEquals("robots", byUrl.get(base + "/private/secret.html").get("failure").asText());
    assertEquals("not-html", byUrl.get(base + "/report.pdf").get("failure").asText());
    assertEquals("timeout", byUrl.get(base + "/slow.html").get("failure").asText());
    assertEquals(4, json.get("archived").asInt());
    assertEquals(4, json.get("failed").asInt());

    // Politeness and identity, as the server saw them.
    server.verify(0, getRequestedFor(urlEqualTo("/private/secret.html")));
    server.verify(1, getRequestedFor(urlEqualTo("/robots.txt")));
    server.verify(getRequestedFor(urlEqualTo("/article.html"))
        .withHeader("User-Agent", matching("newsarc/.*"))
        .withHeader("Accept-Encoding", matching("gzip")));

    Path warcs = out.resolve("warcs");
    WarcFiles.assertValid(warcs);
    List<WarcFiles.Read> records = WarcFiles.readAll(warcs);
    assertEquals("warcinfo", records.get(0).type());
    Map<String, WarcFiles.Read> requests = new HashMap<>();
    Map<String, WarcFiles.Read> responses = new HashMap<>();
    for (WarcFiles.Read r : records) {
      if (r.type().equals("request")) {
        requests.put(r.header("WARC-Record-ID"), r);
      } else if (r.type().equals("response")) {
        responses.put(r.header("WARC-Target-URI"), r);
      }
    }
    // robots, article, moved, redirected, missing, gzip, chunked, pdf; the slow one never answered.
    assertEquals(8, responses.size(), responses.keySet().toString());
    for (WarcFiles.Read response : responses.values()) {
      WarcFiles.Read request = requests.get(response.header("WARC-Concurrent-To"));
      assertNotNull(request, "request record linked from " + response.header("WARC-Target-URI"));
      assertEquals(response.header("WARC-Target-URI"), request.header("WARC-Target-URI"));
      assertEquals("127.0.0.1", response.header("WARC-IP-Address"));
      assertTrue(request.httpHeader().startsWith("GET "), request.httpHeader());
      assertTrue(request.httpHeader().contains("User-Agent: newsarc/"), request.httpHeader());
    }
    assertArrayEquals(ARTICLE.getBytes(StandardCharsets.UTF_8),
        responses.get(base + "/article.html").payload());
    WarcFiles.Read gzipped = responses.get(base + "/gzip.html");
    assertArrayEquals(gzip(ARTICLE), gzipped.payload(), "gzip body stored as sent");
    assertTrue(gzipped.httpHeader().contains("Content-Encoding: gzip"));
    WarcFiles.Read chunked = responses.get(base + "/chunked.html");
    assertArrayEquals(CHUNKED_ARTICLE.getBytes(StandardCharsets.UTF_8), chunked.payload());
    assertFalse(chunked.httpHeader().toLowerCase(Locale.ROOT).contains("\ntransfer-encoding:"),
        "a de-chunked body must not be stored under Transfer-Encoding: chunked");
    assertTrue(chunked.httpHeader().contains("X-Crawler-Transfer-Encoding: chunked"),
        "the server did send chunks; the renamed header says so: " + chunked.httpHeader());
    assertTrue(responses.get(base + "/moved").httpHeader().startsWith("HTTP/1.1 301"));

    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("newsarc.db"));
        Statement st = db.createStatement()) {
      assertEquals(8, count(st, "SELECT count(*) FROM captures"));
      assertEquals(4, count(st, "SELECT count(*) FROM articles"));
      assertEquals(4, count(st, "SELECT count(*) FROM failures"));
      assertEquals(1, count(st, "SELECT count(*) FROM failures WHERE kind = 'timeout'"));
      assertEquals(1, count(st, "SELECT count(*) FROM failures WHERE kind = 'robots'"));
      try (ResultSet rs = st.executeQuery("SELECT a.title, a.site_name, c.warc_file, c.warc_offset,"
          + " c.warc_length, c.payload_digest FROM articles a JOIN captures c ON c.id = a.capture_id"
          + " WHERE c.url = '" + base + "/gzip.html'")) {
        assertTrue(rs.next());
        assertTrue(rs.getString(1).contains("Harbour bridge reopens"), rs.getString(1));
        assertEquals("Coast Courier", rs.getString(2));
        assertTrue(rs.getString(3).endsWith(".warc.gz"));
        assertTrue(rs.getLong(5) > 0);
        assertEquals(gzipped.header("WARC-Payload-Digest"), rs.getString(6));
      }
      try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
        assertEquals("wal", rs.getString(1));
      }
    }
  }

  @Test
  void aSecondRunAddsAFileAndRowsWithoutOverwriting() throws Exception {
    assertEquals(0, archive(base + "/article.html").exit);
    assertEquals(0, archive(base + "/article.html").exit);
    assertEquals(2, WarcFiles.list(out.resolve("warcs")).size());
    WarcFiles.assertValid(out.resolve("warcs"));
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("newsarc.db"));
        Statement st = db.createStatement()) {
      assertEquals(2, count(st, "SELECT count(*) FROM articles"));
    }
  }

  @Test
  void printsALinePerUrlAndASummary() throws Exception {
    Run run = archive(base + "/article.html", base + "/missing.html");
    assertEquals(1, run.exit);
    assertTrue(run.out.contains("ok    200 " + base + "/article.html"), run.out);
    assertTrue(run.out.contains("FAIL  " + base + "/missing.html  http-status: HTTP 404"), run.out);
    assertTrue(run.out.contains("Archived 1 of 2 URL(s); 1 failed."), run.out);
  }

  @Test
  void waitsBetweenRequestsToOneHostAsSeenByTheServer() throws Exception {
    String[] args = {"archive", "--out", out.toString(), "--delay", "400ms",
        "--allow-addresses", "127.0.0.1/32",
        base + "/article.html", base + "/redirected.html", base + "/gzip.html"};
    assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args));
    List<java.util.Date> times = server.getAllServeEvents().stream()
        .map(e -> e.getRequest().getLoggedDate()).sorted().toList();
    assertEquals(4, times.size(), "robots.txt and three pages");
    for (int i = 1; i < times.size(); i++) {
      long gap = times.get(i).getTime() - times.get(i - 1).getTime();
      assertTrue(gap >= 390, "gap " + gap + " ms between requests " + (i - 1) + " and " + i);
    }
  }

  @Test
  void aTlsFailureIsReportedAsSuch() throws Exception {
    WireMockServer tls = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
        .dynamicHttpsPort());
    tls.start();
    try {
      tls.stubFor(get("/page.html").willReturn(aResponse().withStatus(200).withBody(ARTICLE)));
      Run run = archive("--json", "https://127.0.0.1:" + tls.httpsPort() + "/page.html");
      assertEquals(1, run.exit);
      JsonNode result = new ObjectMapper().readTree(run.out).get("results").get(0);
      assertEquals("tls", result.get("failure").asText(), result.toString());
    } finally {
      tls.stop();
    }
  }

  @Test
  void writesWarc10AndSha256WhenAsked() throws Exception {
    assertEquals(0, archive("--warc-version", "1.0", "--warc-digest", "sha256",
        base + "/article.html").exit);
    WarcFiles.assertValid(out.resolve("warcs"));
    for (WarcFiles.Read r : WarcFiles.readAll(out.resolve("warcs"))) {
      assertEquals("1.0", r.record().version().getProtocol().equals("WARC")
          ? r.record().version().getMajor() + "." + r.record().version().getMinor() : "?");
      String digest = r.header("WARC-Block-Digest");
      assertTrue(digest == null || digest.startsWith("sha256:"), digest);
    }
    assertEquals(2, archive("--warc-version", "2.0", base + "/article.html").exit);
  }

  @Test
  void gzipLevelChangesTheFilesNotTheRecords() throws Exception {
    assertEquals(2, archive("--warc-gzip-level", "0", base + "/article.html").exit);
    assertEquals(0, archive("--warc-gzip-level", "1", base + "/article.html").exit);
    WarcFiles.assertValid(out.resolve("warcs"));
    java.util.List<WarcFiles.Read> records = WarcFiles.readAll(out.resolve("warcs"));
    WarcFiles.Read response = records.stream()
        .filter(r -> r.type().equals("response")
            && r.header("WARC-Target-URI").endsWith("/article.html"))
        .findFirst().orElseThrow();
    assertArrayEquals(ARTICLE.getBytes(StandardCharsets.UTF_8), response.payload());
  }

  @Test
  void eachDeflaterWritesTheSameRecordsAndAnUnknownOneIsRefused() throws Exception {
    Run bad = archive("--warc-deflate", "brotli", base + "/article.html");
    assertEquals(2, bad.exit, bad.err);
    assertTrue(bad.err.contains("auto, zlib or libdeflate"), bad.err);
    for (String deflater : new String[] {"zlib", "auto"}) {
      assertEquals(0, archive("--warc-deflate", deflater, base + "/article.html").exit);
    }
    WarcFiles.assertValid(out.resolve("warcs"));
    long responses = WarcFiles.readAll(out.resolve("warcs")).stream()
        .filter(r -> (r.type().equals("response") || r.type().equals("revisit"))
            && r.header("WARC-Target-URI").endsWith("/article.html")).count();
    assertEquals(2, responses);
  }

  @Test
  void anOversizedBodyIsArchivedTruncatedAndReportedTooLarge() throws Exception {
    Run run = archive("--json", "--max-bytes", "100", base + "/article.html");
    assertEquals(1, run.exit);
    JsonNode result = new ObjectMapper().readTree(run.out).get("results").get(0);
    assertEquals("too-large", result.get("failure").asText(), result.toString());
    WarcFiles.assertValid(out.resolve("warcs"));
    WarcFiles.Read response = WarcFiles.readAll(out.resolve("warcs")).stream()
        .filter(r -> r.type().equals("response")
            && r.header("WARC-Target-URI").endsWith("/article.html"))
        .findFirst().orElseThrow();
    assertEquals("length", response.header("WARC-Truncated"));
    assertArrayEquals(java.util.Arrays.copyOf(ARTICLE.getBytes(StandardCharsets.UTF_8), 100),
        response.payload(), "the first 100 bytes are kept");
  }

  @Test
  void aRedirectToANonHttpLocationIsArchivedAndReportedAsABadUrl() throws Exception {
    server.stubFor(get("/to-mail").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "mailto:desk@example.org")));
    Run run = archive("--json", base + "/to-mail");
    assertEquals(1, run.exit);
    JsonNode result = new ObjectMapper().readTree(run.out).get("results").get(0);
    assertEquals("bad-url", result.get("failure").asText(), result.toString());
    assertEquals(1, result.get("hops").size(), "the redirect itself is archived");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, archive().exit);
    assertEquals(2, archive("--delay", "soon", base + "/article.html").exit);
  }

  private Run archive(String... args) {
    String[] all = new String[args.length + 7];
    all[0] = "archive";
    all[1] = "--out";
    all[2] = out.toString();
    all[3] = "--delay";
    all[4] = "0";
    // The server's loopback address, and only it, may be fetched.
    all[5] = "--allow-addresses";
    all[6] = "127.0.0.1/32";
    System.arraycopy(args, 0, all, 7, args.length);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int exit = Main.run(new PrintWriter(o), new PrintWriter(e), all);
    return new Run(exit, o.toString(), e.toString());
  }

  private record Run(int exit, String out, String err) {}

  private void html(String path, int status, String body) {
    server.stubFor(get(path).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(body)));
  }

  private static long count(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      return rs.getLong(1);
    }
  }

  static byte[] gzip(String s) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
