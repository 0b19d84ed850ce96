package org.newsarc.crawler.frontier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A frontier URL as stored, for tests and the status view. Immutable.
 *
 * @param nextFetchAt epoch milliseconds
 */
public record UrlRow(String url, String queue, int depth, String foundOn, UrlKind kind,
    String state, int attempts, long nextFetchAt, int lastStatus, String etag,
    String lastModified, long revisitSeconds, int fetches, String lastError) {

  static UrlRow load(Connection db, String url) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT url, queue, depth, found_on, kind,"
        + " state, attempts, next_fetch_at, last_status, etag, last_modified, revisit_seconds,"
        + " fetches, last_error FROM frontier_urls WHERE url=?")) {
      ps.setString(1, url);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new UrlRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
            UrlKind.of(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getLong(8),
            rs.getInt(9), rs.getString(10), rs.getString(11), rs.getLong(12), rs.getInt(13),
            rs.getString(14));
      }
    }
  }
}
