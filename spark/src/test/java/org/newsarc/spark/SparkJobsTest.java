package org.newsarc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.CdxjIndex;
import org.newsarc.spark.internal.WarcInputs;

/** The Spark jobs in local mode against what reindex, export and index give on one archive. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkJobsTest {
  Path dir;
  SparkSession spark;
  Path warcs;
  List<String> files;

  @BeforeAll
  void start(@TempDir Path tmp) throws IOException {
    dir = tmp;
    warcs = DemoArchive.write(dir, 20_000);
    spark = SparkSession.builder().master("local[2]").appName("newsarc-spark test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
    files = WarcInputs.expand(warcs.toString(), spark.sparkContext().hadoopConfiguration());
  }

  @AfterAll
  void stop() {
    spark.stop();
  }

  @Test
  void extractGivesTheRowsOfReindexThenExport() throws IOException {
    assertTrue(files.size() >= 3, "rotated into several files: " + files);
    List<JsonNode> expected = reindexThenExport(CdxjIndex.warcFiles(warcs));
    Path out = dir.resolve("spark-out");
    JobReport report = new ExtractJob(spark).run(files, out.toString(), ExtractJob.Format.JSONL,
        false);
    List<JsonNode> actual = readJsonl(out);

    assertTrue(report.clean(), "problems: " + report.problems());
    assertEquals(expected.size(), report.rows());
    assertTrue(expected.size() >= 20, "both copies of the pages extracted: " + expected.size());
    Reindexed.assertSameRows(Reindexed.normal(expected), Reindexed.normal(actual));
    // Some copies are revisits of a response in an earlier file: those were resolved too.
    Map<String, String> fileOfOriginal = new HashMap<>();
    long acrossFiles = 0;
    for (JsonNode r : actual) {
      if (!r.get("url").asText().contains("utm_source")) {
        fileOfOriginal.put(r.get("payload_digest").asText(), r.get("warc_file").asText());
      }
    }
    for (JsonNode r : actual) {
      String original = fileOfOriginal.get(r.get("payload_digest").asText());
      if (r.get("url").asText().contains("utm_source") && original != null
          && !original.equals(r.get("warc_file").asText())) {
        acrossFiles++;
      }
    }
    assertTrue(acrossFiles > 0, "the archive has revisits across files");
  }

  @Test
  void aCorruptedFileIsSkippedAndCounted() throws IOException {
    Path mixed = Files.createDirectories(dir.resolve("mixed"));
    Path good = CdxjIndex.warcFiles(warcs).get(0);
    Files.copy(good, mixed.resolve(good.getFileName()));
    Files.write(mixed.resolve("zz-garbage.warc.gz"),
        "this is not a WARC file\r\n\r\n".repeat(40).getBytes(StandardCharsets.US_ASCII));
    byte[] whole = Files.readAllBytes(CdxjIndex.warcFiles(warcs).get(1));
    Files.write(mixed.resolve("zz-cut.warc.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    List<String> inputs = WarcInputs.expand(mixed.toString(),
        spark.sparkContext().hadoopConfiguration());

    JobReport report = new ExtractJob(spark).run(inputs, dir.resolve("mixed-out").toString(),
        ExtractJob.Format.PARQUET, false);

    assertEquals(3, report.files());
    assertTrue(report.badFiles() + report.problems().size() >= 2, "both bad files counted: " + report);
    assertTrue(report.problems().stream().anyMatch(p -> p.contains("zz-garbage.warc.gz")),
        report.problems().toString());
    assertTrue(report.problems().stream().anyMatch(p -> p.contains("zz-cut.warc.gz")),
        report.problems().toString());
    assertTrue(report.rows() >= 1, "the good file's rows are still written");
    assertTrue(!report.clean());
  }

  @Test
  void indexIsTheSortedIndexNewsarcWrites() throws IOException {
    StringWriter expected = new StringWriter();
    CdxjIndex.write(CdxjIndex.warcFiles(warcs), expected);
    Path out = dir.resolve("all.cdxj");
    JobReport report = new IndexJob(spark).run(files, out.toString());
    assertTrue(report.clean(), report.problems().toString());
    assertEquals(expected.toString(), Files.readString(out));
  }

  @Test
  void storiesGroupTheCopiesOfEachPage() throws IOException {
    Path data = dir.resolve("stories-in");
    new ExtractJob(spark).run(files, data.toString(), ExtractJob.Format.PARQUET, false);
    Path out = dir.resolve("stories-out");
    StoriesJob.Summary summary = new StoriesJob(spark).run(data.toString(), out.toString(),
        ExtractJob.Format.PARQUET, ExtractJob.Format.JSONL);
    Map<String, Long> storyOfPage = new HashMap<>();
    for (JsonNode row : readJsonl(out)) {
      String page = row.get("url").asText().replace("?utm_source=feed", "");
      long story = row.get("story_id").asLong();
      Long before = storyOfPage.putIfAbsent(page, story);
      if (before != null) {
        assertEquals(before.longValue(), story, "both copies of " + page + " in one story");
        assertEquals(2, row.get("story_size").asLong(), page);
      }
    }
    assertEquals(storyOfPage.size(), summary.stories(), "distinct pages are distinct stories");
  }

  @Test
  void storiesRefuseADatasetThatCannotBeDated() throws IOException {
    Path in = dir.resolve("undated");
    Files.createDirectories(in);
    Files.writeString(in.resolve("part-0.json"), "{\"id\":1,\"text\":\"a b c\"}\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new StoriesJob(spark).run(in.toString(), dir.resolve("undated-out").toString(),
            ExtractJob.Format.JSONL, ExtractJob.Format.JSONL));
    assertTrue(e.getMessage().contains("no column 'published'"), e.getMessage());
    assertTrue(!Files.exists(dir.resolve("undated-out")), "nothing written");
  }

  private List<JsonNode> reindexThenExport(List<Path> warcFiles) throws IOException {
    Reindexed.Export export = Reindexed.reindexThenExport(warcFiles, dir);
    assertEquals(List.of(), export.warnings());
    return export.rows();
  }

  private static List<JsonNode> readJsonl(Path folder) throws IOException {
    return Reindexed.readJsonl(folder);
  }
}
