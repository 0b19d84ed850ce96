package org.newsarc.archive.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.CaptureRow;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.StoredCapture;
import org.newsarc.extractor.Article;

class DatasetExporterTest {
  private static final Instant T = Instant.parse("2024-05-01T00:00:00Z");
  @TempDir Path dir;
  Catalog catalog;
  DatasetExporter exporter;

  @BeforeEach
  void fill() throws IOException {
    catalog = Catalog.open(dir.resolve("newsarc.db"));
    exporter = new DatasetExporter(catalog, Clock.fixed(T, ZoneOffset.UTC), "newsarc test");
    add("https://news.example.org/a?utm_source=x", "https://news.example.org/a", "Ferry fares rise",
        "en-GB", "2024-03-01T10:00:00Z", "Fares rise, says \"the operator\".\n\nSecond paragraph.", 0.9);
    add("https://news.example.org/a", "https://news.example.org/a", "Ferry fares rise (updated)",
        "en-GB", "2024-03-01T10:00:00Z", "Fares rise by 8%.\n\nSecond paragraph.", 0.9);
    add("https://zeitung.example.de/b", null, "Neue Fähre", "de", "2023-11-08T18:05:00+01:00",
        "Die Fähre fährt wieder.", 0.8);
    add("https://mirror.example.net/c", null, "Copy of the German story", "de", "2023-11-09",
        "Die Fähre fährt wieder.", 0.8);
    add("https://news.example.org/", null, "Front page", "en", null, "Latest news", 0.1);
  }

  @Test
  void jsonlKeepsArticlesOncePerCanonicalUrlAndText() throws Exception {
    DatasetExporter.Summary s = exporter.export(DatasetQuery.all(), DatasetFormat.JSONL,
        dir.resolve("out/all.jsonl"));
    List<String> lines = Files.readAllLines(s.file());
    assertEquals(2, lines.size(), lines.toString());
    assertEquals(2, s.duplicatesDropped(), "an older capture of one canonical URL, one same text");
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertEquals("Neue Fähre", first.get("title").asText(), "ordered by publication date");
    assertTrue(first.get("authors").isArray());
    JsonNode second = new ObjectMapper().readTree(lines.get(1));
    assertEquals("Ferry fares rise (updated)", second.get("title").asText(), "latest capture wins");
    String card = Files.readString(s.dataCard());
    assertTrue(card.contains("| `payload_digest` |"));
    assertTrue(card.startsWith("---\npretty_name: \"all.jsonl\"\nlanguage:\n  - de\n  - en\n"),
        card);
    assertTrue(card.contains("license: other  # FILL IN"), card);
    assertTrue(card.contains("## Rows by month of publication"), card);
    assertTrue(card.contains("| 2024-03 | 1 |"), card);
    assertTrue(card.contains("| `authors` | list | 2 |"), "rows with a value per column");
    assertTrue(card.contains("## From a row to its WARC record"), card);
    assertTrue(card.contains("@software{newsarc"), card);
    assertTrue(card.contains("| first fetch | 2024-05-01T00:00:00Z |"), card);
    assertTrue(card.contains("| https://news.example.org/a?utm_source=x | "), "dropped rows listed");
  }

  @Test
  void filtersBySiteDateLanguageAndQuery() throws Exception {
    assertEquals(1, rows(new DatasetQuery(List.of(), null, null, List.of("en"), null, 0, true,
        true, 0)));
    assertEquals(1, rows(new DatasetQuery(List.of("example.de"), null, null, List.of(), null, 0,
        true, true, 0)));
    assertEquals(1, rows(new DatasetQuery(List.of(), "2024-01-01", "2024-12-31", List.of(), null,
        0, true, true, 0)));
    assertEquals(1, rows(new DatasetQuery(List.of(), null, null, List.of(), "fares", 0, true,
        true, 0)));
    assertEquals(5, rows(new DatasetQuery(List.of(), null, null, List.of(), null, 0, false,
        false, 0)));
  }

  @Test
  void csvQuotesFieldsAndSqliteDocumentsColumns() throws Exception {
    DatasetQuery everything = new DatasetQuery(List.of(), null, null, List.of(), null, 0, false,
        false, 0);
    Path csv = exporter.export(everything, DatasetFormat.CSV, dir.resolve("all.csv")).file();
    String content = Files.readString(csv);
    assertTrue(content.startsWith("id,url,canonical_url,title,"));
    assertTrue(content.contains("\"Fares rise, says \"\"the operator\"\".\n\nSecond paragraph.\""));

    Path db = exporter.export(everything, DatasetFormat.SQLITE, dir.resolve("all.db")).file();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM dataset_info)")) {
      assertEquals(5, rs.getInt(1));
      assertEquals(DatasetField.ALL.size(), rs.getInt(2));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("SELECT a.title FROM articles_fts f"
            + " JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH 'fähre' ORDER BY rank")) {
      assertTrue(rs.next(), "the SQLite export carries its own full-text index");
      assertEquals("Neue Fähre", rs.getString(1));
    }
    assertTrue(content.contains(",A. Writer,"), "CSV joins authors with '; '");
  }

  @Test
  void aFailedExportLeavesNothingBehind() throws Exception {
    Path target = dir.resolve("bad/out.jsonl");
    DatasetQuery broken = new DatasetQuery(List.of(), null, null, List.of(), "AND AND (", 0,
        true, true, 0);
    assertThrows(IOException.class, () -> exporter.export(broken, DatasetFormat.JSONL, target));
    try (Stream<Path> left = Files.list(target.getParent())) {
      assertFalse(left.findAny().isPresent(), "no partial or temporary file");
    }
  }

  @Test
  void badDatesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new DatasetQuery(List.of(), "May 2024",
        null, List.of(), null, 0, true, true, 0));
  }

  private int rows(DatasetQuery q) throws IOException {
    return exporter.export(q, DatasetFormat.JSONL, dir.resolve("q.jsonl")).rows();
  }

  private void add(String url, String canonical, String title, String lang, String published,
      String text, double signal) throws IOException {
    long id = catalog.addCapture(new CaptureRow(url, url, T, 200, "text/html", "127.0.0.1", null,
        new StoredCapture("x.warc.gz", 0, 10, "<urn:uuid:" + java.util.UUID.randomUUID() + ">",
            "sha1:AAAA", T, false)));
    catalog.addArticle(id, Article.newBuilder(url).canonicalUrl(canonical).title(title)
        .language(lang).published(published).text(text).articleSignal(signal)
        .authors(List.of("A. Writer")).build(), "test", T);
  }
}
