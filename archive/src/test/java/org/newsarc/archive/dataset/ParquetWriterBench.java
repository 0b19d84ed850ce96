package org.newsarc.archive.dataset;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.CaptureRow;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.StoredCapture;
import org.newsarc.extractor.Article;

/**
 * The measurement behind the choice of Parquet writer: parquet-java (the export) against DuckDB
 * JDBC's {@code COPY ... TO} over the same rows. Runs only with {@code -Dnewsarc.bench=true}:
 * {@code mvn -pl archive -am test -Dtest=ParquetWriterBench -Dnewsarc.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ParquetWriterBench {
  @TempDir Path dir;

  @Test
  void compareWriters() throws Exception {
    assumeTrue(Boolean.getBoolean("newsarc.bench"), "a benchmark; -Dnewsarc.bench=true runs it");
    Instant t = Instant.parse("2024-05-01T00:00:00Z");
    int n = 5000;
    String para = "The council voted on Tuesday to extend the tram line to the harbour, at a"
        + " cost of 412 million euros, with eleven new stops and a station for the campus. ";
    try (Catalog catalog = Catalog.open(dir.resolve("newsarc.db"))) {
      catalog.inTransaction(() -> {
        for (int i = 0; i < n; i++) {
          String url = "https://site" + (i % 20) + ".example/a/" + i;
          long id = catalog.addCapture(new CaptureRow(url, url, t, 200, "text/html", "127.0.0.1",
              null, new StoredCapture("x.warc.gz", i * 1000L, 900, "<urn:uuid:" + i + ">",
                  "sha1:A" + i, t, false)));
          catalog.addArticle(id, Article.newBuilder(url).title("Story " + i)
              .authors(List.of("A. Writer")).published("2024-03-01T10:00:00Z")
              .text((para + i + " ").repeat(12)).articleSignal(0.9).build(), "bench", t);
        }
        return null;
      });
      DatasetExporter ex = new DatasetExporter(catalog, Clock.fixed(t, ZoneOffset.UTC), "bench");
      DatasetQuery all = new DatasetQuery(List.of(), null, null, List.of(), null, 0, false, false, 0);
      for (int round = 0; round < 3; round++) {
        long a = System.nanoTime();
        Path jsonl = ex.export(all, DatasetFormat.JSONL, dir.resolve("all.jsonl")).file();
        long b = System.nanoTime();
        Path pq = ex.export(all, DatasetFormat.PARQUET, dir.resolve("all.parquet")).file();
        long c = System.nanoTime();
        Path duck = dir.resolve("duck.parquet");
        Files.deleteIfExists(duck);
        try (Connection d = DriverManager.getConnection("jdbc:duckdb:")) {
          d.createStatement().execute("COPY (SELECT * FROM read_json_auto('" + jsonl
              + "')) TO '" + duck + "' (FORMAT parquet)");
        }
        long e = System.nanoTime();
        System.out.printf("rows %d: jsonl %d ms (%d KB); parquet-java %d ms (%d KB);"
            + " duckdb COPY from the jsonl %d ms (%d KB)%n", n, (b - a) / 1_000_000,
            Files.size(jsonl) / 1024, (c - b) / 1_000_000, Files.size(pq) / 1024,
            (e - c) / 1_000_000, Files.size(duck) / 1024);
      }
    }
  }
}
