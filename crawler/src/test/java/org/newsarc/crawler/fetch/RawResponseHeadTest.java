package org.newsarc.crawler.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsarc.crawler.fetch.HeadServer.ascii;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.newsarc.crawler.capture.ArchiveSession;
import org.newsarc.crawler.politeness.Sleeper;
import org.newsarc.testing.WarcFiles;

/**
 * The response head stored for an HTTP/1.x exchange is the bytes the server sent: a status line
 * without a reason phrase, a field without a space after its colon, an obs-fold continuation
 * line, a byte outside ASCII and odd name casing all survive, in clear text and over TLS, on a
 * kept-alive connection, after a 100 Continue and when the head arrives a few bytes at a time.
 * The one change: a bare LF line end gets its CR, as replay tools need.
 */
public class RawResponseHeadTest {
  public static final String BODY = "<html><body><p>Hello.</p></body></html>";

  /** A head that OkHttp's parsed fields cannot give back. */
  public static byte[] oddHead(int bodyLength) {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.writeBytes(ascii("HTTP/1.1 200\r\n"
        + "X-No-Space:value\r\n"
        + "X-Folded: first part\r\n"
        + "   continued after a fold\r\n"
        + "X-Latin: caf"));
    head.write(0xE9);
    head.writeBytes(ascii("\r\n"
        + "cOnTeNt-TyPe:   text/html;charset=utf-8  \r\n"
        + "content-length: " + bodyLength + "\r\n"
        + "\r\n"));
    return head.toByteArray();
  }

  public static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  private static FetchOptions options() {
    return FetchOptions.defaults("newsarc-test").withAllowedAddresses(List.of("127.0.0.1/32"));
  }

  private static Fetcher fetcher(boolean tls) {
    return new Fetcher(options(), Clock.systemUTC(),
        tls ? TrustAll::configure : UnaryOperator.identity());
  }

  @Test
  void oddHeadIsStoredAsSentInClearTextAndOverTls() throws Exception {
    for (boolean tls : new boolean[] {false, true}) {
      byte[] head = oddHead(BODY.length());
      try (HeadServer server = new HeadServer("127.0.0.1", tls);
          Fetcher fetcher = fetcher(tls)) {
        server.answer("/odd", concat(head, ascii(BODY)));
        FetchResponse response = fetcher.fetch(server.url("/odd"), Map.of());
        assertEquals(200, response.status());
        assertArrayEquals(head, response.exchange().responseHeader(), "tls " + tls + ": "
            + new String(response.exchange().responseHeader(), "ISO-8859-1"));
        assertArrayEquals(ascii(BODY), response.exchange().responseBody());
        assertEquals(tls ? "https" : "http", response.url().substring(0,
            response.url().indexOf(':')));
      }
    }
  }

  @Test
  void headsOfKeptAliveExchangesGoToTheirOwnResponses() throws Exception {
    for (boolean tls : new boolean[] {false, true}) {
      byte[] moved = ascii("HTTP/1.1 301 Gone Elsewhere, Really\r\nLocation:/odd\r\n"
          + "Content-Length: 4\r\n\r\n");
      byte[] odd = oddHead(BODY.length());
      byte[] empty = ascii("HTTP/1.1 204\r\nx-empty:\r\n\r\n");
      try (HeadServer server = new HeadServer("127.0.0.1", tls);
          Fetcher fetcher = fetcher(tls)) {
        server.answer("/old", concat(moved, ascii("gone")))
            .answer("/odd", concat(odd, ascii(BODY)))
            .answer("/empty", empty);
        FetchResponse first = fetcher.fetch(server.url("/old"), Map.of());
        FetchResponse second = fetcher.fetch(first.redirectTarget(), Map.of());
        FetchResponse third = fetcher.fetch(server.url("/empty"), Map.of());
        FetchResponse fourth = fetcher.fetch(server.url("/old"), Map.of());
        assertEquals(1, server.connections(), "one kept-alive connection, tls " + tls);
        assertArrayEquals(moved, first.exchange().responseHeader());
        assertArrayEquals(odd, second.exchange().responseHeader());
        assertArrayEquals(empty, third.exchange().responseHeader());
        assertArrayEquals(moved, fourth.exchange().responseHeader());
        assertArrayEquals(ascii(BODY), second.exchange().responseBody());
      }
    }
  }

  @Test
  void headSplitAcrossReadsAfterInterimResponses() throws Exception {
    byte[] head = oddHead(BODY.length());
    byte[] interim = ascii("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\n"
        + "Link: </style.css>; rel=preload\r\n\r\n");
    try (HeadServer server = new HeadServer("127.0.0.1", false).pieces(3);
        Fetcher fetcher = fetcher(false)) {
      server.answer("/odd", concat(concat(interim, head), ascii(BODY)));
      FetchResponse response = fetcher.fetch(server.url("/odd"), Map.of());
      assertEquals(200, response.status());
      assertArrayEquals(head, response.exchange().responseHeader());
      assertArrayEquals(ascii(BODY), response.exchange().responseBody());
    }
  }

  @Test
  void chunkedHeadKeepsItsBytesAndSaysTheFramingWasRemoved() throws Exception {
    byte[] head = ascii("HTTP/1.1 200 Fine\r\ncontent-type:text/html\r\n"
        + "transfer-encoding:  chunked\r\nX-Other: kept\r\n\r\n");
    byte[] chunked = ascii("5\r\n<html\r\n1;ext=1\r\n>\r\n0\r\n\r\n");
    byte[] stored = ascii("HTTP/1.1 200 Fine\r\ncontent-type:text/html\r\n"
        + "X-Crawler-transfer-encoding:  chunked\r\nX-Other: kept\r\nContent-Length: 6\r\n\r\n");
    try (HeadServer server = new HeadServer("127.0.0.1", false);
        Fetcher fetcher = fetcher(false)) {
      server.answer("/chunked", concat(head, chunked));
      FetchResponse response = fetcher.fetch(server.url("/chunked"), Map.of());
      assertArrayEquals(stored, response.exchange().responseHeader(),
          new String(response.exchange().responseHeader(), "ISO-8859-1"));
      assertArrayEquals(ascii("<html>"), response.exchange().responseBody());
    }
  }

  @Test
  void bareLineFeedsGetTheirCarriageReturnAndNothingElseChanges() throws Exception {
    byte[] head = ascii("HTTP/1.0 200 OK\nContent-Type:text/html\r\nContent-Length: "
        + BODY.length() + "\n\n");
    try (HeadServer server = new HeadServer("127.0.0.1", false);
        Fetcher fetcher = fetcher(false)) {
      server.answer("/lf", concat(head, ascii(BODY)));
      FetchResponse response = fetcher.fetch(server.url("/lf"), Map.of());
      assertArrayEquals(ascii("HTTP/1.0 200 OK\r\nContent-Type:text/html\r\nContent-Length: "
          + BODY.length() + "\r\n\r\n"), response.exchange().responseHeader());
    }
  }

  @Test
  void storedRecordsKeepTheHeadAndPassTheValidator() throws Exception {
    Path out = WarcFiles.keptFolder("raw-heads");
    byte[] odd = oddHead(BODY.length());
    byte[] lf = ascii("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: "
        + BODY.length() + "\n\n");
    byte[] chunkedHead = ascii("HTTP/1.1 200 OK\r\nContent-Type:text/html\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n");
    byte[] chunked = ascii("5\r\n<html\r\n1\r\n>\r\n0\r\n\r\n");
    String big = BODY.repeat(100);
    byte[] bigHead = ascii("HTTP/1.1 200 OK\r\nContent-Type:text/html\r\nContent-Length:"
        + big.length() + "\r\n\r\n");
    byte[] bigLfHead = ascii("HTTP/1.1 200 OK\nContent-Type:text/html\nContent-Length:"
        + big.length() + "\n\n");
    Clock clock = Clock.systemUTC();
    FetchOptions options = options().withMaxBodyBytes(1000);
    try (HeadServer plain = new HeadServer("127.0.0.1", false);
        HeadServer tls = new HeadServer("127.0.0.1", true);
        ArchiveSession session = ArchiveSession.open(out, options, Duration.ZERO, "test", clock,
            Sleeper.SYSTEM);
        Fetcher plainFetcher = new Fetcher(options, clock);
        Fetcher tlsFetcher = new Fetcher(options, clock, TrustAll::configure)) {
      for (HeadServer server : List.of(plain, tls)) {
        server.answer("/odd", concat(odd, ascii(BODY))).answer("/lf", concat(lf, ascii(BODY)))
            .answer("/chunked", concat(chunkedHead, chunked))
            .answer("/big", concat(bigHead, ascii(big)))
            .answer("/big-lf", concat(bigLfHead, ascii(big)));
      }
      for (String path : List.of("/odd", "/lf", "/chunked", "/big", "/big-lf")) {
        session.store(plain.url(path), plainFetcher.fetch(plain.url(path), Map.of()));
        session.store(tls.url(path), tlsFetcher.fetch(tls.url(path), Map.of()));
      }
    }
    Path warcs = out.resolve(ArchiveSession.WARC_DIR);
    WarcFiles.assertValid(warcs);
    List<WarcFiles.Read> records = WarcFiles.readAll(warcs);
    int checked = 0;
    for (WarcFiles.Read r : records) {
      boolean revisit = r.type().equals("revisit");
      if (!r.type().equals("response") && !revisit) {
        continue;
      }
      String target = r.header("WARC-Target-URI");
      byte[] head;
      byte[] body;
      if (target.endsWith("/odd")) {
        head = odd;
        body = ascii(BODY);
      } else if (target.endsWith("/lf")) {
        head = ascii(new String(lf, "ISO-8859-1").replace("\n", "\r\n"));
        body = ascii(BODY);
      } else if (target.endsWith("/chunked")) {
        head = ascii("HTTP/1.1 200 OK\r\nContent-Type:text/html\r\n"
            + "X-Crawler-Transfer-Encoding: chunked\r\nContent-Length: 6\r\n\r\n");
        body = ascii("<html>");
      } else if (target.endsWith("/big")) {
        head = ascii("HTTP/1.1 200 OK\r\nContent-Type:text/html\r\n"
            + "X-Crawler-Content-Length:" + big.length() + "\r\nContent-Length: 1000\r\n\r\n");
        body = Arrays.copyOf(ascii(big), 1000);
        assertEquals("length", r.header("WARC-Truncated"));
      } else if (target.endsWith("/big-lf")) {
        head = ascii("HTTP/1.1 200 OK\r\nContent-Type:text/html\r\n"
            + "X-Crawler-Content-Length:" + big.length() + "\r\nContent-Length: 1000\r\n\r\n");
        body = Arrays.copyOf(ascii(big), 1000);
        assertEquals("length", r.header("WARC-Truncated"));
      } else {
        continue;
      }
      // The second copy of a payload (the TLS server sends the same) is a revisit: head only.
      assertArrayEquals(revisit ? head : concat(head, body), r.block(), r.type() + " " + target);
      checked++;
    }
    assertEquals(10, checked);
  }
}
