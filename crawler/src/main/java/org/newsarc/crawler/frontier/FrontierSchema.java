package org.newsarc.crawler.frontier;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The frontier's tables, kept in the catalog database so that a URL is marked done in the same
 * transaction as its catalog rows. Times are epoch milliseconds. Queues are chosen through the
 * partial index on {@code ready_at}, so picking the next queue never scans every host.
 */
final class FrontierSchema {
  private FrontierSchema() {}

  private static final String[] DDL = {
      """
      CREATE TABLE IF NOT EXISTS frontier_urls (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        queue TEXT NOT NULL,
        depth INTEGER NOT NULL,
        found_on TEXT,
        kind TEXT NOT NULL,
        seed INTEGER NOT NULL DEFAULT 0,
        priority INTEGER NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        redirects INTEGER NOT NULL DEFAULT 0,
        next_fetch_at INTEGER NOT NULL,
        leased_at INTEGER,
        last_fetched_at INTEGER,
        last_status INTEGER,
        etag TEXT,
        last_modified TEXT,
        digest TEXT,
        revisit_seconds INTEGER NOT NULL DEFAULT 0,
        fetches INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        origin INTEGER
      )""",
      "CREATE INDEX IF NOT EXISTS frontier_urls_pick"
          + " ON frontier_urls(queue, state, priority DESC, next_fetch_at)",
      "CREATE INDEX IF NOT EXISTS frontier_urls_due ON frontier_urls(queue, state, next_fetch_at)",
      "CREATE INDEX IF NOT EXISTS frontier_urls_leased ON frontier_urls(state)"
          + " WHERE state = 'leased'",
      """
      CREATE TABLE IF NOT EXISTS frontier_queues (
        queue TEXT PRIMARY KEY,
        in_flight INTEGER NOT NULL DEFAULT 0,
        next_allowed_at INTEGER NOT NULL DEFAULT 0,
        next_due_at INTEGER,
        ready_at INTEGER,
        admitted INTEGER NOT NULL DEFAULT 0,
        fetched INTEGER NOT NULL DEFAULT 0,
        failures INTEGER NOT NULL DEFAULT 0,
        paused_reason TEXT,
        parked_reason TEXT,
        last_response_ms INTEGER
      ) WITHOUT ROWID""",
      "CREATE INDEX IF NOT EXISTS frontier_queues_ready ON frontier_queues(ready_at)"
          + " WHERE ready_at IS NOT NULL",
      "CREATE INDEX IF NOT EXISTS frontier_queues_due ON frontier_queues(next_due_at)"
          + " WHERE next_due_at IS NOT NULL",
      """
      CREATE TABLE IF NOT EXISTS frontier_paths (
        path TEXT PRIMARY KEY,
        variants INTEGER NOT NULL
      ) WITHOUT ROWID""",
  };

  /** Creates the tables of the crawl's persistent frontier, adding columns an older one lacks. */
  static void create(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String sql : DDL) {
        st.execute(sql);
      }
      boolean hasOrigin = false;
      try (ResultSet rs = st.executeQuery("PRAGMA main.table_info(frontier_urls)")) {
        while (rs.next()) {
          hasOrigin |= rs.getString("name").equals("origin");
        }
      }
      if (!hasOrigin) {
        st.execute("ALTER TABLE frontier_urls ADD COLUMN origin INTEGER");
      }
    }
  }

  /**
   * Creates the same tables as TEMP tables of this connection: they shadow the persistent ones
   * (SQLite looks names up in {@code temp} first), live only as long as the connection and are
   * dropped when it closes. One URL may be queued once per origin, so that a URL given twice is
   * fetched twice and two inputs redirecting to one page each follow their own chain.
   */
  static void createRunScoped(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String sql : DDL) {
        String t = sql.replace("CREATE TABLE IF NOT EXISTS", "CREATE TEMP TABLE IF NOT EXISTS")
            .replace("CREATE INDEX IF NOT EXISTS ", "CREATE INDEX IF NOT EXISTS temp.")
            .replace("url TEXT NOT NULL UNIQUE,", "url TEXT NOT NULL,")
            .replace("origin INTEGER\n", "origin INTEGER,\n  UNIQUE(url, origin)\n");
        st.execute(t);
      }
    }
  }
}
