package org.newsarc.archive.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.CaptureRow;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.StoredCapture;
import org.newsarc.extractor.Article;

/**
 * The story index answers candidates from its cache when it can and from their rows when it
 * cannot; both must give the same story ids, and a catalog whose rows were cleared and refilled
 * (row ids reused for other texts) must not be answered with the old texts' words.
 */
class StoryIndexCacheTest {
  private static final Path SET = Path.of("..", "seeds", "stories");
  private static final Instant T = Instant.parse("2024-05-07T12:00:00Z");
  @TempDir Path dir;

  @Test
  void storyIdsDoNotDependOnWhatTheCacheHolds() throws Exception {
    List<Path> files = texts();
    List<Long> warm;
    try (Catalog c = Catalog.open(dir.resolve("warm.db"))) {
      addAll(c, files);
      warm = storyIds(c);
    }
    // Reopened halfway: the second half meets the first half's articles through their rows.
    Path cold = dir.resolve("cold.db");
    try (Catalog c = Catalog.open(cold)) {
      addAll(c, files.subList(0, files.size() / 2));
    }
    try (Catalog c = Catalog.open(cold)) {
      addAll(c, files.subList(files.size() / 2, files.size()));
      assertEquals(warm, storyIds(c));
    }
    // Filled with the texts in reverse order, cleared, filled again: row ids now name others.
    try (Catalog c = Catalog.open(dir.resolve("refilled.db"))) {
      List<Path> reversed = new ArrayList<>(files);
      Collections.reverse(reversed);
      addAll(c, reversed);
      c.clearWarcDerivedRows();
      c.relinkKeptFailures();
      addAll(c, files);
      assertEquals(warm, storyIds(c));
    }
    assertTrue(new HashSet<>(warm).size() < warm.size(), "some texts share a story: " + warm);
    assertTrue(new HashSet<>(warm).size() > 1, "not everything is one story: " + warm);
  }

  private static List<Path> texts() throws Exception {
    try (Stream<Path> s = Files.list(SET)) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
  }

  private static void addAll(Catalog c, List<Path> files) throws Exception {
    for (Path f : files) {
      String text = Files.readString(f);
      String url = "https://" + f.getFileName().toString().replace(".txt", "") + ".example/";
      c.inTransaction(() -> {
        long capture = c.addCapture(new CaptureRow(url, url, T, 200, "text/html", "127.0.0.1",
            null, new StoredCapture("x.warc.gz", 0, 10, "<urn:uuid:" + f.getFileName() + ">",
                "sha1:A", T, false)));
        return c.addArticle(capture, Article.newBuilder(url).text(text).articleSignal(0.9)
            .build(), "test", T);
      });
    }
  }

  /** The story ids in the order of the articles' URLs. */
  private static List<Long> storyIds(Catalog c) throws Exception {
    List<Long> ids = new ArrayList<>();
    synchronized (c) {
      try (Statement st = c.connection().createStatement();
          ResultSet rs = st.executeQuery("SELECT story_id FROM articles ORDER BY url")) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }
}
