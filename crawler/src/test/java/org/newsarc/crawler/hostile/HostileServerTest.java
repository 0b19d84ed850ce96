package org.newsarc.crawler.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsarc.crawler.hostile.Scripts.HTML;
import static org.newsarc.crawler.hostile.Scripts.article;
import static org.newsarc.crawler.hostile.Scripts.endless;
import static org.newsarc.crawler.hostile.Scripts.gzip;
import static org.newsarc.crawler.hostile.Scripts.gzipBomb;
import static org.newsarc.crawler.hostile.Scripts.http;
import static org.newsarc.crawler.hostile.Scripts.raw;
import static org.newsarc.crawler.hostile.Scripts.redirect;
import static org.newsarc.crawler.hostile.Scripts.trickle;
import static org.newsarc.crawler.hostile.Scripts.utf8;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;
import org.newsarc.crawler.capture.ArchiveSession;
import org.newsarc.crawler.capture.PageOutcome;
import org.newsarc.crawler.fetch.FetchOptions;
import org.newsarc.crawler.politeness.Sleeper;
import org.newsarc.testing.WarcFiles;

/**
 * newsarc against a server that misbehaves on purpose, one case per way of breaking HTTP. Each
 * case archives one URL of the hostile host, then a page of a healthy host, and asserts that
 * the hostile URL ends, within its timeouts, with the expected failure kind, that the healthy
 * page is still archived, that every WARC record written is valid, and that the heap stays
 * bounded. Loopback only: the hostile host is 127.0.9.1, the healthy one 127.0.9.2, and only
 * those two addresses are allowed.
 */
class HostileServerTest {
  static final String HOSTILE = "127.0.9.1";
  static final String HEALTHY = "127.0.9.2";
  /** Heap in use after a case, after a collection: far below what the cases try to cost. */
  static final long MAX_HEAP_AFTER = 400L << 20;

  static TestSite healthy;
  static long peakHeap;

  @TempDir
  Path dir;

  /** One hostile behaviour: its routes on the hostile host, the path asked, the kinds allowed. */
  record Case(String name, Consumer<RawServer> routes, String path, Set<String> kinds) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void startHealthySite() throws Exception {
    healthy = new TestSite(HEALTHY);
    healthy.route("/story.html", Reply.html(Scripts.articleHtml()));
  }

  @AfterAll
  static void stop() {
    healthy.close();
    System.out.printf("hostile suite: peak heap after a case %d MiB%n", peakHeap >> 20);
  }

  static Case c(String name, Consumer<RawServer> routes, String... kinds) {
    return new Case(name, routes, "/page", Set.of(kinds));
  }

  static Case page(String name, RawServer.Script script, String... kinds) {
    return c(name, s -> s.route("/page", script), kinds);
  }

  static Case robots(String name, RawServer.Script script, String... kinds) {
    return c(name, s -> s.route("/robots.txt", script).route("/page", article()), kinds);
  }

  static Stream<Case> cases() {
    List<Case> all = new ArrayList<>();
    String ok = "ok";
    // Slow, endless and oversized answers.
    all.add(page("slowloris headers", trickle("HTTP/1.1 200 OK\r\n", "X-A: b\r\n", 40, 150),
        "timeout"));
    all.add(page("slowloris body", trickle("HTTP/1.1 200 OK\r\n" + HTML
        + "Content-Length: 100000\r\n\r\n", "<p>x</p>", 40, 150), "timeout"));
    all.add(page("silent after connect", trickle("", "", 1, 5000), "timeout"));
    all.add(page("endless body", endless("HTTP/1.1 200 OK\r\n" + HTML + "\r\n", 64L << 20),
        "too-large"));
    all.add(page("endless chunked body", (out, s) -> {
      out.write(RawServer.ascii("HTTP/1.1 200 OK\r\n" + HTML + "Transfer-Encoding: chunked\r\n\r\n"));
      byte[] chunk = RawServer.ascii("4000\r\n" + "a".repeat(0x4000) + "\r\n");
      for (int i = 0; i < 4096; i++) {
        out.write(chunk);
      }
    }, "too-large"));
    all.add(page("20 MB single line", http("HTTP/1.1 200 OK", HTML,
        utf8("<html><body><p>" + "word ".repeat(4_000_000) + "</p></body></html>")),
        "extraction", "too-large", ok));
    // Broken status lines and headers.
    all.add(page("HTTP/0.9 answer", raw("<html><body>old</body></html>\r\n"), "protocol"));
    all.add(page("garbage status line", raw("HTTP/1.1 OK fine\r\n\r\n"), "protocol"));
    all.add(page("not HTTP at all", raw("SSH-2.0-OpenSSH_9.6\r\n"), "protocol"));
    all.add(page("status 999", http("HTTP/1.1 999 Odd", HTML, utf8("x")), "http-status"));
    all.add(page("closed before answering", raw(new byte[0]), "network", "protocol"));
    all.add(page("50,000 headers", http("HTTP/1.1 200 OK", "X-Filler: 0123456789\r\n"
        .repeat(50_000), utf8(Scripts.articleHtml())), "protocol", "network"));
    all.add(page("10,000 small headers", http("HTTP/1.1 200 OK", HTML + "X-F: 1\r\n"
        .repeat(10_000), utf8(Scripts.articleHtml())), ok, "protocol"));
    all.add(page("1 MB header line", http("HTTP/1.1 200 OK", HTML + "X-Big: "
        + "a".repeat(1 << 20) + "\r\n", utf8(Scripts.articleHtml())), "protocol", "network"));
    all.add(page("NUL in a header", http("HTTP/1.1 200 OK", HTML + "X-Nul: a\0b\r\n",
        utf8(Scripts.articleHtml())), ok, "protocol"));
    all.add(page("Content-Length -5", raw("HTTP/1.1 200 OK\r\n" + HTML
        + "Content-Length: -5\r\nConnection: close\r\n\r\nhello"), "protocol"));
    all.add(page("Content-Length not a number", raw("HTTP/1.1 200 OK\r\n" + HTML
        + "Content-Length: lots\r\nConnection: close\r\n\r\nhello"), "protocol"));
    all.add(page("Content-Length 20 digits", raw("HTTP/1.1 200 OK\r\n" + HTML
        + "Content-Length: 99999999999999999999\r\nConnection: close\r\n\r\nhello"), "protocol"));
    all.add(page("conflicting Content-Length", raw("HTTP/1.1 200 OK\r\n" + HTML
        + "Content-Length: 5\r\nContent-Length: 7\r\nConnection: close\r\n\r\nhello!!"),
        "protocol"));
    all.add(page("Content-Length and chunked", raw("HTTP/1.1 200 OK\r\n" + HTML
        + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + "5\r\nhello\r\n0\r\n\r\n"), "extraction", ok));
    all.add(page("body shorter than Content-Length", raw("HTTP/1.1 200 OK\r\n" + HTML
        + "Content-Length: 5000\r\nConnection: close\r\n\r\n<p>short</p>"), "protocol"));
    all.add(page("invalid chunked encoding", raw("HTTP/1.1 200 OK\r\n" + HTML
        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"),
        "protocol"));
    all.add(page("reset mid-body", Scripts.resetMidBody(), "network", "protocol"));
    all.add(page("Retry-After 20 digits", http("HTTP/1.1 503 Busy", HTML
        + "Retry-After: 99999999999999999999\r\n", utf8("busy")), "http-status"));
    // Content codings.
    all.add(page("gzip bomb of <p>", http("HTTP/1.1 200 OK", HTML + "Content-Encoding: gzip\r\n",
        gzipBomb("<p>", 150L << 20)), "extraction", ok));
    all.add(page("gzip bomb of spaces", http("HTTP/1.1 200 OK", HTML
        + "Content-Encoding: gzip\r\n", gzipBomb(" ", 300L << 20)), "extraction", ok));
    all.add(page("broken gzip", http("HTTP/1.1 200 OK", HTML + "Content-Encoding: gzip\r\n",
        utf8("this is not gzip at all")), "decoding"));
    all.add(page("brotli", http("HTTP/1.1 200 OK", HTML + "Content-Encoding: br\r\n",
        new byte[] {0x1b, 0x03, 0x00, (byte) 0xf8}), "decoding"));
    all.add(page("binary served as text/html", http("HTTP/1.1 200 OK", HTML,
        binary(200_000)), "extraction", ok));
    all.add(page("deep nesting", http("HTTP/1.1 200 OK", HTML,
        utf8("<div>".repeat(100_000) + "deep" + "</div>".repeat(100_000))), "extraction", ok));
    all.add(page("200,000 links", http("HTTP/1.1 200 OK", HTML,
        utf8(Scripts.articleHtml().replace("</article>", "<a href=\"/l/1\">l</a>"
            .repeat(200_000) + "</article>"))), ok, "extraction"));
    // Redirects.
    all.add(c("redirect loop", s -> s.route("/page", redirect(302, "/b"))
        .route("/b", redirect(302, "/page")), "redirects"));
    all.add(c("long redirect chain", s -> {
      for (int i = 0; i < 30; i++) {
        s.route(i == 0 ? "/page" : "/r" + i, redirect(301, "/r" + (i + 1)));
      }
    }, "redirects"));
    all.add(page("302 without Location", raw("HTTP/1.1 302 Found\r\nContent-Length: 0\r\n"
        + "Connection: close\r\n\r\n"), "protocol"));
    all.add(page("redirect to file:", redirect(302, "file:///etc/passwd"), "bad-url"));
    all.add(page("redirect to data:", redirect(302, "data:text/html,<p>x</p>"), "bad-url"));
    all.add(page("redirect to javascript:", redirect(302, "javascript:alert(1)"), "bad-url"));
    all.add(page("redirect to 127.0.0.1", redirect(302, "http://127.0.0.1:9/x"),
        "blocked-address"));
    all.add(page("redirect to 2130706433", redirect(302, "http://2130706433:9/x"),
        "blocked-address"));
    all.add(page("redirect to 0x7f.1", redirect(302, "http://0x7f.1:9/x"),
        "blocked-address", "bad-url"));
    all.add(page("redirect to [::ffff:127.0.0.1]", redirect(302, "http://[::ffff:127.0.0.1]:9/"),
        "blocked-address"));
    all.add(page("redirect to [::1]", redirect(302, "http://[::1]:9/"), "blocked-address"));
    all.add(page("redirect to 10.0.0.1", redirect(302, "http://10.0.0.1/"), "blocked-address"));
    all.add(page("redirect to metadata address", redirect(302, "http://169.254.169.254/latest/"),
        "blocked-address"));
    all.add(page("redirect to 0.0.0.0", redirect(302, "http://0.0.0.0:9/"), "blocked-address"));
    all.add(page("redirect to port 99999", redirect(302, "http://127.0.9.1:99999/"), "bad-url"));
    all.add(page("redirect to a 10 kB URL", redirect(302, "/p?q=" + "a".repeat(10_000)),
        "http-status", "bad-url"));
    // robots.txt that cannot be read: that host's problem only.
    all.add(robots("robots.txt brotli", http("HTTP/1.1 200 OK", "Content-Type: text/plain\r\n"
        + "Content-Encoding: br\r\n", new byte[] {0x1b, 0x03}), "decoding"));
    all.add(robots("robots.txt broken gzip", http("HTTP/1.1 200 OK", "Content-Type: text/plain\r\n"
        + "Content-Encoding: gzip\r\n", utf8("nope")), "decoding"));
    all.add(robots("robots.txt gzip bomb", http("HTTP/1.1 200 OK", "Content-Type: text/plain\r\n"
        + "Content-Encoding: gzip\r\n", gzipBomb("# comment\n", 200L << 20)), ok));
    all.add(robots("robots.txt redirect to loopback", redirect(301, "http://127.0.0.1:9/robots.txt"),
        "blocked-address"));
    all.add(robots("robots.txt garbage status", raw("HTTP/1.1 abc\r\n\r\n"), "protocol"));
    all.add(robots("robots.txt slowloris", trickle("HTTP/1.1 200 OK\r\n", "X: y\r\n", 40, 150),
        "timeout"));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileHostFailsClearlyAndOthersGoOn(Case hostileCase) throws Exception {
    Path out = dir.resolve("out");
    FetchOptions options = FetchOptions.defaults("newsarc-test (hostile suite)")
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3))
        .withMaxBodyBytes(24L << 20)
        .withAllowedAddresses(List.of(HOSTILE + "/32", HEALTHY + "/32"));
    try (RawServer server = new RawServer(HOSTILE)) {
      hostileCase.routes().accept(server);
      // Generous bound: a few timeouts of 3 s at most, never a hang.
      assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
        try (ArchiveSession session = ArchiveSession.open(out, options, Duration.ZERO, "test",
            Clock.systemUTC(), Sleeper.SYSTEM)) {
          PageOutcome outcome = session.archive(server.url(hostileCase.path()));
          String kind = outcome.failure() == null ? "ok" : outcome.failure().label();
          assertTrue(hostileCase.kinds().contains(kind), hostileCase.name() + ": got " + kind
              + " (" + outcome.reason() + "), expected one of " + hostileCase.kinds());
          PageOutcome good = session.archive(healthy.url("/story.html"));
          assertNull(good.failure(), "the healthy host is still archived: " + good.reason());
        }
      });
    }
    WarcFiles.assertValid(out.resolve(ArchiveSession.WARC_DIR));
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    peakHeap = Math.max(peakHeap, used);
    assertTrue(used < MAX_HEAP_AFTER, "heap after the case: " + (used >> 20) + " MiB");
  }

  private static byte[] binary(int n) {
    byte[] b = new byte[n];
    new java.util.Random(7).nextBytes(b);
    return b;
  }
}
