package org.newsarc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.CdxjIndex;
import org.newsarc.spark.internal.FileSplit;
import org.newsarc.spark.internal.WarcInputs;

/**
 * The jobs on a real {@code hdfs://} file system: an in-process HDFS (one NameNode and one
 * DataNode on loopback, small blocks so that records cross block boundaries) holds the demo
 * archive, the CDXJ index beside each file, two corrupted files and a file of megabytes;
 * extract, index and stories read them through globs, write their output there, and give what
 * they give for the local copy of the same files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Bounds on a hang (a DataNode that never registers, a call that never returns), not speed
// checks: on a loaded machine starting the cluster and Spark has taken over two minutes.
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HdfsInputTest {
  /** HDFS block size: a few blocks per archive file. */
  private static final long BLOCK = 8 * 1024;
  /** Split size: each archive file is cut into record ranges by its index. */
  private static final long SPLIT = 8_000;
  private static final String GARBAGE = "zz-garbage.warc.gz";
  private static final String CUT = "zz-cut.warc.gz";
  private static final String CLOSE_DELAY =
      "dfs.client.block.write.locateFollowingBlock.initial.delay.ms";

  Path dir;
  Path local;
  MiniDFSCluster cluster;
  FileSystem hdfs;
  String root;
  SparkSession spark;
  List<Path> warcFiles;
  /** What reindex then export give for the local copy, corrupted files included. */
  Reindexed.Export reindexed;

  @BeforeAll
  @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void start(@TempDir Path tmp) throws IOException {
    dir = tmp;
    // Rotated files, each with its index beside it; revisits whose original is in another file.
    Path warcs = DemoArchive.write(dir, 20_000);
    warcFiles = CdxjIndex.warcFiles(warcs);
    assertTrue(warcFiles.size() >= 2, "rotated into several files: " + warcFiles);
    local = Files.createDirectories(dir.resolve("local"));
    for (Path w : warcFiles) {
      assertTrue(Files.size(w) > 2 * SPLIT, "large enough to be cut: " + w + " " + Files.size(w));
      Files.copy(w, local.resolve(w.getFileName()));
      Files.copy(CdxjIndex.indexFileFor(w), local.resolve(CdxjIndex.indexFileFor(w).getFileName()));
    }
    // Two corrupted files: one that is no WARC at all, one cut off in the middle of a record.
    Files.write(local.resolve(GARBAGE),
        "this is not a WARC file\r\n\r\n".repeat(40).getBytes(StandardCharsets.US_ASCII));
    byte[] whole = Files.readAllBytes(warcFiles.get(1));
    Files.write(local.resolve(CUT), Arrays.copyOf(whole, whole.length / 2));
    reindexed = Reindexed.reindexThenExport(CdxjIndex.warcFiles(local), dir);

    Configuration conf = new Configuration();
    conf.setLong("dfs.blocksize", BLOCK);
    conf.setLong("dfs.namenode.fs-limits.min-block-size", 512);
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    conf.setLong("dfs.heartbeat.interval", 1);
    // A client closing a file asks the NameNode whether its last block arrived, first after
    // 400 ms by default: most of the time of writing small files to a cluster of one DataNode.
    conf.setLong(CLOSE_DELAY, 10);
    cluster = new MiniDFSCluster.Builder(conf, dir.resolve("hdfs").toFile())
        .numDataNodes(1).checkDataNodeAddrConfig(true).build();
    cluster.waitActive();
    root = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    hdfs = cluster.getFileSystem();
    hdfs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()),
        new org.apache.hadoop.fs.Path(root + "/archive"));

    spark = SparkSession.builder().master("local[2]").appName("newsarc-spark hdfs test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        // Spark's driver and block manager listen on loopback too, as the cluster does.
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        // A NameNode that went away fails a call after two tries, not after minutes.
        .config("spark.hadoop.ipc.client.connect.max.retries", "2")
        .config("spark.hadoop." + CLOSE_DELAY, "10")
        .getOrCreate();
  }

  @AfterAll
  @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void stop() throws IOException {
    if (spark != null) {
      if (root != null) {
        // The jobs' client of this cluster, cached by Hadoop, goes with it.
        FileSystem.get(URI.create(root), spark.sparkContext().hadoopConfiguration()).close();
      }
      spark.stop();
    }
    if (cluster != null) {
      cluster.shutdown(true);
    }
  }

  @Test
  void aGlobOnHdfsNamesItsArchiveFilesInNameOrder() throws IOException {
    List<String> files = expand(root + "/archive/*.warc.gz");
    List<String> expected = new ArrayList<>();
    for (Path w : warcFiles) {
      expected.add(root + "/archive/" + w.getFileName());
    }
    expected.add(root + "/archive/" + CUT);
    expected.add(root + "/archive/" + GARBAGE);
    assertEquals(expected, files, "the .cdxj files beside them are not matched");
    assertEquals(expected, expand(root + "/archive"), "a folder gives its archive files");
    // On a cluster whose default file system is HDFS, hdfs:/// and bare paths name its files,
    // and the URIs handed to the tasks carry the NameNode.
    Configuration onCluster = new Configuration(spark.sparkContext().hadoopConfiguration());
    onCluster.set("fs.defaultFS", root);
    assertEquals(expected, WarcInputs.expand("hdfs:///archive/*.warc.gz", onCluster));
    assertEquals(expected, WarcInputs.expand("/archive/*.gz", onCluster));
  }

  @Test
  void extractFromHdfsGivesTheRowsOfTheLocalCopy() throws IOException {
    List<String> files = expand(root + "/archive/*.warc.gz");
    ExtractJob job = new ExtractJob(spark);
    List<FileSplit> splits = job.plan(files, SPLIT, null);
    // The index beside each file on HDFS cut it; the corrupted files have none and stay whole.
    assertTrue(splits.size() >= 2 * warcFiles.size() + 2, "record ranges: " + splits);
    assertEquals(files.size(), splits.stream().mapToInt(FileSplit::fileIndex).distinct().count());
    String output = root + "/out/extract";
    JobReport fromHdfs = job.runSplits(splits, output, ExtractJob.Format.JSONL, false);
    Path copied = dir.resolve("from-hdfs");
    hdfs.copyToLocalFile(new org.apache.hadoop.fs.Path(output),
        new org.apache.hadoop.fs.Path(copied.toUri()));
    List<JsonNode> rows = Reindexed.readJsonl(copied);

    Path localOut = dir.resolve("from-local");
    ExtractJob localJob = new ExtractJob(spark);
    JobReport fromLocal = localJob.runSplits(
        localJob.plan(expand(local + "/*.warc.gz"), SPLIT, null), localOut.toString(),
        ExtractJob.Format.JSONL, false);
    List<Map<String, String>> expected = Reindexed.normal(Reindexed.readJsonl(localOut));

    assertTrue(expected.size() >= 20, "pages and their revisits: " + expected.size());
    Reindexed.assertSameRows(expected, Reindexed.normal(rows));
    Reindexed.assertSameRows(Reindexed.normal(reindexed.rows()), expected);
    assertEquals(fromLocal, fromHdfs, "the same counts and problems");
    assertEquals(expected.size(), fromHdfs.rows());
    assertEquals(files.size(), fromHdfs.files());
    assertTrue(fromHdfs.problems().stream().anyMatch(p -> p.startsWith(GARBAGE + " offset 0:")),
        "the file that is no WARC is skipped and counted: " + fromHdfs.problems());
    assertTrue(fromHdfs.problems().stream().anyMatch(p -> p.startsWith(CUT + " offset ")),
        "the file cut short is counted: " + fromHdfs.problems());
    assertTrue(rows.stream().anyMatch(r -> r.get("warc_file").asText().equals(CUT)),
        "the records before the cut are still read");
    for (JsonNode row : rows) {
      assertRecordAt(row);
    }

    // stories reads the dataset from HDFS and writes its own there.
    String stories = root + "/out/stories";
    StoriesJob.Summary onHdfs = new StoriesJob(spark).run(output, stories,
        ExtractJob.Format.JSONL, ExtractJob.Format.JSONL);
    Path localStories = dir.resolve("stories-local");
    StoriesJob.Summary onLocal = new StoriesJob(spark).run(localOut.toString(),
        localStories.toString(), ExtractJob.Format.JSONL, ExtractJob.Format.JSONL);
    assertEquals(onLocal, onHdfs);
    assertTrue(onHdfs.stories() >= 10, "the copies of the pages are stories: " + onHdfs);
    Path storiesCopied = dir.resolve("stories-from-hdfs");
    hdfs.copyToLocalFile(new org.apache.hadoop.fs.Path(stories),
        new org.apache.hadoop.fs.Path(storiesCopied.toUri()));
    Reindexed.assertSameRows(sortedById(Reindexed.readJsonl(localStories)),
        sortedById(Reindexed.readJsonl(storiesCopied)));
  }

  /** Rows by id, with story ids: partitions of the stories output may come in any order. */
  private static List<Map<String, String>> sortedById(List<JsonNode> rows) {
    return rows.stream().sorted(java.util.Comparator.comparingLong(r -> r.get("id").asLong()))
        .map(r -> {
          Map<String, String> fields = new java.util.TreeMap<>(Reindexed.normal(r));
          fields.put("story_id", r.get("story_id").toString());
          return fields;
        }).toList();
  }

  @Test
  void indexOfHdfsFilesIsTheIndexNewsarcWritesAndCutsFilesWithoutOne() throws IOException {
    StringWriter expected = new StringWriter();
    List<String> skipped = new ArrayList<>();
    CdxjIndex.write(CdxjIndex.warcFiles(local), expected,
        (file, offset, message) -> skipped.add(" offset " + offset + ": " + message));
    String output = root + "/out/collection.cdxj";
    JobReport report = new IndexJob(spark).run(expand(root + "/archive/*.warc.gz"), output);
    String written;
    try (InputStream in = hdfs.open(new org.apache.hadoop.fs.Path(output))) {
      written = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(expected.toString(), written);
    // Skipped records are reported under their hdfs:// file, not the local copy a task reads.
    assertEquals(0, report.badFiles());
    assertTrue(skipped.size() >= 2, "both corrupted files have unreadable records: " + skipped);
    assertEquals(skipped.size(), report.problems().size(), report.problems().toString());
    assertTrue(report.problems().stream().allMatch(p -> p.startsWith(root + "/archive/zz-")),
        report.problems().toString());
    assertTrue(report.problems().stream()
        .anyMatch(p -> p.startsWith(root + "/archive/" + GARBAGE + " offset 0: ")));

    // The collection index on HDFS gives the offsets of files that have no index beside them.
    org.apache.hadoop.fs.Path bare = new org.apache.hadoop.fs.Path(root + "/bare");
    hdfs.mkdirs(bare);
    for (Path w : warcFiles) {
      hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(w.toUri()), bare);
    }
    List<String> files = expand(bare.toString());
    ExtractJob job = new ExtractJob(spark);
    assertEquals(files.size(), job.plan(files, SPLIT, null).size(), "no index: whole files");
    List<FileSplit> splits = job.plan(files, SPLIT, output);
    assertTrue(splits.size() >= 2 * files.size(), "cut by the collection index: " + splits);
    Path out = dir.resolve("bare-out");
    JobReport extracted = job.runSplits(splits, out.toString(), ExtractJob.Format.JSONL, false);
    assertTrue(extracted.clean(), extracted.problems().toString());
    Reindexed.assertSameRows(
        Reindexed.normal(Reindexed.reindexThenExport(warcFiles, dir).rows()),
        Reindexed.normal(Reindexed.readJsonl(out)));
  }

  @Test
  void rangesOfALargeFileAreCopiedFromHdfsPieceByPiece() throws IOException {
    LargeArchive.Written written = LargeArchive.write(dir, 256 * 1024);
    Path warc = written.file();
    long size = Files.size(warc);
    org.apache.hadoop.fs.Path large = new org.apache.hadoop.fs.Path(root + "/large");
    put(warc, large);
    put(CdxjIndex.indexFileFor(warc), large);
    List<String> files = expand(root + "/large/*.warc.gz");
    long split = 256 * 1024;
    ExtractJob job = new ExtractJob(spark);
    List<FileSplit> splits = job.plan(files, split, null);
    // A task copies its range and the megabyte after it (for the head of the next record), so
    // a range that ends megabytes before the file does is copied short of the end.
    assertTrue(splits.stream().filter(s -> s.end() + (2L << 20) < size).count() >= 3,
        size + " bytes in " + splits);
    JobReport fromHdfs = job.runSplits(splits, dir.resolve("large-from-hdfs").toString(),
        ExtractJob.Format.JSONL, false);

    ExtractJob localJob = new ExtractJob(spark);
    List<FileSplit> localSplits = localJob.plan(expand(warc.toString()), split, null);
    assertEquals(splits.size(), localSplits.size());
    JobReport fromLocal = localJob.runSplits(localSplits,
        dir.resolve("large-from-local").toString(), ExtractJob.Format.JSONL, false);

    assertTrue(fromHdfs.clean(), fromHdfs.problems().toString());
    assertEquals(fromLocal, fromHdfs);
    List<Map<String, String>> expected =
        Reindexed.normal(Reindexed.readJsonl(dir.resolve("large-from-local")));
    assertEquals(2L * written.pages(), fromHdfs.responses(), "each page and its download");
    assertEquals(written.pages(), expected.size(), "the pages, not the downloads");
    Reindexed.assertSameRows(expected,
        Reindexed.normal(Reindexed.readJsonl(dir.resolve("large-from-hdfs"))));
  }

  /** Copies {@code file} into the HDFS folder {@code to}, in blocks of 64 KiB. */
  private void put(Path file, org.apache.hadoop.fs.Path to) throws IOException {
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(to,
        file.getFileName().toString());
    try (OutputStream out = hdfs.create(target, true, 1 << 16, (short) 1, 1 << 16)) {
      Files.copy(file, out);
    }
  }

  /** The row's offset and length on HDFS hold the WARC record of its URL. */
  private void assertRecordAt(JsonNode row) throws IOException {
    org.apache.hadoop.fs.Path file =
        new org.apache.hadoop.fs.Path(root + "/archive/" + row.get("warc_file").asText());
    byte[] record = new byte[row.get("warc_length").asInt()];
    try (FSDataInputStream in = hdfs.open(file)) {
      in.readFully(row.get("warc_offset").asLong(), record);
    }
    String head;
    try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(record))) {
      head = new String(gz.readNBytes(2048), StandardCharsets.ISO_8859_1);
    }
    assertTrue(head.startsWith("WARC/1."), head);
    String url = row.get("url").asText();
    assertTrue(head.contains("WARC-Target-URI: " + url + "\r\n"), url + " at " + row + ":\n"
        + head);
    assertFalse(head.contains("WARC-Type: request"), head);
  }

  private List<String> expand(String input) throws IOException {
    return WarcInputs.expand(input, spark.sparkContext().hadoopConfiguration());
  }
}
