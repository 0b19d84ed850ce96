package org.newsarc.archive.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.CaptureRow;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.StoredCapture;
import org.newsarc.extractor.Article;

/** The Parquet export, read back by an independent reader (DuckDB) and compared with JSONL. */
class ParquetExportTest {
  private static final Instant T = Instant.parse("2024-05-01T08:30:00Z");
  @TempDir Path dir;

  @Test
  void duckDbReadsEveryRowAsTheJsonlExportHasIt() throws Exception {
    DatasetQuery everything = new DatasetQuery(List.of(), null, null, List.of(), null, 0, false,
        false, 0);
    Path jsonl;
    Path parquet;
    try (Catalog catalog = Catalog.open(dir.resolve("newsarc.db"))) {
      add(catalog, "https://a.example.org/1", "Fähre \"fährt\"", List.of("Ana Ruiz", "Bo Li"),
          "2024-03-01T10:00:00+01:00", "Text, with commas.\n\nAnd a second paragraph.", 0.9);
      add(catalog, "https://b.example.org/2", null, List.of(), "2023-11-09", "Kurz.", 0.2);
      add(catalog, "https://c.example.org/3", "Undated", List.of("Solo"), null, "日本語の本文", 0.7);
      DatasetExporter ex = new DatasetExporter(catalog, Clock.fixed(T, ZoneOffset.UTC), "t");
      jsonl = ex.export(everything, DatasetFormat.JSONL, dir.resolve("all.jsonl")).file();
      parquet = ex.export(everything, DatasetFormat.PARQUET, dir.resolve("all.parquet")).file();
    }
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> expected = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl)) {
      expected.add(json.readTree(line));
    }
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement()) {
      Map<String, String> types = new HashMap<>();
      try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + parquet + "')")) {
        while (rs.next()) {
          types.put(rs.getString(1), rs.getString(2));
        }
      }
      assertEquals("BIGINT", types.get("id"));
      assertEquals("BIGINT", types.get("word_count"));
      assertEquals("DOUBLE", types.get("article_signal"));
      assertEquals("TIMESTAMP WITH TIME ZONE", types.get("published"));
      assertEquals("TIMESTAMP WITH TIME ZONE", types.get("fetched_at"));
      assertEquals("VARCHAR[]", types.get("authors"));
      assertEquals(DatasetField.ALL.size(), types.size());
      int i = 0;
      try (ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + parquet + "')")) {
        while (rs.next()) {
          JsonNode want = expected.get(i++);
          for (DatasetField f : DatasetField.ALL) {
            compare(f, want.get(f.name()), rs.getObject(f.name()));
          }
        }
      }
      assertEquals(expected.size(), i, "every row");
    }
  }

  private static void compare(DatasetField f, JsonNode want, Object got) throws Exception {
    String where = f.name() + ": " + want + " vs " + got;
    if (want == null || want.isNull()) {
      if (f.kind() == DatasetField.Kind.LIST) {
        assertEquals(0, got == null ? 0 : ((Object[]) ((Array) got).getArray()).length, where);
      } else {
        assertNull(got, where);
      }
      return;
    }
    switch (f.kind()) {
      case INT64 -> assertEquals(want.asLong(), ((Number) got).longValue(), where);
      case DOUBLE -> assertEquals(want.asDouble(), ((Number) got).doubleValue(), where);
      case STRING -> assertEquals(want.asText(), got.toString(), where);
      case TIMESTAMP -> assertEquals(ParquetDatasetWriter.instant(want.asText()),
          ((OffsetDateTime) got).toInstant(), where);
      case LIST -> {
        List<String> items = new ArrayList<>();
        want.forEach(n -> items.add(n.asText()));
        List<String> read = new ArrayList<>();
        for (Object o : (Object[]) ((Array) got).getArray()) {
          read.add(o.toString());
        }
        assertEquals(items, read, where);
      }
      default -> throw new IllegalStateException(f.kind().name());
    }
  }

  private static void add(Catalog catalog, String url, String title, List<String> authors,
      String published, String text, double signal) throws IOException {
    long id = catalog.addCapture(new CaptureRow(url, url, T, 200, "text/html", "127.0.0.1", null,
        new StoredCapture("x.warc.gz", 123, 456, "<urn:uuid:" + java.util.UUID.randomUUID() + ">",
            "sha1:AAAA", T, false)));
    catalog.addArticle(id, Article.newBuilder(url).title(title).authors(authors)
        .published(published).text(text).articleSignal(signal).tags(List.of("x", "y")).build(),
        "test", T);
  }
}
