package org.newsarc.archive.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.CaptureRow;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.StoredCapture;
import org.newsarc.extractor.Article;

/**
 * Story bucket rows are written in batches; the articles held back must be matched as if their
 * rows were written, survive a crash (read back from their rows) and be dropped by a rollback.
 */
class StoryBatchTest {
  private static final Path SET = Path.of("..", "seeds", "stories");
  private static final Instant T = Instant.parse("2024-05-07T12:00:00Z");
  @TempDir Path dir;

  @Test
  void articlesHeldBackAreMatchedAndWrittenInBatches() throws Exception {
    String text = Files.readString(SET.resolve("storm-wire-original.txt"));
    Path db = dir.resolve("newsarc.db");
    List<Long> ids = new ArrayList<>();
    try (Catalog c = Catalog.open(db)) {
      long first = add(c, "first", text);
      Random random = new Random(7);
      for (int i = 0; i < StoryIndex.BATCH + 10; i++) {
        ids.add(add(c, "other-" + i, unrelated(random)));
      }
      // The first batch is written: the mark is past it, and its rows are there.
      assertEquals(ids.get(StoryIndex.BATCH - 2), query(c, "SELECT buckets_through FROM story_state"));
      assertEquals(StoryIndex.BATCH * (long) StorySignature.BANDS,
          query(c, "SELECT count(*) FROM story_buckets"));
      // One held back and one written are both found.
      long again = add(c, "again", text.substring(text.indexOf(". ") + 2));
      assertEquals(story(c, first), story(c, again));
      long late = add(c, "late", text);
      assertEquals(story(c, first), story(c, late));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*),"
            + " count(DISTINCT article_id) FROM story_buckets")) {
      assertEquals((StoryIndex.BATCH + 13L) * StorySignature.BANDS, rs.getLong(1));
      assertEquals(StoryIndex.BATCH + 13L, rs.getLong(2));
    }
  }

  @Test
  void articlesHeldBackWhenTheProcessDiedAreReadBackFromTheirRows() throws Exception {
    String text = Files.readString(SET.resolve("storm-wire-original.txt"));
    Path db = dir.resolve("newsarc.db");
    Path crashed = dir.resolve("crashed");
    Files.createDirectories(crashed);
    long first;
    try (Catalog c = Catalog.open(db)) {
      first = add(c, "first", text);
      add(c, "other", unrelated(new Random(3)));
      // What a power cut leaves: the committed rows, and no bucket rows for these two.
      for (String f : new String[] {"newsarc.db", "newsarc.db-wal"}) {
        if (Files.exists(dir.resolve(f))) {
          Files.copy(dir.resolve(f), crashed.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    try (Catalog c = Catalog.open(crashed.resolve("newsarc.db"))) {
      assertEquals(0L, query(c, "SELECT count(*) FROM story_buckets"));
      long later = add(c, "later", text.substring(text.indexOf(". ") + 2));
      assertEquals(story(c, first), story(c, later));
    }
    try (Catalog c = Catalog.open(crashed.resolve("newsarc.db"))) {
      assertEquals(3L * StorySignature.BANDS, query(c, "SELECT count(*) FROM story_buckets"));
    }
  }

  @Test
  void aRolledBackArticleIsNotHeldBack() throws Exception {
    String text = Files.readString(SET.resolve("storm-wire-original.txt"));
    String other = Files.readString(SET.resolve("velmora-bus-strike.txt"));
    Path db = dir.resolve("newsarc.db");
    long kept;
    try (Catalog c = Catalog.open(db)) {
      long first = add(c, "first", text);
      assertThrows(IOException.class, () -> c.inTransaction(() -> {
        addOrFail(c, "gone", other);
        throw new IOException("refused");
      }));
      // The rolled-back article's id is given again, to another text.
      kept = add(c, "kept", text.substring(text.indexOf(". ") + 2));
      assertEquals(story(c, first), story(c, kept));
      long lone = add(c, "lone", other);
      assertNotEquals(story(c, first), story(c, lone));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement ps = c.prepareStatement(
            "SELECT count(*) FROM story_buckets WHERE article_id = ?")) {
      ps.setLong(1, kept);
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(StorySignature.BANDS, rs.getLong(1), "no rows of the rolled-back text");
      }
    }
  }

  /** A text of 60 random made-up words: clusterable, and like no other. */
  private static String unrelated(Random random) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      for (int j = 0; j < 7; j++) {
        b.append((char) ('a' + random.nextInt(26)));
      }
      b.append(i % 12 == 11 ? ". " : " ");
    }
    return b.toString();
  }

  private static long add(Catalog c, String name, String text) throws Exception {
    String url = "https://" + name + ".example/story";
    long capture = c.addCapture(new CaptureRow(url, url, T, 200, "text/html", "127.0.0.1", null,
        new StoredCapture("x.warc.gz", 0, 10, "<urn:uuid:" + name + ">", "sha1:A", T, false)));
    return c.addArticle(capture, Article.newBuilder(url).title(name).text(text)
        .articleSignal(0.9).build(), "test", T);
  }

  private static void addOrFail(Catalog c, String name, String text) throws IOException {
    try {
      add(c, name, text);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long query(Catalog c, String sql) throws Exception {
    synchronized (c) {
      try (ResultSet rs = c.connection().createStatement().executeQuery(sql)) {
        return rs.getLong(1);
      }
    }
  }

  private static long story(Catalog c, long articleId) throws Exception {
    return query(c, "SELECT story_id FROM articles WHERE id = " + articleId);
  }
}
