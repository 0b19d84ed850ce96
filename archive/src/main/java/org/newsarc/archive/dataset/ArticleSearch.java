package org.newsarc.archive.dataset;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.newsarc.archive.Catalog;

/**
 * Ranked full-text search over a catalog's articles (SQLite FTS5, BM25 with titles weighted
 * above text), with highlighted snippets and the filters of the {@code search} command.
 * Stateless.
 */
public final class ArticleSearch {
  private ArticleSearch() {}

  /** Where a search begins and ends highlighted terms. */
  public record Marks(String open, String close) {}

  /**
   * One result.
   *
   * @param id article row id
   * @param score BM25 score (lower is better, as SQLite reports it)
   * @param snippet a piece of the text around the matches, terms between the marks
   */
  public record Hit(long id, String title, String url, String siteName, String published,
      String fetchedAt, String snippet, double score) {}

  /** A query FTS5 cannot parse; the message says what is wrong and how to write it. */
  public static final class QuerySyntaxException extends IOException {
    public QuerySyntaxException(String message) {
      super(message);
    }
  }

  /**
   * Runs {@code query}, keeping rows of {@code sites} published on or after {@code since} and on
   * or before {@code until} (ISO dates, null for any), best first, at most {@code limit}.
   */
  public static List<Hit> search(Catalog catalog, String query, List<String> sites, String since,
      String until, int limit, Marks marks) throws IOException {
    if (query == null || query.isBlank()) {
      throw new QuerySyntaxException("the search query is empty");
    }
    StringBuilder sql = new StringBuilder("SELECT a.id, a.title, a.url, a.site_name,"
        + " a.published, c.fetched_at, snippet(articles_fts, 1, ?, ?, ' … ', 16),"
        + " bm25(articles_fts, 5.0, 1.0) AS score FROM articles_fts"
        + " JOIN articles a ON a.id = articles_fts.rowid JOIN captures c ON c.id = a.capture_id"
        + " WHERE articles_fts MATCH ?");
    List<Object> args = new ArrayList<>(List.of(marks.open(), marks.close(), query));
    if (since != null) {
      sql.append(" AND substr(a.published, 1, 10) >= ?");
      args.add(since);
    }
    if (until != null) {
      sql.append(" AND substr(a.published, 1, 10) <= ?");
      args.add(until);
    }
    sql.append(" ORDER BY score, a.id");
    List<Hit> hits = new ArrayList<>();
    synchronized (catalog) {
      Connection c = catalog.connection();
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          ps.setObject(i + 1, args.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next() && (limit <= 0 || hits.size() < limit)) {
            if (!SiteFilter.matches(sites, rs.getString(4), rs.getString(3))) {
              continue;
            }
            hits.add(new Hit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getDouble(8)));
          }
        }
      } catch (SQLException e) {
        throw explain(query, e);
      }
    }
    return hits;
  }

  static IOException explain(String query, SQLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("fts5") || m.contains("syntax error") || m.contains("no such column")
        || m.contains("unterminated") || m.contains("unknown special query")) {
      String detail = m.replaceFirst("(?s).*?\\((.*)\\)\\s*$", "$1");
      return new QuerySyntaxException("malformed search query '" + query + "' (" + detail
          + "). Write words, \"quoted phrases\", AND, OR, NOT in capitals, parentheses, and"
          + " prefix* searches; put other punctuation inside double quotes.");
    }
    return new IOException("search failed: " + m, e);
  }
}
