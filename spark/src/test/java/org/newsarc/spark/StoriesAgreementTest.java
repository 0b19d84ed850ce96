package org.newsarc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.CaptureRow;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.StoredCapture;
import org.newsarc.extractor.Article;

/**
 * The catalog and {@code newsarc-spark stories} cluster the labelled set in
 * {@code seeds/stories/} into the same stories (ids may differ, the groups may not).
 */
class StoriesAgreementTest {
  private static final Path SET = Path.of("..", "seeds", "stories");
  private static final Instant T = Instant.parse("2024-05-07T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void sparkStoriesPartitionTheArchiveAsTheCatalogDoes() throws Exception {
    List<String> files;
    try (Stream<Path> list = Files.list(SET)) {
      files = list.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".txt"))
          .sorted().toList();
    }
    // The texts twice, the second time with one sentence cut, so that stories hold several
    // rows whose best matches differ.
    List<String> names = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (String f : files) {
      names.add(f);
      texts.add(Files.readString(SET.resolve(f)));
    }
    for (String f : files) {
      String t = Files.readString(SET.resolve(f));
      int cut = t.indexOf(". ");
      names.add("cut-" + f);
      texts.add(cut < 0 ? t : t.substring(cut + 2));
    }
    // Two unrelated stories in one text: it matches rows of both, and like the catalog joins
    // only the one it matches best, rather than merging the two stories.
    String first = Files.readString(SET.resolve(files.get(0)));
    String last = Files.readString(SET.resolve(files.get(files.size() - 1)));
    names.add("joined.txt");
    texts.add(first + "\n\n" + last);
    // Copies published months later: beyond the story window, they make stories of their own.
    List<String> published = new ArrayList<>(java.util.Collections.nCopies(names.size(), null));
    for (String f : files.subList(0, 6)) {
      names.add("late-" + f);
      texts.add(Files.readString(SET.resolve(f)));
      published.add("2024-09-01T10:00:00+02:00");
    }
    Map<String, Long> catalogStory = new LinkedHashMap<>();
    Path jsonl = dir.resolve("articles.jsonl");
    try (Catalog catalog = Catalog.open(dir.resolve("newsarc.db"));
        BufferedWriter out = Files.newBufferedWriter(jsonl)) {
      for (int i = 0; i < names.size(); i++) {
        String url = url(names.get(i));
        long[] ids = add(catalog, names.get(i), url, texts.get(i), published.get(i));
        catalogStory.put(url, ids[1]);
        ObjectNode row = JSON.createObjectNode().put("id", ids[0]).put("url", url)
            .put("title", names.get(i)).put("text", texts.get(i));
        row.put("published", published.get(i));
        row.put("fetched_at", T.toString());
        row.putNull("site_name");
        row.put("warc_file", "x.warc.gz").put("warc_offset", 0);
        out.write(JSON.writeValueAsString(row));
        out.newLine();
      }
    }
    Map<String, Long> sparkStory = new HashMap<>();
    SparkSession spark = SparkSession.builder().master("local[2]")
        .appName("newsarc-spark stories test").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    try {
      Path out = dir.resolve("stories");
      new StoriesJob(spark).run(jsonl.toString(), out.toString(), ExtractJob.Format.JSONL,
          ExtractJob.Format.JSONL);
      try (Stream<Path> parts = Files.list(out)) {
        for (Path p : parts.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
          for (String line : Files.readAllLines(p)) {
            JsonNode row = JSON.readTree(line);
            sparkStory.put(row.get("url").asText(), row.get("story_id").asLong());
          }
        }
      }
    } finally {
      spark.stop();
    }
    Set<Set<String>> fromCatalog = groups(catalogStory);
    Set<Set<String>> fromSpark = groups(sparkStory);
    assertTrue(fromCatalog.stream().anyMatch(g -> g.size() >= 3),
        "the set has stories of three or more rows");
    assertTrue(!catalogStory.get(url(files.get(0))).equals(
        catalogStory.get(url(files.get(files.size() - 1)))), "the joined stories are unrelated");
    for (String f : files.subList(0, 6)) {
      assertTrue(!catalogStory.get(url(f)).equals(catalogStory.get(url("late-" + f))),
          "a copy published months later is another story: " + f);
    }
    assertEquals(catalogStory.keySet(), sparkStory.keySet());
    assertEquals(fromCatalog, fromSpark);
  }

  private static String url(String name) {
    return "https://" + name.replace(".txt", "") + ".example/story";
  }

  private static Set<Set<String>> groups(Map<String, Long> story) {
    Map<Long, Set<String>> byId = new HashMap<>();
    story.forEach((url, id) -> byId.computeIfAbsent(id, k -> new TreeSet<>()).add(url));
    return new HashSet<>(byId.values());
  }

  /** Stores one article; returns its row id and story id. */
  private static long[] add(Catalog catalog, String name, String url, String text,
      String published) throws Exception {
    long capture = catalog.addCapture(new CaptureRow(url, url, T, 200, "text/html", "127.0.0.1",
        null, new StoredCapture("x.warc.gz", 0, 10, "<urn:uuid:" + name + ">", "sha1:A", T,
            false)));
    long id = catalog.addArticle(capture, Article.newBuilder(url).title(name).text(text)
        .published(published).articleSignal(0.9).build(), "test", T);
    synchronized (catalog) {
      try (PreparedStatement ps = catalog.connection().prepareStatement(
          "SELECT story_id FROM articles WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new long[] {id, rs.getLong(1)};
        }
      }
    }
  }
}
