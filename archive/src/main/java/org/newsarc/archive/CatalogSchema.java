package org.newsarc.archive;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The catalog's tables and their migrations. Each entry of {@link #MIGRATIONS} moves the schema
 * one version up; the version reached is kept in SQLite's {@code user_version}.
 */
final class CatalogSchema {
  private CatalogSchema() {}

  private static final List<String> MIGRATIONS = List.of(
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
      """,
      // 2: what feeds and (news) sitemaps said about a URL, kept beside the extractor's
      // findings; join on articles.url or captures.requested_url.
      """
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
      """,
      // 3: story clusters (see org.newsarc.archive.stories): a story id per article, the
      // article's MinHash signature, and the LSH band buckets that find candidate matches.
      """
      ALTER TABLE articles ADD COLUMN story_id INTEGER;
      ALTER TABLE articles ADD COLUMN story_signature BLOB;
      CREATE INDEX articles_story ON articles(story_id);
      CREATE TABLE story_buckets (
        bucket INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (bucket, article_id)
      ) WITHOUT ROWID;
      """);

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
        for (String sql : MIGRATIONS.get(v).split(";\\s*\\n(?=\\s*(CREATE|ALTER)|\\s*$)")) {
          if (!sql.isBlank()) {
            st.execute(sql);
          }
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
