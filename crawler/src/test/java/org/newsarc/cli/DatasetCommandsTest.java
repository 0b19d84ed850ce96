package org.newsarc.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export}, {@code search} and {@code reindex} as a researcher runs them on an archive. */
class DatasetCommandsTest {
  @TempDir static Path tmp;
  static Path archive;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @BeforeAll
  static void demo() {
    archive = tmp.resolve("demo");
    Run demo = run("demo", "--out", archive.toString(), "--delay", "0");
    assertEquals(0, demo.exit(), demo.out() + demo.err());
  }

  @Test
  void formatNamesInAnyCaseAndEndingsThatNoFormatHas() throws Exception {
    Path csv = tmp.resolve("x/out");
    Run ok = run("export", "--archive", archive.toString(), "--dataset", csv.toString(),
        "--format", "csv");
    assertEquals(0, ok.exit(), ok.err());
    assertTrue(Files.readString(csv).startsWith("id,url,"));
    Run upper = run("export", "--archive", archive.toString(), "--dataset",
        tmp.resolve("x/o.csv").toString(), "--format", "CSV");
    assertEquals(0, upper.exit(), upper.err());
    Path tsv = tmp.resolve("x/all.tsv");
    Run bad = run("export", "--archive", archive.toString(), "--dataset", tsv.toString());
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("'.tsv'"), bad.err());
    assertFalse(Files.exists(tsv));
    Run contra = run("export", "--archive", archive.toString(), "--dataset",
        tmp.resolve("x/a.csv").toString(), "--format", "parquet");
    assertEquals(2, contra.exit());
    assertTrue(contra.err().contains("contradicts"), contra.err());
  }

  @Test
  void theCatalogAndTheWarcFolderAreNeverWritten() throws Exception {
    long before = count("SELECT count(*) FROM articles");
    for (String target : new String[] {archive.resolve("newsarc.db").toString(),
        archive.resolve("warcs/rows.jsonl").toString()}) {
      Run r = run("export", "--archive", archive.toString(), "--dataset", target);
      assertEquals(2, r.exit(), target);
      assertTrue(r.err().contains("refusing"), r.err());
    }
    Run wacz = run("export", "--archive", archive.toString(), "--wacz",
        archive.resolve("newsarc.db").toString());
    assertEquals(2, wacz.exit());
    Path modeProbe = Files.createFile(tmp.resolve("probe"));
    Path good = tmp.resolve("w/demo.wacz");
    Run packed = run("export", "--archive", archive.toString(), "--wacz", good.toString());
    assertEquals(0, packed.exit(), packed.err());
    assertEquals(Files.getPosixFilePermissions(modeProbe), Files.getPosixFilePermissions(good),
        "a WACZ gets the mode of any new file under the umask");
    Path link = tmp.resolve("w/to-null.wacz");
    Files.createSymbolicLink(link, Path.of("/dev/null"));
    Run toDevice = run("export", "--archive", archive.toString(), "--wacz", link.toString());
    assertEquals(0, toDevice.exit(), toDevice.err());
    assertTrue(Files.isSymbolicLink(link), "a link to a device is written through, not replaced");
    assertEquals(before, count("SELECT count(*) FROM articles"), "the catalog still works");
    assertTrue(Files.list(archive.resolve("warcs")).noneMatch(p -> p.toString().endsWith(".jsonl")));
  }

  @Test
  void dashStreamsRowsToStandardOutputAndTheReportToStandardError() throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Run r;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      r = run("export", "--archive", archive.toString(), "--dataset", "-");
    } finally {
      System.setOut(stdout);
    }
    assertEquals(0, r.exit(), r.err());
    String rows = captured.toString(StandardCharsets.UTF_8);
    long lines = rows.lines().count();
    assertEquals(count("SELECT count(*) FROM articles WHERE article_signal >= 0.5"), lines);
    new ObjectMapper().readTree(rows.lines().findFirst().orElseThrow());
    assertTrue(r.err().contains("to standard output"), r.err());
    assertFalse(Files.exists(Path.of("-")), "no file named -");
  }

  @Test
  void theExportSaysWhatEachFilterLeftOut() {
    Run r = run("export", "--archive", archive.toString(), "--dataset",
        tmp.resolve("f/none.jsonl").toString(), "--query", "zzyzxnotaword");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("Wrote 0 article(s)"), r.out());
    assertTrue(r.out().matches("(?s).*Left out \\d+ row\\(s\\): not matching the query.*"), r.out());
    Run bad = run("export", "--archive", archive.toString(), "--dataset",
        tmp.resolve("f/bad.jsonl").toString(), "--query", "AND (");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("malformed search query"), bad.err());
    assertFalse(Files.exists(tmp.resolve("f/bad.jsonl")));
  }

  @Test
  void searchRanksHighlightsAndExplainsAMalformedQuery() throws Exception {
    String title;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + archive.resolve("newsarc.db"));
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT title FROM articles WHERE article_signal >= 0.5 ORDER BY id LIMIT 1")) {
      title = rs.getString(1);
    }
    String word = java.util.Arrays.stream(title.split("[^\\p{L}]+"))
        .filter(w -> w.length() >= 5).findFirst().orElseThrow();
    Run r = run("search", word, "--archive", archive.toString(), "--json", "--limit", "3");
    assertEquals(0, r.exit(), r.err());
    JsonNode hits = new ObjectMapper().readTree(r.out());
    assertTrue(hits.size() >= 1, r.out());
    assertTrue(hits.get(0).get("snippet").asText().contains("<b>")
        || hits.get(0).get("title").asText().contains(word), r.out());
    Run text = run("search", word, "--archive", archive.toString(), "--site", "127.0.0.1");
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().startsWith("1. "), text.out());
    Run bad = run("search", "AND AND (", "--archive", archive.toString());
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("malformed search query"), bad.err());
    assertFalse(bad.err().contains("SQLITE_ERROR"), bad.err());
  }

  @Test
  void reindexKeepsStoryIdsAndTheFailureOfAnArchived404() throws Exception {
    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    try {
      server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
      server.stubFor(get("/gone.html").willReturn(aResponse().withStatus(404)
          .withHeader("Content-Type", "text/html").withBody("<html><p>Not found</p></html>")));
      String url = "http://127.0.0.1:" + server.port() + "/gone.html";
      Run a = run("archive", "--out", archive.toString(), "--delay", "0",
          "--allow-addresses", "127.0.0.1/32", url);
      assertEquals(1, a.exit(), a.out() + a.err());
    } finally {
      server.stop();
    }
    String failures = "SELECT count(*) FROM failures f JOIN captures c ON c.id = f.capture_id"
        + " WHERE f.kind = 'http-status' AND c.status = 404";
    assertEquals(1, count(failures));
    Map<String, Long> stories = stories();
    Run r = run("reindex", "--archive", archive.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(1, count(failures), "the 404's failure row survives reindex, tied to its capture");
    assertEquals(stories, stories(), "story ids are the same after reindex");
  }

  private static Map<String, Long> stories() throws Exception {
    Map<String, Long> m = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + archive.resolve("newsarc.db"));
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT url, story_id FROM articles ORDER BY url")) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getLong(2));
      }
    }
    return m;
  }

  private static long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + archive.resolve("newsarc.db"));
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.getLong(1);
    }
  }
}
