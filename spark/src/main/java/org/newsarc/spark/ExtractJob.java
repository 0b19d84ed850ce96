package org.newsarc.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.spark.internal.DatasetColumns;
import org.newsarc.spark.internal.ExtractedRow;
import org.newsarc.spark.internal.FileExtraction;
import org.newsarc.spark.internal.FileResult;
import scala.Tuple2;

/**
 * {@code newsarc-spark extract} as a Spark job: one task per archive file runs the same
 * extractor as {@code reindex}; revisits whose payload lies in an earlier file are resolved in a
 * second, smaller stage; rows are numbered in {@code reindex} order (file by file, record by
 * record, from the row count of each file, without shuffling rows) and written with the columns and order of {@code newsarc export --all-pages
 * --keep-duplicates}. Not thread-safe; one job per instance.
 */
public final class ExtractJob {
  /** Output formats. */
  public enum Format { PARQUET, JSONL }

  private final SparkSession spark;

  public ExtractJob(SparkSession spark) {
    this.spark = spark;
  }

  /** Extracts the pages of {@code files} (sorted as reindex reads them) into {@code output}. */
  public JobReport run(List<String> files, String output, Format format, boolean articlesOnly) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Tuple2<String, Integer>> indexed = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      indexed.add(new Tuple2<>(files.get(i), i));
    }
    JavaRDD<FileResult> results = sc.parallelize(indexed, Math.max(1, files.size()))
        .map(f -> FileExtraction.read(f._1(), f._2(), new ArticleExtractor()))
        .persist(StorageLevel.MEMORY_AND_DISK());

    List<FileResult> resolved = resolveAcrossFiles(sc, results, files);
    Map<Integer, List<ExtractedRow>> extra = new HashMap<>();
    for (FileResult r : resolved) {
      extra.computeIfAbsent(r.fileIndex(), k -> new ArrayList<>()).addAll(r.rows());
    }
    Broadcast<Map<Integer, List<ExtractedRow>>> resolvedRows = sc.broadcast(extra);
    // Each partition holds one file, in input order: ids follow from the rows per file, with no
    // shuffle of the rows themselves.
    List<Long> perFile = results
        .map(r -> (long) rowsOf(r, resolvedRows.value(), articlesOnly).size()).collect();
    long[] firstId = new long[perFile.size()];
    long written = 0;
    for (int i = 0; i < perFile.size(); i++) {
      firstId[i] = written + 1;
      written += perFile.get(i);
    }
    Broadcast<long[]> firstIds = sc.broadcast(firstId);
    int idColumn = DatasetColumns.NAMES.indexOf("id");
    JavaRDD<Row> numbered = results.flatMap(r -> {
      List<ExtractedRow> fileRows = rowsOf(r, resolvedRows.value(), articlesOnly);
      List<Row> out = new ArrayList<>(fileRows.size());
      long id = firstIds.value()[r.fileIndex()];
      for (ExtractedRow row : fileRows) {
        out.add(toRow(row, idColumn, id++));
      }
      return out.iterator();
    });
    Dataset<Row> dataset = spark.createDataFrame(numbered, DatasetColumns.SCHEMA)
        .orderBy(org.apache.spark.sql.functions.col("published").asc_nulls_last(),
            org.apache.spark.sql.functions.col("id"));
    if (format == Format.PARQUET) {
      dataset.write().mode(SaveMode.ErrorIfExists).parquet(output);
    } else {
      dataset.write().mode(SaveMode.ErrorIfExists).option("ignoreNullFields", "false")
          .json(output);
    }

    List<FileResult> summaries = results.map(ExtractJob::withoutRows).collect();
    results.unpersist();
    return report(summaries, resolved, written);
  }

  /** Extracts the revisits that {@code reindex} resolves from an earlier file. */
  private static List<FileResult> resolveAcrossFiles(JavaSparkContext sc,
      JavaRDD<FileResult> results, List<String> files) {
    if (results.filter(r -> !r.pendingRevisits().isEmpty()).isEmpty()) {
      return List.of();
    }
    JavaPairRDD<String, Integer> firstFileOfDigest = results
        .flatMapToPair(r -> r.wholeDigests().stream()
            .map(d -> new Tuple2<>(d, r.fileIndex())).iterator())
        .reduceByKey(Math::min);
    JavaPairRDD<String, FileResult.PendingRevisit> pending = results
        .flatMapToPair(r -> r.pendingRevisits().stream()
            .map(p -> new Tuple2<>(p.digest(), p)).iterator());
    // (original file, revisit file) -> offsets of the revisits to read.
    Map<Tuple2<Integer, Integer>, Set<Long>> work = new HashMap<>();
    for (Tuple2<String, Tuple2<FileResult.PendingRevisit, Integer>> j
        : pending.join(firstFileOfDigest).collect()) {
      FileResult.PendingRevisit p = j._2()._1();
      int original = j._2()._2();
      if (original < p.fileIndex()) {
        work.computeIfAbsent(new Tuple2<>(original, p.fileIndex()), k -> new HashSet<>())
            .add(p.offset());
      }
    }
    if (work.isEmpty()) {
      return List.of();
    }
    List<Tuple2<Tuple2<Integer, Integer>, Set<Long>>> tasks = new ArrayList<>();
    work.forEach((k, v) -> tasks.add(new Tuple2<>(k, v)));
    return sc.parallelize(tasks, tasks.size())
        .map(t -> FileExtraction.resolve(files.get(t._1()._1()), files.get(t._1()._2()),
            t._1()._2(), t._2(), new ArticleExtractor()))
        .collect();
  }

  /** A file's rows in record order, its revisits resolved from other files included. */
  private static List<ExtractedRow> rowsOf(FileResult r,
      Map<Integer, List<ExtractedRow>> resolved, boolean articlesOnly) {
    List<ExtractedRow> rows = new ArrayList<>(r.rows());
    List<ExtractedRow> more = resolved.get(r.fileIndex());
    if (more != null) {
      rows.addAll(more);
      rows.sort(java.util.Comparator.comparingLong(ExtractedRow::offset));
    }
    if (articlesOnly) {
      int signal = DatasetColumns.NAMES.indexOf("article_signal");
      rows.removeIf(row -> ((Double) row.values().get(signal)) < 0.5);
    }
    return rows;
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

  private static FileResult withoutRows(FileResult r) {
    return new FileResult(r.file(), r.fileIndex(), List.of(), List.of(), List.of(),
        r.responses(), r.extractionFailures(), r.warnings(), r.fileError());
  }

  private static JobReport report(List<FileResult> files, List<FileResult> resolved,
      long written) {
    long bad = 0;
    long responses = 0;
    long failures = 0;
    List<String> problems = new ArrayList<>();
    for (FileResult r : files) {
      responses += r.responses();
      failures += r.extractionFailures();
      problems.addAll(r.warnings());
      if (r.fileError() != null) {
        bad++;
        problems.add(r.file() + ": unreadable file skipped: " + r.fileError());
      }
    }
    for (FileResult r : resolved) {
      failures += r.extractionFailures();
      if (r.fileError() != null) {
        problems.add(r.file() + ": revisits not resolved: " + r.fileError());
      }
    }
    return new JobReport(files.size(), bad, responses, written, failures, problems);
  }
}
