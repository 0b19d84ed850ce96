package org.newsarc.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.newsarc.archive.CdxjIndex;
import org.newsarc.spark.internal.FileExtraction;
import org.newsarc.spark.internal.WarcInputs;

/**
 * {@code newsarc-spark index} as a Spark job: each archive file is indexed by the archive
 * module's CDXJ writer (so lines are exactly those of {@code newsarc index}), then all lines are
 * sorted together in plain code-point order and streamed, partition by partition, into one
 * file. A record that cannot be read is left out and a file that cannot be indexed is skipped,
 * both reported under the file's own URI (not the local copy a task reads). Not thread-safe.
 */
public final class IndexJob {
  private final SparkSession spark;

  public IndexJob(SparkSession spark) {
    this.spark = spark;
  }

  /** One file's index lines and the records left out, or why it has none. */
  record FileLines(String file, List<String> lines, List<String> skipped, String error)
      implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Writes the sorted CDXJ index of {@code files} to {@code output}. */
  public JobReport run(List<String> files, String output) throws IOException {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf =
        sc.broadcast(new SerializableConfiguration(sc.hadoopConfiguration()));
    JavaRDD<FileLines> perFile = sc.parallelize(files, Math.max(1, files.size()))
        .map(f -> index(f, conf.value().value())).persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<String> sorted = perFile.flatMap(f -> f.lines().iterator())
        .sortBy(line -> line, true, Math.max(1, files.size()));
    Path out = new Path(output);
    FileSystem fs = out.getFileSystem(sc.hadoopConfiguration());
    Path tmp = new Path(out.getParent() == null ? new Path(".") : out.getParent(),
        "." + out.getName() + ".tmp");
    long lines = 0;
    try (BufferedWriter w = new BufferedWriter(
        new OutputStreamWriter(fs.create(tmp, true), StandardCharsets.UTF_8))) {
      for (Iterator<String> it = sorted.toLocalIterator(); it.hasNext(); ) {
        w.write(it.next());
        w.write('\n');
        lines++;
      }
    } catch (IOException | RuntimeException e) {
      fs.delete(tmp, false);
      throw e;
    }
    if (fs.exists(out)) {
      fs.delete(out, false);
    }
    if (!fs.rename(tmp, out)) {
      throw new IOException("cannot move " + tmp + " to " + out);
    }
    List<String> problems = new ArrayList<>();
    long bad = 0;
    for (FileLines f : perFile.filter(f -> f.error() != null || !f.skipped().isEmpty())
        .map(f -> new FileLines(f.file(), List.of(), f.skipped(), f.error())).collect()) {
      problems.addAll(f.skipped());
      if (f.error() != null) {
        bad++;
        problems.add(f.file() + ": unreadable file skipped: " + f.error());
      }
    }
    perFile.unpersist();
    return new JobReport(files.size(), bad, lines, lines, 0, problems);
  }

  private static FileLines index(String uri, org.apache.hadoop.conf.Configuration conf) {
    List<String> skipped = new ArrayList<>();
    try (WarcInputs.LocalFile local = WarcInputs.local(uri, conf)) {
      StringWriter text = new StringWriter();
      CdxjIndex.write(List.of(local.path()), text, (file, offset, message) ->
          skipped.add(uri + " offset " + offset + ": " + message));
      List<String> lines = new ArrayList<>();
      for (String line : text.toString().split("\n")) {
        if (!line.isEmpty()) {
          lines.add(line);
        }
      }
      return new FileLines(uri, lines, skipped, null);
    } catch (IOException | RuntimeException e) {
      return new FileLines(uri, List.of(), skipped, FileExtraction.describe(e));
    }
  }
}
