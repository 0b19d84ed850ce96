package org.newsarc.crawler.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Politeness interleaves hosts, so one fetcher sees each host again only after many others: its
 * idle connections must outlast a round over more hosts than OkHttp's default pool keeps (5),
 * or nearly every request opens a new connection.
 */
class FetcherConnectionReuseTest {
  private static final int HOSTS = 12;
  private static final byte[] PAGE = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
      + "Content-Length: 11\r\n\r\n<p>page</p>").getBytes(StandardCharsets.ISO_8859_1);

  @Test
  void hostsTakenInTurnKeepOneConnectionEach() throws Exception {
    List<HeadServer> servers = new ArrayList<>();
    try {
      for (int h = 0; h < HOSTS; h++) {
        servers.add(new HeadServer("127.0.0." + (60 + h), false).answer("/p", PAGE));
      }
      FetchOptions options = FetchOptions.defaults("newsarc-test")
          .withAllowedAddresses(List.of("127.0.0.0/8"));
      try (Fetcher fetcher = new Fetcher(options, Clock.systemUTC())) {
        for (int round = 0; round < 3; round++) {
          for (HeadServer s : servers) {
            assertEquals(200, fetcher.fetch(s.url("/p"), Map.of()).status());
          }
        }
      }
      for (HeadServer s : servers) {
        assertEquals(1, s.connections(), "three requests over one connection to " + s.url("/"));
      }
    } finally {
      for (HeadServer s : servers) {
        s.close();
      }
    }
  }
}
