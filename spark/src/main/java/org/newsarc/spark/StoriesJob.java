package org.newsarc.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.newsarc.archive.stories.StorySignature;
import scala.Tuple2;

/**
 * {@code newsarc-spark stories} as a Spark job with the catalog's definition of a story
 * ({@link StorySignature}): reads a dataset written by {@code extract}, signs each text's
 * content words, buckets the signatures by LSH band, checks every candidate pair with
 * {@link StorySignature#sameStory}, and links each row to its verified earlier candidate with the
 * highest Jaccard similarity, as the catalog's story index does when rows arrive in id order.
 * Only rows whose story days ({@link StorySignature#storyDay} of {@code published}, else of
 * {@code fetched_at}) are within {@link StorySignature#WINDOW_DAYS} of each other are paired.
 * Every row gets a {@code story_id} (the smallest row id of its component) and
 * {@code story_size}. Only linked rows are
 * brought to the driver to join components, so memory there grows with the number of
 * near-duplicates, not with the collection. Not thread-safe.
 */
public final class StoriesJob {
  /** The columns a dataset must have: the story day comes from published, else fetched_at. */
  static final List<String> NEEDED = List.of("id", "text", "published", "fetched_at");
  private final SparkSession spark;

  public StoriesJob(SparkSession spark) {
    this.spark = spark;
  }

  /** Clusters the rows of the dataset at {@code input} into stories written to {@code output}. */
  public Summary run(String input, String output, ExtractJob.Format inputFormat,
      ExtractJob.Format outputFormat) {
    Dataset<Row> rows = spark.read()
        .format(inputFormat == ExtractJob.Format.PARQUET ? "parquet" : "json").load(input);
    List<String> columns = Arrays.asList(rows.columns());
    for (String needed : NEEDED) {
      if (!columns.contains(needed)) {
        throw new IllegalArgumentException("the dataset at " + input + " has no column '" + needed
            + "': stories needs " + String.join(", ", NEEDED) + " (as newsarc-spark extract and"
            + " newsarc export write them)");
      }
    }
    JavaPairRDD<Long, Set<String>> words = rows.select("id", "text").javaRDD()
        .flatMapToPair(r -> {
          String text = r.isNullAt(1) ? "" : r.getString(1);
          Set<String> set = StorySignature.shingles(text, StorySignature.SHINGLE);
          return set.size() < StorySignature.MIN_WORDS
              ? List.<Tuple2<Long, Set<String>>>of().iterator()
              : List.of(new Tuple2<>(((Number) r.get(0)).longValue(), set)).iterator();
        })
        .persist(StorageLevel.MEMORY_AND_DISK());
    // Candidate pairs (earlier, later): rows sharing at least one LSH band whose story days are
    // within the window. Within a bucket the rows are walked in day order, so a bucket's pairs
    // are bounded by how many of its rows fall within one window, not by its size.
    JavaPairRDD<Long, Long> candidates = rows.select("id", "text", "published", "fetched_at")
        .javaRDD()
        .flatMapToPair(r -> {
          long[] sig = StorySignature.signature(r.isNullAt(1) ? "" : r.getString(1));
          List<Tuple2<Long, long[]>> keys = new ArrayList<>();
          if (sig != null) {
            long[] row = {((Number) r.get(0)).longValue(),
                StorySignature.storyDay(iso(r.get(2)), iso(r.get(3)))};
            for (long b : StorySignature.buckets(sig)) {
              keys.add(new Tuple2<>(b, row));
            }
          }
          return keys.iterator();
        })
        .groupByKey()
        .flatMapToPair(bucket -> {
          List<long[]> members = new ArrayList<>();
          bucket._2().forEach(members::add);
          members.sort((a, b) -> a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[0], b[0]));
          List<Tuple2<Long, Long>> pairs = new ArrayList<>();
          for (int i = 0; i < members.size(); i++) {
            long[] a = members.get(i);
            for (int j = i + 1; j < members.size()
                && StorySignature.withinWindow(a[1], members.get(j)[1]); j++) {
              long other = members.get(j)[0];
              pairs.add(new Tuple2<>(Math.min(a[0], other), Math.max(a[0], other)));
            }
          }
          return pairs.iterator();
        })
        .distinct();
    // Each row joins the verified earlier candidate with the highest Jaccard similarity (the
    // smallest id on ties), as the catalog does when the rows arrive in id order.
    List<Tuple2<Long, Long>> edges = candidates.join(words)
        .mapToPair(e -> new Tuple2<>(e._2()._1(), new Tuple2<>(e._1(), e._2()._2())))
        .join(words)
        .flatMapToPair(e -> {
          Set<String> earlier = e._2()._1()._2();
          Set<String> later = e._2()._2();
          if (!StorySignature.sameStory(earlier, later)) {
            return List.<Tuple2<Long, Tuple2<Long, Double>>>of().iterator();
          }
          return List.of(new Tuple2<>(e._1(), new Tuple2<>(e._2()._1()._1(),
              StorySignature.jaccard(earlier, later)))).iterator();
        })
        .reduceByKey((a, b) -> a._2() > b._2() || a._2().equals(b._2()) && a._1() < b._1() ? a : b)
        .map(e -> new Tuple2<>(e._2()._1(), e._1()))
        .collect();
    words.unpersist();

    Map<Long, Long> parent = new HashMap<>();
    for (Tuple2<Long, Long> e : edges) {
      long ra = root(parent, e._1());
      long rb = root(parent, e._2());
      if (ra != rb) {
        parent.put(Math.max(ra, rb), Math.min(ra, rb));
      }
    }
    Map<Long, Long> story = new HashMap<>();
    Map<Long, Long> size = new HashMap<>();
    for (Long id : new ArrayList<>(parent.keySet())) {
      long r = root(parent, id);
      story.put(id, r);
      size.merge(r, 1L, Long::sum);
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Map<Long, Long>> storyOf = sc.broadcast(story);
    Broadcast<Map<Long, Long>> sizeOf = sc.broadcast(size);
    spark.udf().register("newsarc_story", (UDF1<Long, Long>) id ->
        storyOf.value().getOrDefault(id, id), DataTypes.LongType);
    spark.udf().register("newsarc_story_size", (UDF1<Long, Long>) s ->
        sizeOf.value().getOrDefault(s, 1L), DataTypes.LongType);
    Dataset<Row> out = rows
        .select("id", "url", "title", "published", "site_name", "warc_file", "warc_offset")
        .withColumn("story_id", org.apache.spark.sql.functions.callUDF("newsarc_story",
            org.apache.spark.sql.functions.col("id").cast("long")))
        .withColumn("story_size", org.apache.spark.sql.functions.callUDF("newsarc_story_size",
            org.apache.spark.sql.functions.col("story_id")))
        .orderBy("story_id", "id");
    if (outputFormat == ExtractJob.Format.PARQUET) {
      out.write().mode(SaveMode.ErrorIfExists).parquet(output);
    } else {
      out.write().mode(SaveMode.ErrorIfExists).option("ignoreNullFields", "false").json(output);
    }
    return new Summary(rows.count(), story.size(), size.size());
  }

  /**
   * What a clustering found.
   *
   * @param rows rows read and written
   * @param clusteredRows rows in a story of two or more
   * @param stories stories of two or more rows
   */
  public record Summary(long rows, long clusteredRows, long stories) {}

  /**
   * A published or fetched_at value as ISO 8601 text: JSON datasets hold the text, Parquet
   * datasets a UTC timestamp.
   */
  private static String iso(Object v) {
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof java.time.Instant i) {
      return i.toString();
    }
    return v == null ? null : v.toString();
  }

  private static long root(Map<Long, Long> parent, long id) {
    parent.putIfAbsent(id, id);
    long r = id;
    while (parent.get(r) != r) {
      r = parent.get(r);
    }
    // Path halving keeps later look-ups short.
    long x = id;
    while (parent.get(x) != r) {
      long next = parent.get(x);
      parent.put(x, r);
      x = next;
    }
    return r;
  }
}
