package org.newsarc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;

/**
 * {@code archive} as a bounded run of the crawl engine: redirects are frontier URLs of their
 * own yet each input reports its whole hop chain, an input given twice is fetched twice, a
 * redirect loop ends its input, and a second run fetches every URL again.
 */
class ArchiveEngineTest {
  static final String PAGE = "<html><head><title>Quay</title></head><body><article><h1>Quay"
      + "</h1><p>The quay was repaired over the winter and opens again on Monday morning.</p>"
      + "</article></body></html>";

  @TempDir
  Path out;

  @Test
  void eachInputKeepsItsChainAndRepeatsAreFetchedAgain() throws Exception {
    try (TestSite site = new TestSite("127.0.0.41")) {
      site.route("/page", Reply.html(PAGE));
      site.route("/a", Reply.of(301, "text/plain", "").withHeader("Location", "/page"));
      site.route("/b", Reply.of(302, "text/plain", "").withHeader("Location", "/page"));
      site.route("/loop1", Reply.of(302, "text/plain", "").withHeader("Location", "/loop2"));
      site.route("/loop2", Reply.of(302, "text/plain", "").withHeader("Location", "/loop1"));
      JsonNode results = run(site, "/a", "/b", "/page", "/page", "/loop1");
      assertEquals(5, results.size());
      for (int i = 0; i < 2; i++) {
        JsonNode r = results.get(i);
        assertTrue(r.get("ok").asBoolean(), r.toString());
        assertEquals(2, r.get("hops").size(), "redirect and page: " + r);
        assertEquals(site.url("/page"), r.get("final_url").asText());
      }
      assertTrue(results.get(2).get("ok").asBoolean() && results.get(3).get("ok").asBoolean());
      JsonNode loop = results.get(4);
      assertEquals("redirects", loop.get("failure").asText(), loop.toString());
      assertTrue(loop.get("reason").asText().startsWith("redirect loop at "), loop.toString());
      assertEquals(2, loop.get("hops").size(), loop.toString());
      assertEquals(4, site.hits("/page").size(), "two redirects and two inputs, each fetched");
      assertEquals(1, site.maxInFlight());

      run(site, "/page");
      assertEquals(5, site.hits("/page").size(), "a second run fetches the URL again");
      assertEquals(1, site.hits("/robots.txt").size(),
          "robots.txt rules are kept in the catalog between runs");
    }
  }

  /**
   * A host that keeps pacing: each input is asked again after the wait at most 3 times, then
   * fails with its status; a Retry-After longer than a run waits for fails at once.
   */
  @Test
  void pacingIsObeyedAndBounded() throws Exception {
    // Two hosts: the hour-long Retry-After holds its host (up to the 60 s cap), not the other.
    try (TestSite site = new TestSite("127.0.0.41"); TestSite other = new TestSite("127.0.0.42")) {
      site.route("/busy", Reply.of(429, "text/plain", "later").withHeader("Retry-After", "1"));
      other.route("/closed", Reply.of(503, "text/plain", "later")
          .withHeader("Retry-After", "3600"));
      JsonNode results = run(site.url("/busy"), other.url("/closed"));
      JsonNode busy = results.get(0);
      assertEquals("http-status", busy.get("failure").asText(), busy.toString());
      assertEquals(4, site.hits("/busy").size(), "asked once and again 3 times");
      assertEquals(4, busy.get("hops").size(), "every paced answer is archived");
      for (int i = 1; i < 4; i++) {
        long gap = site.hits("/busy").get(i).startNanos()
            - site.hits("/busy").get(i - 1).endNanos();
        assertTrue(gap >= 1_000_000_000L, "asked again after " + gap / 1e6 + " ms");
      }
      JsonNode closed = results.get(1);
      assertEquals("http-status", closed.get("failure").asText(), closed.toString());
      assertEquals(1, other.hits("/closed").size(), "an hour's wait is not sat out");
    }
  }

  private JsonNode run(TestSite site, String... paths) throws Exception {
    String[] urls = new String[paths.length];
    for (int i = 0; i < paths.length; i++) {
      urls[i] = site.url(paths[i]);
    }
    return run(urls);
  }

  private JsonNode run(String... urls) throws Exception {
    String[] args = new String[8 + urls.length];
    String[] head = {"archive", "--out", out.toString(), "--delay", "0", "--json",
        "--allow-addresses", "127.0.0.41/32,127.0.0.42/32"};
    System.arraycopy(head, 0, args, 0, head.length);
    System.arraycopy(urls, 0, args, head.length, urls.length);
    StringWriter o = new StringWriter();
    int exit = Main.run(new PrintWriter(o), new PrintWriter(new StringWriter()), args);
    JsonNode doc = new ObjectMapper().readTree(o.toString());
    assertTrue(exit == 0 || exit == 1, o.toString());
    return doc.get("results");
  }
}
