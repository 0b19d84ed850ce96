package org.newsarc.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.CatalogRebuilder;
import org.newsarc.archive.dataset.DatasetExporter;
import org.newsarc.archive.dataset.DatasetFormat;
import org.newsarc.archive.dataset.DatasetQuery;
import org.newsarc.extractor.ArticleExtractor;

/**
 * What {@code newsarc reindex} followed by {@code newsarc export --all-pages --keep-duplicates}
 * gives (the archive calls those commands make), and the rows of a JSONL dataset, for the
 * agreement tests.
 */
final class Reindexed {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The exported rows and the reindex warnings. */
  record Export(List<JsonNode> rows, List<String> warnings) {}

  private Reindexed() {}

  static Export reindexThenExport(List<Path> warcFiles, Path scratch) throws IOException {
    Path db = scratch.resolve("reindexed-" + System.nanoTime() + ".db");
    Path jsonl = scratch.resolve("export-" + System.nanoTime() + ".jsonl");
    Clock clock = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);
    List<String> warnings;
    try (Catalog catalog = Catalog.open(db)) {
      warnings = CatalogRebuilder.rebuild(warcFiles, catalog, new ArticleExtractor(), clock)
          .warnings();
      new DatasetExporter(catalog, clock, "newsarc test").export(
          new DatasetQuery(List.of(), null, null, List.of(), null, 0, false, false, 0),
          DatasetFormat.JSONL, jsonl);
    }
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl)) {
      rows.add(JSON.readTree(line));
    }
    return new Export(rows, warnings);
  }

  /** The rows of a JSONL dataset folder, part by part. */
  static List<JsonNode> readJsonl(Path folder) throws IOException {
    List<Path> parts;
    try (Stream<Path> s = Files.list(folder)) {
      parts = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
    }
    List<JsonNode> rows = new ArrayList<>();
    for (Path part : parts) {
      for (String line : Files.readAllLines(part)) {
        if (!line.isBlank()) {
          rows.add(JSON.readTree(line));
        }
      }
    }
    return rows;
  }

  /** Field name to its JSON text, so 5 and 5L compare equal; story ids left out. */
  static Map<String, String> normal(JsonNode row) {
    Map<String, String> fields = new TreeMap<>();
    // Story ids come from clustering, which `stories` does on the extracted dataset.
    row.properties().stream().filter(e -> !e.getKey().equals("story_id"))
        .forEach(e -> fields.put(e.getKey(), e.getValue().toString()));
    return fields;
  }

  /** Asserts the same rows in the same order, naming the first row and fields that differ. */
  static void assertSameRows(List<Map<String, String>> expected, List<Map<String, String>> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      Map<String, String> e = expected.get(i);
      Map<String, String> a = actual.get(i);
      if (!e.equals(a)) {
        List<String> fields = e.keySet().stream().filter(k -> !e.get(k).equals(a.get(k)))
            .map(k -> k + ": " + abbreviate(e.get(k)) + " != " + abbreviate(a.get(k))).toList();
        org.junit.jupiter.api.Assertions.fail("row " + i + " (" + e.get("url") + " at "
            + e.get("warc_offset") + ") differs: " + fields);
      }
    }
    org.junit.jupiter.api.Assertions.assertEquals(expected.size(), actual.size(), "rows");
  }

  private static String abbreviate(String s) {
    return s == null || s.length() <= 120 ? s : s.substring(0, 120) + "...";
  }

  /** The rows as comparable maps. */
  static List<Map<String, String>> normal(List<JsonNode> rows) {
    return rows.stream().map(Reindexed::normal).toList();
  }
}
