package org.newsarc.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.newsarc.archive.stories.StoryIndex;

/**
 * The catalog's tables and their migrations. Each entry of {@link #MIGRATIONS} moves the schema
 * one version up; the version reached is kept in SQLite's {@code user_version}.
 */
final class CatalogSchema {
  private CatalogSchema() {}

  /** One step up: SQL statements, then (when not null) work that SQL alone cannot do. */
  private record Migration(String sql, JavaStep then) {
    Migration(String sql) {
      this(sql, null);
    }
  }

  @FunctionalInterface
  private interface JavaStep {
    void run(Connection c) throws SQLException;
  }

  private static final List<Migration> MIGRATIONS = List.of(new Migration(
      // 1: captures, articles, failures, full-text search over articles.
      """
      CREATE TABLE captures (
        id INTEGER PRIMARY KEY,
        requested_url TEXT NOT NULL,
        url TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        status INTEGER NOT NULL,
        content_type TEXT,
        payload_digest TEXT,
        warc_file TEXT NOT NULL,
        warc_offset INTEGER NOT NULL,
        warc_length INTEGER NOT NULL,
        record_id TEXT NOT NULL,
        ip_address TEXT,
        redirect_location TEXT,
        revisit INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX captures_url ON captures(url);
      CREATE INDEX captures_digest ON captures(payload_digest);
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        capture_id INTEGER NOT NULL REFERENCES captures(id),
        url TEXT NOT NULL,
        title TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        published TEXT,
        modified TEXT,
        site_name TEXT,
        language TEXT,
        canonical_url TEXT,
        description TEXT,
        tags TEXT NOT NULL DEFAULT '[]',
        image_url TEXT,
        text TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        article_signal REAL NOT NULL,
        extractor_version TEXT NOT NULL,
        extracted_at TEXT NOT NULL
      );
      CREATE INDEX articles_capture ON articles(capture_id);
      CREATE INDEX articles_published ON articles(published);
      CREATE TABLE failures (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        failed_at TEXT NOT NULL,
        kind TEXT NOT NULL,
        reason TEXT NOT NULL,
        capture_id INTEGER REFERENCES captures(id)
      );
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id');
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
          VALUES ('delete', old.id, old.title, old.text);
      END;
      """),
      // 2: what feeds and (news) sitemaps said about a URL, kept beside the extractor's
      // findings; join on articles.url or captures.requested_url.
      new Migration("""
      CREATE TABLE discovered_metadata (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        source_url TEXT NOT NULL,
        source_kind TEXT NOT NULL,
        title TEXT,
        published TEXT,
        modified TEXT,
        language TEXT,
        publication TEXT,
        keywords TEXT NOT NULL DEFAULT '[]',
        discovered_at TEXT NOT NULL,
        UNIQUE(url, source_url)
      );
      CREATE INDEX discovered_metadata_url ON discovered_metadata(url);
      """),
      // 3: story clusters (see org.newsarc.archive.stories): a story id per article, the
      // article's MinHash signature, and the LSH band buckets that find candidate matches.
      new Migration("""
      ALTER TABLE articles ADD COLUMN story_id INTEGER;
      ALTER TABLE articles ADD COLUMN story_signature BLOB;
      CREATE INDEX articles_story ON articles(story_id);
      CREATE TABLE story_buckets (
        bucket INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (bucket, article_id)
      ) WITHOUT ROWID;
      """),
      // 4: what kind of page the extractor took each page for (article, hub, listing, page).
      new Migration("""
      ALTER TABLE articles ADD COLUMN page_type TEXT
      """),
      // 5: story buckets keyed by bucket and story day as well, so that story candidates are
      // looked up within a window of days (StorySignature.WINDOW_DAYS) as a range of the key.
      new Migration("""
      CREATE TABLE story_buckets_dated (
        bucket INTEGER NOT NULL,
        day INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (bucket, day, article_id)
      ) WITHOUT ROWID;
      CREATE TEMP TABLE story_days (article_id INTEGER PRIMARY KEY, day INTEGER NOT NULL)
      """, CatalogSchema::dateStoryBuckets),
      // 6: bucket rows are written in batches; the last article whose rows are written.
      new Migration("""
      CREATE TABLE story_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        buckets_through INTEGER NOT NULL
      )
      """, c -> {
        try (Statement st = c.createStatement()) {
          st.executeUpdate("INSERT INTO story_state(id, buckets_through) VALUES (1,"
              + " COALESCE((SELECT max(article_id) FROM story_buckets), 0))");
        }
      }));

  /**
   * Fills {@code story_buckets_dated} from {@code story_buckets} with each article's story day
   * (computed here, by the one definition in {@code StorySignature}), then puts it in the old
   * table's place.
   */
  private static void dateStoryBuckets(Connection c) throws SQLException {
    try (PreparedStatement read = c.prepareStatement("SELECT a.id, "
        + StoryIndex.STORY_DAY_COLUMNS + " FROM " + StoryIndex.ARTICLES_WITH_CAPTURES
        + " WHERE a.id IN (SELECT DISTINCT article_id FROM story_buckets)");
        PreparedStatement write = c.prepareStatement(
            "INSERT INTO temp.story_days(article_id, day) VALUES (?, ?)");
        ResultSet rs = read.executeQuery()) {
      while (rs.next()) {
        write.setLong(1, rs.getLong(1));
        write.setLong(2, StoryIndex.storyDay(rs, 2));
        write.executeUpdate();
      }
    }
    try (Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO story_buckets_dated(bucket, day, article_id)"
          + " SELECT b.bucket, d.day, b.article_id FROM story_buckets b"
          + " JOIN temp.story_days d ON d.article_id = b.article_id");
      st.executeUpdate("DROP TABLE story_buckets");
      st.executeUpdate("ALTER TABLE story_buckets_dated RENAME TO story_buckets");
      st.executeUpdate("DROP TABLE temp.story_days");
    }
  }

  /** The schema version this code writes. */
  static int currentVersion() {
    return MIGRATIONS.size();
  }

  static void migrate(Connection c) throws SQLException {
    int version;
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      version = rs.next() ? rs.getInt(1) : 0;
    }
    if (version > MIGRATIONS.size()) {
      throw new SQLException("catalog schema version " + version
          + " is newer than this newsarc understands (" + MIGRATIONS.size() + ")");
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      for (int v = version; v < MIGRATIONS.size(); v++) {
        Migration m = MIGRATIONS.get(v);
        for (String sql : m.sql().split(";\\s*\\n(?=\\s*(CREATE|ALTER)|\\s*$)")) {
          if (!sql.isBlank()) {
            st.execute(sql);
          }
        }
        if (m.then() != null) {
          m.then().run(c);
        }
        st.execute("PRAGMA user_version = " + (v + 1));
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }
}
