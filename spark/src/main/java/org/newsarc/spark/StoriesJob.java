package org.newsarc.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import scala.Tuple2;

/**
 * {@code newsarc-spark stories} as a Spark job: reads a dataset written by {@code extract},
 * signs each text with {@link StoryMinHash}, buckets the signatures by LSH band, links the
 * candidates that {@link StoryMinHash#linked} accepts, and gives every row a {@code story_id}
 * (the smallest row id of its connected component) and {@code story_size}. Only linked rows are
 * brought to the driver to join components, so memory there grows with the number of
 * near-duplicates, not with the collection. Not thread-safe.
 */
public final class StoriesJob {
  private final SparkSession spark;

  public StoriesJob(SparkSession spark) {
    this.spark = spark;
  }

  /** Clusters the rows of the dataset at {@code input} into stories written to {@code output}. */
  public Summary run(String input, String output, ExtractJob.Format inputFormat,
      ExtractJob.Format outputFormat) {
    Dataset<Row> rows = spark.read()
        .format(inputFormat == ExtractJob.Format.PARQUET ? "parquet" : "json").load(input);
    JavaPairRDD<Long, long[]> signatures = rows.select("id", "text").javaRDD()
        .flatMapToPair(r -> {
          long[] sig = StoryMinHash.signature(r.isNullAt(1) ? "" : r.getString(1));
          return sig == null ? List.<Tuple2<Long, long[]>>of().iterator()
              : List.of(new Tuple2<>(((Number) r.get(0)).longValue(), sig)).iterator();
        })
        .persist(StorageLevel.MEMORY_AND_DISK());
    List<Tuple2<Long, Long>> edges = signatures
        .flatMapToPair(s -> {
          List<Tuple2<String, Tuple2<Long, long[]>>> keys = new ArrayList<>();
          for (int b = 0; b < StoryMinHash.BANDS; b++) {
            keys.add(new Tuple2<>(StoryMinHash.bandKey(s._2(), b), s));
          }
          return keys.iterator();
        })
        .groupByKey()
        .flatMap(bucket -> {
          List<Tuple2<Long, long[]>> members = new ArrayList<>();
          bucket._2().forEach(members::add);
          List<Tuple2<Long, Long>> linked = new ArrayList<>();
          for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
              if (StoryMinHash.linked(members.get(i)._2(), members.get(j)._2())) {
                long a = members.get(i)._1();
                long b = members.get(j)._1();
                linked.add(new Tuple2<>(Math.min(a, b), Math.max(a, b)));
              }
            }
          }
          return linked.iterator();
        })
        .distinct()
        .collect();
    signatures.unpersist();

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
