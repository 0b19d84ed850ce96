package org.newsarc.crawler.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;

/**
 * Addresses are checked after DNS and again when connecting, on every connection (issue 9, 2):
 * literal spellings of loopback are refused, and a resolver that answers differently the second
 * time does not get through.
 */
class FetcherAddressTest {
  static final String SITE = "127.0.9.3";

  private static FetchOptions options() {
    return FetchOptions.defaults("newsarc-test").withAllowedAddresses(List.of(SITE + "/32"));
  }

  @Test
  void literalSpellingsOfLoopbackAreRefused() throws Exception {
    try (TestSite site = new TestSite(SITE);
        Fetcher fetcher = new Fetcher(options(), Clock.systemUTC())) {
      site.route("/", Reply.html("<p>hi</p>"));
      int port = Integer.parseInt(site.base().substring(site.base().lastIndexOf(':') + 1));
      assertEquals(200, fetcher.fetch(site.url("/"), Map.of()).status(), "the allowed range");
      for (String host : List.of("127.0.0.1", "2130706433", "[::ffff:127.0.0.1]", "[::1]",
          "0x7f.0.0.1", "127.1", "localhost")) {
        FetchException e = assertThrows(FetchException.class,
            () -> fetcher.fetch("http://" + host + ":" + port + "/", Map.of()), host);
        assertEquals(FailureKind.BLOCKED_ADDRESS, e.kind(), host + ": " + e.getMessage());
      }
    }
  }

  @Test
  void aResolverThatChangesItsAnswerIsCaughtOnTheNextConnection() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    Dns rebinding = host -> List.of(InetAddress.getByName(
        lookups.getAndIncrement() == 0 ? SITE : "127.0.0.1"));
    try (TestSite site = new TestSite(SITE)) {
      site.route("/", Reply.html("<p>hi</p>"));
      String url = site.url("/").replace(SITE, "rebind.test");
      try (Fetcher first = new Fetcher(options(), Clock.systemUTC(), UnaryOperator.identity(),
          rebinding)) {
        assertEquals(200, first.fetch(url, Map.of()).status());
      }
      try (Fetcher second = new Fetcher(options(), Clock.systemUTC(), UnaryOperator.identity(),
          rebinding)) {
        FetchException e = assertThrows(FetchException.class, () -> second.fetch(url, Map.of()));
        assertEquals(FailureKind.BLOCKED_ADDRESS, e.kind(), e.getMessage());
      }
    }
  }
}
