package org.newsarc.crawler.daemon;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.newsarc.crawler.frontier.Frontier;
import org.newsarc.crawler.robots.RobotsCache;

/**
 * Keeps robots.txt answers in the crawl database (table {@code robots_rules}), so that a crawl
 * restarted within the robots.txt cache lifetime (at most 24 hours) does not fetch robots.txt
 * again. Only answers that give rules (2xx, or 4xx meaning "no rules") are kept; an unreachable
 * robots.txt is tried again after a restart. Thread-safe through the frontier's transactions.
 */
final class RobotsStore implements RobotsCache.Store {
  private final Frontier frontier;

  RobotsStore(Frontier frontier) throws IOException {
    this.frontier = frontier;
    frontier.transaction(() -> {
      try (Statement st = frontier.connection().createStatement()) {
        st.execute("CREATE TABLE IF NOT EXISTS robots_rules (origin TEXT PRIMARY KEY,"
            + " status INTEGER NOT NULL, content_type TEXT, body BLOB NOT NULL,"
            + " fetched_at INTEGER NOT NULL)");
      }
      return null;
    });
  }

  @Override
  public RobotsCache.Stored load(String origin) throws IOException {
    return frontier.transaction(() -> {
      try (PreparedStatement ps = frontier.connection().prepareStatement(
          "SELECT status, content_type, body, fetched_at FROM robots_rules WHERE origin=?")) {
        ps.setString(1, origin);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? new RobotsCache.Stored(rs.getInt(1), rs.getString(2),
              rs.getBytes(3), Instant.ofEpochMilli(rs.getLong(4))) : null;
        }
      }
    });
  }

  @Override
  public void save(String origin, RobotsCache.Stored stored) throws IOException {
    frontier.transaction(() -> {
      try (PreparedStatement ps = frontier.connection().prepareStatement(
          "INSERT OR REPLACE INTO robots_rules(origin, status, content_type, body, fetched_at)"
              + " VALUES (?,?,?,?,?)")) {
        ps.setString(1, origin);
        ps.setInt(2, stored.status());
        ps.setString(3, stored.contentType());
        ps.setBytes(4, stored.body());
        ps.setLong(5, stored.fetchedAt().toEpochMilli());
        ps.executeUpdate();
      }
      return null;
    });
  }
}
