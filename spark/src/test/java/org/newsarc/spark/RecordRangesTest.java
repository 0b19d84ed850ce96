package org.newsarc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.CdxjIndex;
import org.newsarc.spark.internal.FileSplit;
import org.newsarc.spark.internal.WarcInputs;

/**
 * Splitting large files into record ranges by their CDXJ index: several tasks read one file and
 * give the rows of reading it whole; files without a usable index are read whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordRangesTest {
  /** Small enough that the demo archive's one file is cut several times. */
  private static final long SPLIT = 16_000;
  Path dir;
  SparkSession spark;
  Path warc;
  List<Map<String, String>> reindexed;

  @BeforeAll
  void start(@TempDir Path tmp) throws IOException {
    dir = tmp;
    // One file holding every page, their revisits and the index newsarc writes beside it.
    List<Path> files = CdxjIndex.warcFiles(DemoArchive.write(dir, 100_000_000));
    assertEquals(1, files.size(), files.toString());
    warc = files.get(0);
    assertTrue(Files.exists(CdxjIndex.indexFileFor(warc)), "newsarc indexed the closed file");
    reindexed = Reindexed.normal(Reindexed.reindexThenExport(files, dir).rows());
    spark = SparkSession.builder().master("local[2]").appName("newsarc-spark ranges test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  @AfterAll
  void stop() {
    spark.stop();
  }

  @Test
  void rangesOfOneFileGiveTheRowsOfReadingItWhole() throws IOException {
    ExtractJob job = new ExtractJob(spark);
    List<FileSplit> splits = job.plan(inputs(warc.getParent()), SPLIT, null);
    assertTrue(splits.size() >= 3, "the file is cut into ranges: " + splits);
    assertTrue(splits.stream().allMatch(s -> s.fileIndex() == 0));

    Path out = dir.resolve("ranges-out");
    JobReport report = job.runSplits(splits, out.toString(), ExtractJob.Format.JSONL, false);

    assertTrue(report.clean(), report.problems().toString());
    assertEquals(1, report.files());
    Reindexed.assertSameRows(reindexed, Reindexed.normal(Reindexed.readJsonl(out)));
    assertTrue(reindexed.size() >= 20, "pages and their revisits: " + reindexed.size());
  }

  @Test
  void aFileIsCutIntoRangesOfAboutTheSameSize() throws IOException {
    long size = Files.size(warc);
    // Ranges of at most 30 % of the file: four of 25 %, not three of 30 % and a last of 10 %.
    long share = size / 4;
    List<FileSplit> splits =
        new ExtractJob(spark).plan(inputs(warc.getParent()), size * 3 / 10, null);
    assertEquals(4, splits.size(), splits.toString());
    // Each cut is at the first record at or after an even share of the file, so no range is
    // longer than a share and the record that crosses its end, nor shorter by more than that.
    long longestRecord = 0;
    long previous = 0;
    for (long offset : offsets(CdxjIndex.indexFileFor(warc))) {
      longestRecord = Math.max(longestRecord, offset - previous);
      previous = offset;
    }
    longestRecord = Math.max(longestRecord, size - previous);
    assertTrue(longestRecord < share / 2, "records small against the shares: " + longestRecord);
    for (FileSplit s : splits) {
      long length = Math.min(s.end(), size) - s.start();
      assertTrue(Math.abs(length - share) <= longestRecord + splits.size(),
          "range of " + length + " bytes for shares of " + share + ": " + splits);
    }
  }

  @Test
  void aFileWithoutAnIndexIsReadWhole() throws IOException {
    Path bare = Files.createDirectories(dir.resolve("bare"));
    Files.copy(warc, bare.resolve(warc.getFileName()));
    ExtractJob job = new ExtractJob(spark);
    List<FileSplit> splits = job.plan(inputs(bare), SPLIT, null);
    assertEquals(1, splits.size(), splits.toString());
    assertTrue(splits.get(0).wholeFile());

    Path out = dir.resolve("bare-out");
    job.runSplits(splits, out.toString(), ExtractJob.Format.JSONL, false);
    Reindexed.assertSameRows(reindexed, Reindexed.normal(Reindexed.readJsonl(out)));
  }

  @Test
  void aCollectionIndexGivesTheOffsetsOfFilesWithoutTheirOwn() throws IOException {
    Path bare = Files.createDirectories(dir.resolve("collection"));
    Files.copy(warc, bare.resolve(warc.getFileName()));
    Path index = dir.resolve("collection.cdxj");
    Files.copy(CdxjIndex.indexFileFor(warc), index);
    ExtractJob job = new ExtractJob(spark);
    List<FileSplit> splits = job.plan(inputs(bare), SPLIT, index.toString());
    assertTrue(splits.size() >= 3, splits.toString());

    Path out = dir.resolve("collection-out");
    job.runSplits(splits, out.toString(), ExtractJob.Format.JSONL, false);
    Reindexed.assertSameRows(reindexed, Reindexed.normal(Reindexed.readJsonl(out)));
  }

  @Test
  void anIndexWhoseOffsetsMissTheRecordsLeavesTheFileWhole() throws IOException {
    Path stale = Files.createDirectories(dir.resolve("stale"));
    Path copy = Files.copy(warc, stale.resolve(warc.getFileName()));
    // Every offset moved by one byte, as if the index belonged to another version of the file.
    StringBuilder shifted = new StringBuilder();
    for (String line : Files.readAllLines(CdxjIndex.indexFileFor(warc))) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"offset\": \"?(\\d+)")
          .matcher(line);
      assertTrue(m.find(), line);
      shifted.append(line, 0, m.start(1)).append(Long.parseLong(m.group(1)) + 1)
          .append(line.substring(m.end(1))).append('\n');
    }
    Files.writeString(CdxjIndex.indexFileFor(copy), shifted, StandardCharsets.UTF_8);
    ExtractJob job = new ExtractJob(spark);
    List<FileSplit> splits = job.plan(inputs(stale), SPLIT, null);
    assertEquals(1, splits.size(), splits.toString());

    Path out = dir.resolve("stale-out");
    job.runSplits(splits, out.toString(), ExtractJob.Format.JSONL, false);
    Reindexed.assertSameRows(reindexed, Reindexed.normal(Reindexed.readJsonl(out)));
  }

  @Test
  void filesOnAnotherHadoopFileSystemAreCopiedInRangesAndKeepTheirNames() throws IOException {
    // viewfs:// is a Hadoop FileSystem other than file: that needs no server: its mount table
    // maps viewfs://archive/warcs to the local folder, so reading goes through Hadoop's streams
    // as from hdfs:// or s3a://.
    spark.sparkContext().hadoopConfiguration().set("fs.viewfs.mounttable.archive.link./warcs",
        warc.getParent().toUri().toString());
    List<String> files = WarcInputs.expand("viewfs://archive/warcs",
        spark.sparkContext().hadoopConfiguration());
    assertEquals(List.of("viewfs://archive/warcs/" + warc.getFileName()), files);
    ExtractJob job = new ExtractJob(spark);
    List<FileSplit> splits = job.plan(files, SPLIT, null);
    assertTrue(splits.size() >= 3, "the index beside the file is found there too: " + splits);

    Path out = dir.resolve("viewfs-out");
    JobReport report = job.runSplits(splits, out.toString(), ExtractJob.Format.JSONL, false);

    assertTrue(report.clean(), report.problems().toString());
    Reindexed.assertSameRows(reindexed, Reindexed.normal(Reindexed.readJsonl(out)));
  }

  /** The record offsets an index gives, in file order. */
  private static List<Long> offsets(Path index) throws IOException {
    java.util.regex.Pattern offset = java.util.regex.Pattern.compile("\"offset\": \"?(\\d+)");
    return Files.readAllLines(index).stream().map(offset::matcher)
        .filter(java.util.regex.Matcher::find).map(m -> Long.parseLong(m.group(1)))
        .sorted().toList();
  }

  private List<String> inputs(Path folder) throws IOException {
    return WarcInputs.expand(folder.toString(), spark.sparkContext().hadoopConfiguration());
  }
}
