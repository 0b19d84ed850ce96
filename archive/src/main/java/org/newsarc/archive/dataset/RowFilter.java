package org.newsarc.archive.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filters of a {@link DatasetQuery}, applied one after the other to each catalog row so that
 * the export can say how many rows each one left out. Exact duplicates are folded: the latest
 * capture per canonical URL is kept, then the first row (in export order) per identical text,
 * and the kept row lists every URL its duplicates were seen at. Not thread-safe.
 */
final class RowFilter {
  static final String DUPLICATE = "duplicate";

  private final DatasetQuery q;
  private final Set<Long> latest = new HashSet<>();
  private final Set<Long> matching;
  private final Map<Long, String> keyOf = new HashMap<>();
  private final Map<Long, String> textOf = new HashMap<>();
  private final Map<String, Set<String>> urlsByKey = new HashMap<>();
  private final Map<String, Set<String>> urlsByText = new HashMap<>();
  private final Map<String, Long> latestByKey = new HashMap<>();
  private final Map<String, Long> keptByText = new HashMap<>();

  private RowFilter(DatasetQuery q, Set<Long> matching) {
    this.q = q;
    this.matching = matching;
  }

  static RowFilter prepare(Connection c, DatasetQuery q) throws SQLException, java.io.IOException {
    Set<Long> matching = null;
    if (q.query() != null && !q.query().isBlank()) {
      matching = new HashSet<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?")) {
        ps.setString(1, q.query());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            matching.add(rs.getLong(1));
          }
        }
      } catch (SQLException e) {
        throw ArticleSearch.explain(q.query(), e);
      }
    }
    RowFilter f = new RowFilter(q, matching);
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, url, coalesce(canonical_url, url), text FROM articles ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        String key = rs.getString(3);
        String text = fingerprint(rs.getString(4));
        f.keyOf.put(id, key);
        f.textOf.put(id, text);
        f.latestByKey.put(key, id);
        f.urlsByKey.computeIfAbsent(key, k -> new TreeSet<>()).add(rs.getString(2));
        f.urlsByText.computeIfAbsent(text, k -> new TreeSet<>()).add(rs.getString(2));
      }
    }
    f.latest.addAll(f.latestByKey.values());
    return f;
  }

  /** Why {@code row} is left out, or null to keep it; {@code written} rows are out so far. */
  String reject(Map<String, Object> row, int written) {
    long id = ((Number) row.get("id")).longValue();
    if (q.articlesOnly() && ((Number) row.get("article_signal")).doubleValue() < 0.5) {
      return "not an article (article_signal < 0.5; --all-pages keeps them)";
    }
    if (q.dedupe() && !latest.contains(id)) {
      return DUPLICATE + ": older capture of the same canonical URL (--keep-duplicates keeps it)";
    }
    if (q.minWords() > 0 && ((Number) row.get("word_count")).intValue() < q.minWords()) {
      return "fewer than " + q.minWords() + " words (--min-words)";
    }
    String published = (String) row.get("published");
    if (q.from() != null && (published == null
        || published.substring(0, Math.min(published.length(), q.from().length()))
            .compareTo(q.from()) < 0)) {
      return "published before " + q.from() + " or undated (--from)";
    }
    if (q.to() != null && (published == null
        || published.substring(0, Math.min(published.length(), q.to().length()))
            .compareTo(q.to()) > 0)) {
      return "published after " + q.to() + " or undated (--to)";
    }
    if (!q.languages().isEmpty() && !languageMatches((String) row.get("language"))) {
      return "other language (--language)";
    }
    if (!q.sites().isEmpty() && !siteMatches((String) row.get("site_name"),
        (String) row.get("url"))) {
      return "other site (--site)";
    }
    if (matching != null && !matching.contains(id)) {
      return "not matching the query (--query)";
    }
    if (q.dedupe()) {
      String text = textOf.get(id);
      Long kept = keptByText.putIfAbsent(text, id);
      if (kept != null) {
        return DUPLICATE + ": same text as a row already written (--keep-duplicates keeps it)";
      }
    }
    if (q.limit() > 0 && written >= q.limit()) {
      return "over the limit (--limit)";
    }
    return null;
  }

  /** The row kept in place of a dropped duplicate, or 0 when it is not known. */
  long keptFor(Map<String, Object> row) {
    long id = ((Number) row.get("id")).longValue();
    Long byText = keptByText.get(textOf.get(id));
    if (byText != null && byText != id) {
      return byText;
    }
    Long byKey = latestByKey.get(keyOf.get(id));
    return byKey == null ? 0 : byKey;
  }

  /** Every URL the row was seen at: its own and its exact duplicates'. */
  List<String> seenUrls(Map<String, Object> row) {
    long id = ((Number) row.get("id")).longValue();
    Set<String> urls = new TreeSet<>();
    urls.add((String) row.get("url"));
    if (q.dedupe()) {
      urls.addAll(urlsByKey.getOrDefault(keyOf.get(id), Set.of()));
      urls.addAll(urlsByText.getOrDefault(textOf.get(id), Set.of()));
    }
    return new ArrayList<>(urls);
  }

  private boolean languageMatches(String language) {
    if (language == null) {
      return false;
    }
    String l = language.toLowerCase(Locale.ROOT);
    for (String want : q.languages()) {
      String w = want.toLowerCase(Locale.ROOT);
      if (l.equals(w) || l.startsWith(w + "-")) {
        return true;
      }
    }
    return false;
  }

  boolean siteMatches(String siteName, String url) {
    return SiteFilter.matches(q.sites(), siteName, url);
  }

  /** Texts that differ only in spacing and case count as one. */
  static String fingerprint(String text) {
    String normal = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(normal.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }
}
