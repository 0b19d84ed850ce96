package org.newsarc.archive.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.CaptureRow;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.StoredCapture;
import org.newsarc.extractor.Article;

/**
 * Story clusters on the labelled set in {@code seeds/stories/}: versions of one story in
 * several outlets' styles, a wire story with one paragraph rewritten, and unrelated stories on
 * the same topic and day. Reports pair precision and recall over "same story" pairs.
 */
class StoryClusteringTest {
  private static final Path SET = Path.of("..", "seeds", "stories");
  private static final Instant T = Instant.parse("2024-05-07T12:00:00Z");
  @TempDir Path dir;

  @Test
  void outletsVersionsShareAStoryAndSameTopicStoriesDoNot() throws Exception {
    Map<String, String> labels = labels();
    Map<String, Long> story = new LinkedHashMap<>();
    try (Catalog catalog = Catalog.open(dir.resolve("newsarc.db"))) {
      for (String file : labels.keySet()) {
        story.put(file, add(catalog, file, Files.readString(SET.resolve(file))));
      }
    }
    // Closed: the bucket rows held back for the next batch are written.
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(
            "jdbc:sqlite:" + dir.resolve("newsarc.db"));
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT count(*) FROM (SELECT DISTINCT a.article_id, b.article_id FROM story_buckets a"
                + " JOIN story_buckets b ON a.bucket = b.bucket AND a.article_id < b.article_id)")) {
      long pairs = rs.getLong(1);
      System.out.printf(Locale.ROOT, "LSH candidate pairs: %d of %d%n", pairs,
          labels.size() * (labels.size() - 1) / 2);
      assertTrue(pairs > 0, "bucket rows written by close");
    }
    double[] texts = score("texts", labels, story);
    // The same texts as pages of four outlets' layouts and noise, through the extractor.
    Map<String, Long> fromPages = new LinkedHashMap<>();
    org.newsarc.extractor.ArticleExtractor extractor = new org.newsarc.extractor.ArticleExtractor();
    try (Catalog catalog = Catalog.open(dir.resolve("pages.db"))) {
      int n = 0;
      for (String file : labels.keySet()) {
        String html = OutletPages.page(n++ % OutletPages.OUTLETS, Files.readString(SET.resolve(file)));
        String url = "https://" + file.replace(".txt", "") + ".example/2024/05/07/story.html";
        Article a = extractor.extract(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), url,
            Map.of("Content-Type", "text/html; charset=utf-8"));
        fromPages.put(file, add(catalog, file, a.text()));
      }
    }
    double[] pages = score("pages", labels, fromPages);
    measureShingleSizes(labels);
    for (double[] pr : new double[][] {texts, pages}) {
      assertTrue(pr[0] >= 0.95, "pair precision " + pr[0]);
      assertTrue(pr[1] >= 0.9, "pair recall " + pr[1]);
    }
  }

  private static double[] score(String what, Map<String, String> labels, Map<String, Long> story) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    List<String> files = new ArrayList<>(labels.keySet());
    for (int i = 0; i < files.size(); i++) {
      for (int j = i + 1; j < files.size(); j++) {
        boolean same = labels.get(files.get(i)).equals(labels.get(files.get(j)));
        boolean predicted = story.get(files.get(i)).equals(story.get(files.get(j)));
        tp += same && predicted ? 1 : 0;
        fp += !same && predicted ? 1 : 0;
        fn += same && !predicted ? 1 : 0;
      }
    }
    double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
    double recall = tp + fn == 0 ? 1 : tp / (double) (tp + fn);
    System.out.printf(Locale.ROOT, "story pairs (%d %s): precision %.3f, recall %.3f"
        + " (%d true, %d false, %d missed)%n", files.size(), what, precision, recall, tp, fp,
        fn);
    return new double[] {precision, recall};
  }

  /**
   * The five outlets' versions of one story in {@code ../shared/seeds} (as an extractor saw them,
   * with menus and captions), together with the whole labelled set as unrelated stories. Runs
   * only where that folder exists.
   */
  @Test
  void sharedSeedsShareOneStoryAmongTheLabelledSet() throws Exception {
    Path shared = Path.of("..", "..", "shared", "seeds");
    Assumptions.assumeTrue(Files.isDirectory(shared), "no " + shared);
    List<Path> seeds;
    try (var list = Files.list(shared)) {
      seeds = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    Assumptions.assumeTrue(seeds.size() >= 2, "fewer than two texts in " + shared);
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (Path p : seeds) {
      labels.put("shared-" + p.getFileName(), "shared-seeds");
      texts.put("shared-" + p.getFileName(), Files.readString(p));
    }
    for (Map.Entry<String, String> e : labels().entrySet()) {
      labels.put(e.getKey(), e.getValue());
      texts.put(e.getKey(), Files.readString(SET.resolve(e.getKey())));
    }
    Map<String, Long> story = new LinkedHashMap<>();
    try (Catalog catalog = Catalog.open(dir.resolve("shared.db"))) {
      for (Map.Entry<String, String> e : texts.entrySet()) {
        story.put(e.getKey(), add(catalog, e.getKey(), e.getValue()));
      }
    }
    double[] pr = score("shared seeds and labelled set", labels, story);
    for (int i = 1; i < seeds.size(); i++) {
      assertEquals(story.get("shared-" + seeds.get(0).getFileName()),
          story.get("shared-" + seeds.get(i).getFileName()), seeds.get(i) + " is its own story");
    }
    assertTrue(pr[0] >= 0.95, "pair precision " + pr[0]);
    assertTrue(pr[1] >= 0.9, "pair recall " + pr[1]);
  }

  @Test
  void storyIdsDoNotDependOnArticleRowIds() throws Exception {
    String a = Files.readString(SET.resolve("tram-coastal-courier.txt"));
    String b = Files.readString(SET.resolve("tram-evening-post.txt"));
    long first;
    long second;
    try (Catalog one = Catalog.open(dir.resolve("one.db"))) {
      first = add(one, "x", a);
      assertEquals(first, add(one, "y", b));
    }
    try (Catalog two = Catalog.open(dir.resolve("two.db"))) {
      add(two, "unrelated", Files.readString(SET.resolve("brisco-hiring.txt")));
      second = add(two, "x", a);
    }
    assertEquals(first, second, "the same founding record gives the same story id");
    assertNotEquals(StoryIndex.stableId("<urn:uuid:x>"), StoryIndex.stableId("<urn:uuid:y>"));
  }

  @Test
  void articlesStoredBeforeStoryClustersGetAnIdWhenTheCatalogOpens() throws Exception {
    Path db = dir.resolve("old.db");
    long story;
    try (Catalog c = Catalog.open(db)) {
      story = add(c, "x", Files.readString(SET.resolve("lorant-new-chip.txt")));
      synchronized (c) {
        c.connection().createStatement().executeUpdate("UPDATE articles SET story_id = NULL");
      }
    }
    try (Catalog c = Catalog.open(db);
        ResultSet rs = c.connection().createStatement().executeQuery(
            "SELECT story_id FROM articles")) {
      assertEquals(story, rs.getLong(1));
    }
  }

  /** The measurement behind the choice of unigrams: the gap between positives and negatives. */
  private static void measureShingleSizes(Map<String, String> labels) throws IOException {
    List<String> files = new ArrayList<>(labels.keySet());
    for (int k = 1; k <= 3; k++) {
      List<Set<String>> sets = new ArrayList<>();
      for (String f : files) {
        sets.add(StorySignature.shingles(Files.readString(SET.resolve(f)), k));
      }
      double minPos = 1;
      double maxNeg = 0;
      for (int i = 0; i < files.size(); i++) {
        for (int j = i + 1; j < files.size(); j++) {
          double jac = StorySignature.jaccard(sets.get(i), sets.get(j));
          if (labels.get(files.get(i)).equals(labels.get(files.get(j)))) {
            minPos = Math.min(minPos, jac);
          } else {
            maxNeg = Math.max(maxNeg, jac);
          }
        }
      }
      System.out.printf(Locale.ROOT, "  %d-word shingles: lowest same-story Jaccard %.3f,"
          + " highest other-story Jaccard %.3f%n", k, minPos, maxNeg);
    }
  }

  private static Map<String, String> labels() throws IOException {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String line : Files.readAllLines(SET.resolve("labels.tsv"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      labels.put(cols[0], cols[1]);
    }
    return labels;
  }

  private static long add(Catalog catalog, String name, String text) throws Exception {
    String url = "https://" + name.replace(".txt", "") + ".example/story";
    long capture = catalog.addCapture(new CaptureRow(url, url, T, 200, "text/html", "127.0.0.1",
        null, new StoredCapture("x.warc.gz", 0, 10, "<urn:uuid:" + name + ">", "sha1:A", T,
            false)));
    long id = catalog.addArticle(capture, Article.newBuilder(url).title(text.lines().findFirst()
        .orElse("")).text(text).articleSignal(0.9).build(), "test", T);
    synchronized (catalog) {
      try (PreparedStatement ps = catalog.connection().prepareStatement(
          "SELECT story_id FROM articles WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }
  }
}
