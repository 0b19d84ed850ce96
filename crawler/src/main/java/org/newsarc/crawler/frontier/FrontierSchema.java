package org.newsarc.crawler.frontier;

import java.sql.Connection;
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
        last_error TEXT
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

  static void create(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String sql : DDL) {
        st.execute(sql);
      }
    }
  }
}
