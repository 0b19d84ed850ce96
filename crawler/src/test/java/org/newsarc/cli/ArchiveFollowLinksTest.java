package org.newsarc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;

/**
 * {@code archive --follow-links N}: the pages linked from the inputs are archived up to N hops,
 * on the input's site only, each URL once per run, robots.txt obeyed, each reported as
 * discovered with the input it came from; their failures leave the exit code alone, 0
 * follows nothing, and {@code --no-extract} still reads the links.
 */
class ArchiveFollowLinksTest {
  private static final String SITE = "127.0.0.43";
  private static final String OFF_SITE = "127.0.0.44";

  @TempDir
  Path out;

  private static String page(String title, String... hrefs) {
    StringBuilder links = new StringBuilder();
    for (String h : hrefs) {
      links.append("<li><a href=\"").append(h).append("\">").append(h).append("</a></li>");
    }
    return "<html><head><title>" + title + "</title></head><body><article><h1>" + title
        + "</h1><p>The harbour board met on Tuesday and agreed the new mooring fees for the"
        + " coming season after a long debate.</p></article><ul>" + links + "</ul></body></html>";
  }

  private static void serve(TestSite site, TestSite other) {
    site.route("/robots.txt", Reply.of(200, "text/plain", "User-agent: *\nDisallow: /private\n"));
    site.route("/start", Reply.html(page("Start", "/a", "/b", "/a#again", "/private/x",
        other.url("/off"), "/start")));
    site.route("/a", Reply.html(page("A", "/c", "/b")));
    site.route("/b", Reply.html(page("B", "/d")));
    site.route("/c", Reply.html(page("C", "/e")));
    site.route("/d", Reply.html(page("D")));
    site.route("/e", Reply.html(page("E")));
    site.route("/private/x", Reply.html(page("Private")));
    other.route("/off", Reply.html(page("Off")));
  }

  @Test
  void depthOneFetchesTheInputsLinksOnItsSiteOnce() throws Exception {
    try (TestSite site = new TestSite(SITE); TestSite other = new TestSite(OFF_SITE)) {
      serve(site, other);
      Result r = run(site, 1, true, "/start");
      assertEquals(0, r.exit, "a discovered page that fails does not fail the run");
      assertEquals(Set.of("/robots.txt", "/start", "/a", "/b"), paths(site));
      assertEquals(1, site.hits("/a").size(), "a link seen twice is fetched once");
      assertEquals(1, site.hits("/start").size(), "a link back to the input is not refetched");
      assertTrue(other.hits().isEmpty(), "off-site links are not followed");
      assertEquals(1, site.maxInFlight());
      JsonNode start = r.results.get(0);
      assertTrue(start.get("ok").asBoolean() && start.get("discovered").isNull(), start.toString());
      List<String> found = new ArrayList<>();
      for (JsonNode d : r.results) {
        if (!d.get("discovered").isNull()) {
          found.add(d.get("url").asText().substring(site.base().length()));
          assertEquals(site.url("/start"), d.get("discovered").get("input").asText());
          assertEquals(0, d.get("discovered").get("input_index").asInt());
          assertEquals(1, d.get("discovered").get("depth").asInt());
          assertEquals(site.url("/start"), d.get("discovered").get("found_on").asText());
        }
      }
      assertEquals(new TreeSet<>(List.of("/a", "/b", "/private/x")), new TreeSet<>(found));
      JsonNode blocked = byPath(r.results, site, "/private/x");
      assertFalse(blocked.get("ok").asBoolean(), blocked.toString());
      assertEquals("robots", blocked.get("failure").asText(), blocked.toString());
      assertEquals(1, r.doc.get("discovered_failed").asInt());
      assertEquals(2, r.doc.get("discovered_archived").asInt());
      assertEquals(1, r.doc.get("archived").asInt());
    }
  }

  @Test
  void depthTwoFollowsOneHopMore() throws Exception {
    try (TestSite site = new TestSite(SITE); TestSite other = new TestSite(OFF_SITE)) {
      serve(site, other);
      Result r = run(site, 2, true, "/start");
      assertEquals(Set.of("/robots.txt", "/start", "/a", "/b", "/c", "/d"), paths(site));
      for (String p : List.of("/start", "/a", "/b", "/c", "/d")) {
        assertEquals(1, site.hits(p).size(), p + " fetched once");
      }
      assertTrue(other.hits().isEmpty());
      JsonNode c = byPath(r.results, site, "/c");
      assertEquals(2, c.get("discovered").get("depth").asInt(), c.toString());
      assertEquals(site.url("/a"), c.get("discovered").get("found_on").asText());
      assertEquals(site.url("/start"), c.get("discovered").get("input").asText());
    }
  }

  @Test
  void zeroFollowsNothing() throws Exception {
    try (TestSite site = new TestSite(SITE); TestSite other = new TestSite(OFF_SITE)) {
      serve(site, other);
      Result r = run(site, 0, true, "/start", "/a");
      assertEquals(Set.of("/robots.txt", "/start", "/a"), paths(site));
      assertEquals(2, r.results.size());
      for (JsonNode x : r.results) {
        assertTrue(x.get("discovered").isNull(), x.toString());
      }
      assertEquals(0, r.doc.get("discovered_archived").asInt());
    }
  }

  @Test
  void withoutExtractionPagesAreStillParsedForTheirLinks() throws Exception {
    try (TestSite site = new TestSite(SITE); TestSite other = new TestSite(OFF_SITE)) {
      serve(site, other);
      Result r = run(site, 2, false, "/start");
      assertEquals(Set.of("/robots.txt", "/start", "/a", "/b", "/c", "/d"), paths(site),
          "the same pages as with extraction");
      for (JsonNode x : r.results) {
        assertTrue(x.get("title") == null, "nothing extracted: " + x);
      }
      assertTrue(other.hits().isEmpty());
    }
  }

  @Test
  void outOfRangeDepthIsAUsageError() {
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
        new String[] {"archive", "--out", out.toString(), "--follow-links", "9",
            "http://example.org/"});
    assertEquals(2, exit);
    assertTrue(err.toString().contains("--follow-links must be between 0 and 5"), err.toString());
  }

  private record Result(int exit, JsonNode doc, JsonNode results) {}

  private Result run(TestSite site, int depth, boolean extract, String... paths)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("archive", "--out",
        out.resolve("run-" + depth + "-" + extract).toString(), "--delay", "0", "--json",
        "--follow-links", Integer.toString(depth),
        "--allow-addresses", SITE + "/32," + OFF_SITE + "/32"));
    if (!extract) {
      args.add("--no-extract");
    }
    for (String p : paths) {
      args.add(site.url(p));
    }
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int exit = Main.run(new PrintWriter(o), new PrintWriter(e), args.toArray(new String[0]));
    assertTrue(exit == 0 || exit == 1, o + "\n" + e);
    JsonNode doc = new ObjectMapper().readTree(o.toString());
    return new Result(exit, doc, doc.get("results"));
  }

  private static Set<String> paths(TestSite site) {
    Set<String> paths = new TreeSet<>();
    site.hits().forEach(h -> paths.add(h.path()));
    return paths;
  }

  private static JsonNode byPath(JsonNode results, TestSite site, String path) {
    for (JsonNode r : results) {
      if (r.get("url").asText().equals(site.url(path))) {
        return r;
      }
    }
    throw new AssertionError("no result for " + path + ": " + results);
  }
}
