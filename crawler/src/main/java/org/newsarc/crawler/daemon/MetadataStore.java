package org.newsarc.crawler.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.newsarc.crawler.discovery.EntryMetadata;

/**
 * Writes what feeds and news sitemaps say about a URL into the catalog's
 * {@code discovered_metadata} table, once per URL and source. Must be called inside the
 * frontier's transaction. Thread-safe.
 */
final class MetadataStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  void store(Connection db, String url, String sourceUrl, EntryMetadata m, Instant at)
      throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("INSERT OR IGNORE INTO discovered_metadata("
        + "url, source_url, source_kind, title, published, modified, language, publication,"
        + " keywords, discovered_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
      ps.setString(1, url);
      ps.setString(2, sourceUrl);
      ps.setString(3, m.source());
      ps.setString(4, m.title());
      ps.setString(5, m.published());
      ps.setString(6, m.modified());
      ps.setString(7, m.language());
      ps.setString(8, m.publication());
      ps.setString(9, json(m));
      ps.setString(10, at.toString());
      ps.executeUpdate();
    }
  }

  private static String json(EntryMetadata m) {
    try {
      return JSON.writeValueAsString(m.keywords());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serialises", e);
    }
  }
}
