package org.newsarc.archive.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.CaptureRow;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.StoredCapture;
import org.newsarc.extractor.Article;

/**
 * Story candidates are bounded in time: articles more than {@link StorySignature#WINDOW_DAYS}
 * days apart (by publication date, else capture date) never share a story, and a catalog
 * written before bucket rows carried days is migrated so that its articles keep being found.
 */
class StoryWindowTest {
  private static final Path SET = Path.of("..", "seeds", "stories");
  @TempDir Path dir;

  @Test
  void theStoryDayIsThePublicationDateElseTheCaptureDate() {
    assertEquals(day("2024-05-01"), StorySignature.storyDay("2024-05-01", null));
    // A date-time with an offset counts by its UTC date; one without, by its own date.
    assertEquals(day("2024-05-02"), StorySignature.storyDay("2024-05-01T23:30:00-05:00", null));
    assertEquals(day("2024-05-01"), StorySignature.storyDay("2024-05-01T23:30:00", null));
    assertEquals(day("2024-05-01"), StorySignature.storyDay("2024-05-01T23:30Z", null));
    // An unreadable publication date gives way to the capture's time.
    assertEquals(day("2024-05-07"),
        StorySignature.storyDay("last Tuesday", "2024-05-07T12:00:00Z"));
    assertEquals(day("2024-05-07"), StorySignature.storyDay("2024-13-45", "2024-05-07T12:00:00Z"));
    assertEquals(day("2024-05-07"), StorySignature.storyDay(null, "2024-05-07T12:00:00.125Z"));
    assertEquals(StorySignature.NO_DAY, StorySignature.storyDay("soon", ""));
    assertEquals(StorySignature.NO_DAY, StorySignature.storyDay(null, null));
    assertTrue(StorySignature.withinWindow(day("2024-05-01"), day("2024-05-31")));
    assertTrue(!StorySignature.withinWindow(day("2024-05-01"), day("2024-06-01")));
    assertTrue(!StorySignature.withinWindow(StorySignature.NO_DAY, day("1970-01-01")));
    assertTrue(StorySignature.withinWindow(StorySignature.NO_DAY, StorySignature.NO_DAY));
  }

  @Test
  void articlesOfOneStoryMeetOnlyWithinTheWindow() throws Exception {
    String text = Files.readString(SET.resolve("storm-wire-original.txt"));
    String cut = text.substring(text.indexOf(". ") + 2);
    try (Catalog c = Catalog.open(dir.resolve("newsarc.db"))) {
      long first = add(c, "a", text, "2024-05-01T08:00:00+02:00", "2024-05-01T09:00:00Z");
      long weeksLater = add(c, "b", cut, "2024-05-25", "2024-05-25T09:00:00Z");
      long monthsLater = add(c, "c", text, "2024-08-01", "2024-08-01T09:00:00Z");
      // No readable date on the page: the capture, within the window, places it.
      long undated = add(c, "d", cut, "yesterday", "2024-05-10T09:00:00Z");
      long undatedLate = add(c, "e", cut, null, "2025-01-10T09:00:00Z");
      assertEquals(story(c, first), story(c, weeksLater));
      assertEquals(story(c, first), story(c, undated));
      assertNotEquals(story(c, first), story(c, monthsLater));
      assertNotEquals(story(c, first), story(c, undatedLate));
      assertNotEquals(story(c, monthsLater), story(c, undatedLate));
    }
  }

  @Test
  void aCatalogWithUndatedBucketsIsMigrated() throws Exception {
    String text = Files.readString(SET.resolve("storm-wire-original.txt"));
    String cut = text.substring(text.indexOf(". ") + 2);
    Path db = dir.resolve("old.db");
    long first;
    try (Catalog c = Catalog.open(db)) {
      first = add(c, "a", text, "2024-05-01", "2024-05-01T09:00:00Z");
      add(c, "b", text, null, "2024-09-03T09:00:00Z");
    }
    // As the schema of version 4 had it: bucket rows without a day (written at close).
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE old_buckets (bucket INTEGER NOT NULL, article_id INTEGER NOT NULL,"
          + " PRIMARY KEY (bucket, article_id)) WITHOUT ROWID");
      st.execute("INSERT INTO old_buckets SELECT bucket, article_id FROM story_buckets");
      st.execute("DROP TABLE story_buckets");
      st.execute("ALTER TABLE old_buckets RENAME TO story_buckets");
      st.execute("DROP TABLE story_state");
      st.execute("PRAGMA user_version = 4");
    }
    try (Catalog c = Catalog.open(db)) {
      List<Long> days = new ArrayList<>();
      try (Statement st = c.connection().createStatement();
          ResultSet rs = st.executeQuery("SELECT DISTINCT day FROM story_buckets ORDER BY day")) {
        while (rs.next()) {
          days.add(rs.getLong(1));
        }
      }
      assertEquals(List.of(day("2024-05-01"), day("2024-09-03")), days);
      try (Statement st = c.connection().createStatement();
          ResultSet rs = st.executeQuery("SELECT buckets_through FROM story_state")) {
        assertEquals(2, rs.getLong(1), "both articles' rows were written before");
      }
      long later = add(c, "c", cut, "2024-05-20", "2024-05-20T09:00:00Z");
      assertEquals(story(c, first), story(c, later));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      assertTrue(rs.next() && rs.getInt(1) >= 6);
    }
  }

  private static long day(String date) {
    return LocalDate.parse(date).toEpochDay();
  }

  private static long add(Catalog c, String name, String text, String published, String fetched)
      throws Exception {
    String url = "https://" + name + ".example/story";
    Instant at = Instant.parse(fetched);
    long capture = c.addCapture(new CaptureRow(url, url, at, 200, "text/html", "127.0.0.1", null,
        new StoredCapture("x.warc.gz", 0, 10, "<urn:uuid:" + name + ">", "sha1:A", at, false)));
    return c.addArticle(capture, Article.newBuilder(url).title(name).text(text)
        .published(published).articleSignal(0.9).build(), "test", at);
  }

  private static long story(Catalog c, long articleId) throws Exception {
    synchronized (c) {
      try (PreparedStatement ps = c.connection().prepareStatement(
          "SELECT story_id FROM articles WHERE id = ?")) {
        ps.setLong(1, articleId);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          return rs.getLong(1);
        }
      }
    }
  }
}
