package org.newsarc.crawler.frontier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The frontier's prepared statements, each prepared once per connection and reused: SQLite
 * parses and plans a statement on every prepare, and the frontier runs a dozen of them for each
 * URL it adds, leases and completes. Not thread-safe: used only under the catalog's lock, like
 * the connection itself.
 */
final class Statements {
  private final Connection db;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  Statements(Connection db) {
    this.db = db;
  }

  /**
   * The statement for {@code sql}, its parameters cleared. The caller closes the result sets it
   * opens and never closes the statement.
   */
  PreparedStatement of(String sql) throws SQLException {
    PreparedStatement ps = prepared.get(sql);
    if (ps == null || ps.isClosed()) {
      ps = db.prepareStatement(sql);
      prepared.put(sql, ps);
    } else {
      ps.clearParameters();
    }
    return ps;
  }

  /** Closes every statement, e.g. before the tables they read are dropped. */
  void closeAll() throws SQLException {
    SQLException first = null;
    for (PreparedStatement ps : prepared.values()) {
      try {
        ps.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    prepared.clear();
    if (first != null) {
      throw first;
    }
  }
}
