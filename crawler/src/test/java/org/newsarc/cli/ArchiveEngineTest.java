package org.newsarc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    // Two hosts: the hour-long Retry-After ends every input of its host at once, not the other's.
    try (TestSite site = new TestSite("127.0.0.41"); TestSite other = new TestSite("127.0.0.42")) {
      site.route("/busy", Reply.of(429, "text/plain", "later").withHeader("Retry-After", "1"));
      site.route("/calm", Reply.html(PAGE));
      for (String path : List.of("/closed", "/closed-too", "/closed-also")) {
        other.route(path, Reply.of(503, "text/plain", "later").withHeader("Retry-After", "3600"));
      }
      JsonNode results = run(site.url("/busy"), other.url("/closed"), other.url("/closed-too"),
          other.url("/closed-also"), site.url("/calm"));
      JsonNode busy = results.get(0);
      assertEquals("http-status", busy.get("failure").asText(), busy.toString());
      assertEquals(4, site.hits("/busy").size(), "asked once and again 3 times");
      assertEquals(4, busy.get("hops").size(), "every paced answer is archived");
      for (int i = 1; i < 4; i++) {
        long gap = site.hits("/busy").get(i).startNanos()
            - site.hits("/busy").get(i - 1).endNanos();
        assertTrue(gap >= 1_000_000_000L, "asked again after " + gap / 1e6 + " ms");
      }
      int asked = 0;
      for (int i = 1; i <= 3; i++) {
        JsonNode closed = results.get(i);
        assertEquals("http-status", closed.get("failure").asText(), closed.toString());
        assertTrue(closed.get("reason").asText().contains("asked for a pause of 60 min"),
            closed.toString());
        asked += other.hits(new java.net.URI(closed.get("url").asText()).getPath()).size();
      }
      assertEquals(1, asked, "one answer asking for an hour: the host is not asked again");
      assertEquals(true, results.get(4).get("ok").asBoolean(), results.get(4).toString());
      // One failure row per input that failed; the paced answers before the last add none.
      Map<String, Long> rows = failureRows();
      assertEquals(4, rows.size(), rows.toString());
      assertEquals(1L, rows.get(site.url("/busy")), rows.toString());
    }
  }

  /** Failure rows per URL in the run's catalog. */
  private Map<String, Long> failureRows() throws Exception {
    Map<String, Long> rows = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
        + out.resolve(org.newsarc.crawler.capture.ArchiveSession.CATALOG_FILE));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT url, count(*) FROM failures GROUP BY url")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getLong(2));
      }
    }
    return rows;
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
