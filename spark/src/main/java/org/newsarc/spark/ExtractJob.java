package org.newsarc.spark;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.spark.internal.DatasetColumns;
import org.newsarc.spark.internal.ExtractedRow;
import org.newsarc.spark.internal.FileExtraction;
import org.newsarc.spark.internal.FileResult;
import org.newsarc.spark.internal.FileSplit;
import org.newsarc.spark.internal.RecordRanges;
import scala.Tuple2;

/**
 * {@code newsarc-spark extract} as a Spark job: one task per split (a whole archive file, or a
 * range of the records of a large file with a CDXJ index, see {@link RecordRanges}) runs the same
 * extractor as {@code reindex}; revisits whose payload lies in another file are resolved in a
 * second, smaller stage; rows are numbered in {@code reindex} order (file by file, record by
 * record, from the row count of each split, without shuffling rows) and written with the columns
 * and order of {@code newsarc export --all-pages --keep-duplicates}. Not thread-safe; one job per
 * instance.
 */
public final class ExtractJob {
  /** Output formats. */
  public enum Format { PARQUET, JSONL }

  private final SparkSession spark;
  private final Clock clock;
  private Duration reading = Duration.ZERO;
  private Duration writing = Duration.ZERO;

  public ExtractJob(SparkSession spark) {
    this(spark, Clock.systemUTC());
  }

  /** A job whose phases are timed by {@code clock}. */
  public ExtractJob(SparkSession spark, Clock clock) {
    this.spark = spark;
    this.clock = clock;
  }

  /**
   * How long a run spent reading and extracting every split (revisits resolved across files
   * included), and numbering, sorting and writing the rows. Immutable.
   */
  public record Phases(Duration reading, Duration writing) {}

  /** The phases of the last run (zero before one). */
  public Phases phases() {
    return new Phases(reading, writing);
  }

  /** What the driver keeps of a split once it is read: counts and problems, no rows. */
  private record SplitSummary(FileResult result, long keptRows, int pendingRevisits)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * The splits of {@code files} (sorted as reindex reads them): files larger than
   * {@code splitBytes} (0: chosen from the input size and the cores) are cut into record ranges
   * where a CDXJ index beside them, or {@code collectionIndex} (may be null), gives offsets.
   */
  public List<FileSplit> plan(List<String> files, long splitBytes, String collectionIndex)
      throws IOException {
    return RecordRanges.plan(files, spark.sparkContext().hadoopConfiguration(), splitBytes,
        spark.sparkContext().defaultParallelism(), collectionIndex);
  }

  /** Extracts the pages of {@code files} into {@code output}, splitting as {@link #plan} does. */
  public JobReport run(List<String> files, String output, Format format, boolean articlesOnly)
      throws IOException {
    return runSplits(plan(files, 0, null), output, format, articlesOnly);
  }

  /** Extracts the pages of {@code splits} (in input order, as {@link #plan} gives them). */
  public JobReport runSplits(List<FileSplit> splits, String output, Format format,
      boolean articlesOnly) {
    Instant begun = clock.instant();
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf =
        sc.broadcast(new SerializableConfiguration(sc.hadoopConfiguration()));
    List<String> files = new ArrayList<>();
    for (FileSplit s : splits) {
      if (s.fileIndex() == files.size()) {
        files.add(s.file());
      }
    }
    JavaRDD<FileResult> results = sc.parallelize(splits, Math.max(1, splits.size()))
        .map(s -> FileExtraction.read(s, conf.value().value(), new ArticleExtractor()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    // One job reads every split, all cores at once; the later stages work from the cache.
    JavaFutureAction<List<SplitSummary>> reads =
        results.map(r -> summary(r, articlesOnly)).collectAsync();
    List<SplitSummary> summaries = awaitAfter(reads, () -> prepareSql(spark));

    List<FileResult> resolved = summaries.stream().anyMatch(s -> s.pendingRevisits() > 0)
        ? resolveAcrossFiles(sc, results, files, conf) : List.of();
    Map<Integer, List<ExtractedRow>> extra = new HashMap<>();
    for (FileResult r : resolved) {
      for (ExtractedRow row : r.rows()) {
        extra.computeIfAbsent(splitOf(splits, r.fileIndex(), row.offset()),
            k -> new ArrayList<>()).add(row);
      }
    }
    Instant read = clock.instant();
    reading = Duration.between(begun, read);
    long[] firstId = new long[splits.size()];
    long written = 0;
    for (SplitSummary s : summaries) {
      int split = s.result().splitIndex();
      firstId[split] = written + 1;
      written += s.keptRows() + kept(extra.getOrDefault(split, List.of()), articlesOnly).size();
    }
    Broadcast<Map<Integer, List<ExtractedRow>>> resolvedRows = sc.broadcast(extra);
    Broadcast<long[]> firstIds = sc.broadcast(firstId);
    int idColumn = DatasetColumns.NAMES.indexOf("id");
    JavaRDD<Row> numbered = results.flatMap(r -> {
      List<ExtractedRow> splitRows = rowsOf(r, resolvedRows.value(), articlesOnly);
      List<Row> out = new ArrayList<>(splitRows.size());
      long id = firstIds.value()[r.splitIndex()];
      for (ExtractedRow row : splitRows) {
        out.add(toRow(row, idColumn, id++));
      }
      return out.iterator();
    });
    Dataset<Row> dataset = sorted(spark.createDataFrame(numbered, DatasetColumns.SCHEMA));
    if (format == Format.PARQUET) {
      dataset.write().mode(SaveMode.ErrorIfExists).parquet(output);
    } else {
      dataset.write().mode(SaveMode.ErrorIfExists).option("ignoreNullFields", "false")
          .json(output);
    }
    results.unpersist();
    writing = Duration.between(read, clock.instant());
    return report(files.size(), summaries, resolved, written);
  }

  /**
   * Runs {@code meanwhile} on this thread while {@code job} runs, then waits for the job. A
   * failure of either cancels the job and is thrown.
   */
  private static <T> T awaitAfter(JavaFutureAction<T> job, Runnable meanwhile) {
    try {
      meanwhile.run();
      return job.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the splits were read", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException re ? re
          : new IllegalStateException("reading the splits failed: " + cause.getMessage(), cause);
    } finally {
      if (!job.isDone()) {
        job.cancel(true);
      }
    }
  }

  /**
   * Plans the output's query (rows of the dataset's schema sorted as written) over no rows: the
   * first query of a JVM loads and initialises much of Spark SQL, seconds of work on the driver
   * alone. Done while the executors read the splits, it no longer leaves them idle between the
   * reading and the writing.
   */
  private static void prepareSql(SparkSession spark) {
    sorted(spark.createDataFrame(List.<Row>of(), DatasetColumns.SCHEMA))
        .queryExecution().executedPlan();
  }

  /** The rows in the order {@code export} writes them. */
  private static Dataset<Row> sorted(Dataset<Row> rows) {
    return rows.orderBy(functions.col("published").asc_nulls_last(), functions.col("id"));
  }

  /** Extracts the revisits whose payload lies in another file, or another range of theirs. */
  private static List<FileResult> resolveAcrossFiles(JavaSparkContext sc,
      JavaRDD<FileResult> results, List<String> files,
      Broadcast<SerializableConfiguration> conf) {
    JavaPairRDD<String, Integer> firstFileOfDigest = results
        .flatMapToPair(r -> r.wholeDigests().stream()
            .map(d -> new Tuple2<>(d, r.fileIndex())).iterator())
        .reduceByKey(Math::min);
    JavaPairRDD<String, FileResult.PendingRevisit> pending = results
        .flatMapToPair(r -> r.pendingRevisits().stream()
            .map(p -> new Tuple2<>(p.digest(), p)).iterator());
    // (original file, revisit file) -> offsets of the revisits to read. The original may be a
    // later file: reindex then finds it by searching all files.
    Map<Tuple2<Integer, Integer>, Set<Long>> work = new TreeMap<>(
        Comparator.<Tuple2<Integer, Integer>>comparingInt(Tuple2::_1).thenComparingInt(Tuple2::_2));
    for (Tuple2<String, Tuple2<FileResult.PendingRevisit, Integer>> j
        : pending.join(firstFileOfDigest).collect()) {
      FileResult.PendingRevisit p = j._2()._1();
      work.computeIfAbsent(new Tuple2<>(j._2()._2(), p.fileIndex()), k -> new HashSet<>())
          .add(p.offset());
    }
    if (work.isEmpty()) {
      return List.of();
    }
    List<Tuple2<Tuple2<Integer, Integer>, Set<Long>>> tasks = new ArrayList<>();
    work.forEach((k, v) -> tasks.add(new Tuple2<>(k, v)));
    return sc.parallelize(tasks, tasks.size())
        .map(t -> FileExtraction.resolve(files.get(t._1()._1()), files.get(t._1()._2()),
            t._1()._2(), t._2(), conf.value().value(), new ArticleExtractor()))
        .collect();
  }

  /** The split of file {@code fileIndex} whose range holds {@code offset}. */
  private static int splitOf(List<FileSplit> splits, int fileIndex, long offset) {
    for (FileSplit s : splits) {
      if (s.fileIndex() == fileIndex && s.holds(offset)) {
        return s.splitIndex();
      }
    }
    throw new IllegalStateException("no split of file " + fileIndex + " holds offset " + offset);
  }

  private static SplitSummary summary(FileResult r, boolean articlesOnly) {
    FileResult counts = new FileResult(r.file(), r.fileIndex(), r.splitIndex(), List.of(),
        List.of(), List.of(), r.responses(), r.extractionFailures(), r.warnings(),
        r.fileError());
    return new SplitSummary(counts, kept(r.rows(), articlesOnly).size(),
        r.pendingRevisits().size());
  }

  /** A split's rows in record order, its revisits resolved from other files included. */
  private static List<ExtractedRow> rowsOf(FileResult r,
      Map<Integer, List<ExtractedRow>> resolved, boolean articlesOnly) {
    List<ExtractedRow> more = resolved.get(r.splitIndex());
    if (more == null) {
      return kept(r.rows(), articlesOnly);
    }
    List<ExtractedRow> rows = new ArrayList<>(r.rows());
    rows.addAll(more);
    rows.sort(Comparator.comparingLong(ExtractedRow::offset));
    return kept(rows, articlesOnly);
  }

  private static List<ExtractedRow> kept(List<ExtractedRow> rows, boolean articlesOnly) {
    if (!articlesOnly) {
      return rows;
    }
    int signal = DatasetColumns.NAMES.indexOf("article_signal");
    return rows.stream().filter(row -> ((Double) row.values().get(signal)) >= 0.5).toList();
  }

  private static Row toRow(ExtractedRow row, int idColumn, long id) {
    Object[] v = row.values().toArray();
    v[idColumn] = id;
    for (int i = 0; i < v.length; i++) {
      if (v[i] instanceof List<?> list) {
        // Spark rows hold arrays as Scala sequences.
        v[i] = scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq();
      }
    }
    return RowFactory.create(v);
  }

  private static JobReport report(int fileCount, List<SplitSummary> splits,
      List<FileResult> resolved, long written) {
    Set<Integer> bad = new HashSet<>();
    long responses = 0;
    long failures = 0;
    List<String> problems = new ArrayList<>();
    for (SplitSummary s : splits) {
      FileResult r = s.result();
      responses += r.responses();
      failures += r.extractionFailures();
      problems.addAll(r.warnings());
      if (r.fileError() != null) {
        bad.add(r.fileIndex());
        problems.add(r.file() + ": unreadable file skipped: " + r.fileError());
      }
    }
    for (FileResult r : resolved) {
      failures += r.extractionFailures();
      if (r.fileError() != null) {
        problems.add(r.file() + ": revisits not resolved: " + r.fileError());
      }
    }
    return new JobReport(fileCount, bad.size(), responses, written, failures, problems);
  }
}
