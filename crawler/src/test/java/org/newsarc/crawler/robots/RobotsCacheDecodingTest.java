package org.newsarc.crawler.robots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.newsarc.archive.HttpExchange;
import org.newsarc.crawler.fetch.FailureKind;
import org.newsarc.crawler.fetch.FetchResponse;

/**
 * robots.txt that cannot be decoded makes its host unreachable, never a storage failure
 * (issue 9, 1), and a robots.txt past the parse limit is cut after a whole line (issue 9, 8).
 */
class RobotsCacheDecodingTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private RobotsCache cacheServing(String encoding, byte[] body, List<String> archived) {
    return new RobotsCache(url -> {
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      headers.add(Map.entry("Content-Type", "text/plain"));
      if (encoding != null) {
        headers.add(Map.entry("Content-Encoding", encoding));
      }
      HttpExchange ex = new HttpExchange(url, clock.instant(), "192.0.2.1", "http/1.1",
          "GET /robots.txt HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
          "HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), body, null);
      return new FetchResponse(url, 200, headers, ex, Duration.ZERO);
    }, "newsarc", clock, Duration.ofHours(24), Duration.ofMinutes(10), Duration.ofSeconds(30),
        (requested, response) -> archived.add(requested));
  }

  @Test
  void brotliBrokenGzipAndBombsMakeTheHostUnreachableNotTheCrawlStop() throws Exception {
    for (String[] c : new String[][] {{"br", "\u001b\u0003"}, {"gzip", "not gzip"},
        {"compress", "x"}}) {
      List<String> archived = new ArrayList<>();
      RobotsCache cache = cacheServing(c[0], c[1].getBytes(StandardCharsets.ISO_8859_1), archived);
      RobotsCache.Entry e = cache.entryFor("http://example.org/page");
      assertEquals(FailureKind.DECODING, e.fetchFailure(), c[0]);
      assertFalse(e.rules().isAllowed("http://example.org/page"), "disallowed until retried");
      assertTrue(e.rules().isDeferVisits());
      assertEquals(List.of("http://example.org/robots.txt"), archived, "still archived");
    }
  }

  @Test
  void aGzipBombIsReadOnlyUpToTheParseLimit() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("User-agent: *\nDisallow: /private\n".getBytes(StandardCharsets.US_ASCII));
      byte[] filler = "#".repeat(65535).concat("\n").getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 3200; i++) { // 200 MiB decoded
        gz.write(filler);
      }
    }
    RobotsCache cache = cacheServing("gzip", bytes.toByteArray(), new ArrayList<>());
    RobotsCache.Entry e = cache.entryFor("http://example.org/");
    assertEquals(null, e.fetchFailure());
    assertFalse(e.rules().isAllowed("http://example.org/private"));
    assertTrue(e.rules().isAllowed("http://example.org/public"));
  }

  @Test
  void aLongRobotsTxtIsCutAfterItsLastWholeLine() throws Exception {
    StringBuilder sb = new StringBuilder("User-agent: *\n");
    while (sb.length() < RobotsCache.MAX_BYTES - 8) {
      sb.append("# filler\n");
    }
    // This rule crosses the 512 KiB limit: cut mid-line it would read "Disallow: /p".
    sb.append("Disallow: /page\n");
    RobotsCache cache = cacheServing(null, sb.toString().getBytes(StandardCharsets.US_ASCII),
        new ArrayList<>());
    RobotsCache.Entry e = cache.entryFor("http://example.org/");
    assertTrue(e.rules().isAllowed("http://example.org/p"), "no half rule Disallow: /p");
    assertTrue(e.rules().isAllowed("http://example.org/public"));
    byte[] cut = RobotsCache.wholeLines(sb.toString().getBytes(StandardCharsets.US_ASCII));
    assertTrue(cut.length <= RobotsCache.MAX_BYTES);
    assertEquals('\n', cut[cut.length - 1]);
  }
}
