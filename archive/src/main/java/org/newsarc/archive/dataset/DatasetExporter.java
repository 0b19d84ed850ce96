package org.newsarc.archive.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.newsarc.archive.Catalog;

/**
 * Writes the articles of a catalog that match a {@link DatasetQuery} to a dataset file, and a
 * data card beside it ({@code FILE.README.md}) that says what each column means, how the rows
 * were chosen, and how many came from each site and language. The file is written under a
 * temporary name and moved into place at the end, so a failed export leaves nothing behind.
 * Not thread-safe; use one instance per export.
 */
public final class DatasetExporter {
  private final Catalog catalog;
  private final Clock clock;
  private final String software;

  public DatasetExporter(Catalog catalog, Clock clock, String software) {
    this.catalog = catalog;
    this.clock = clock;
    this.software = software;
  }

  /** What an export wrote. */
  public record Summary(Path file, Path dataCard, int rows, int duplicatesDropped,
      Map<String, Integer> bySite, Map<String, Integer> byLanguage) {}

  public Summary export(DatasetQuery query, DatasetFormat format, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".export-", ".tmp");
    Map<String, Integer> bySite = new TreeMap<>();
    Map<String, Integer> byLanguage = new TreeMap<>();
    int rows = 0;
    int dropped = 0;
    try (DatasetWriter writer = DatasetWriter.open(format, tmp)) {
      synchronized (catalog) {
        Connection c = catalog.connection();
        try (PreparedStatement ps = prepare(c, query); ResultSet rs = ps.executeQuery()) {
          Set<String> seenTexts = new HashSet<>();
          while (rs.next() && (query.limit() == 0 || rows < query.limit())) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (DatasetField f : DatasetField.ALL) {
              row.put(f.name(), rs.getObject(f.name()));
            }
            if (query.dedupe() && !seenTexts.add(fingerprint((String) row.get("text")))) {
              dropped++;
              continue;
            }
            writer.write(row);
            rows++;
            bySite.merge(String.valueOf(row.get("site_name")), 1, Integer::sum);
            byLanguage.merge(String.valueOf(row.get("language")), 1, Integer::sum);
          }
        } catch (SQLException e) {
          throw new IOException("export query failed: " + e.getMessage(), e);
        }
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Path card = file.resolveSibling(file.getFileName() + ".README.md");
    Files.writeString(card, DataCard.render(file.getFileName().toString(), format, query, rows,
        dropped, bySite, byLanguage, software, clock.instant()), StandardCharsets.UTF_8);
    return new Summary(file, card, rows, dropped, bySite, byLanguage);
  }

  private static PreparedStatement prepare(Connection c, DatasetQuery q) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT a.id, a.url, a.canonical_url, a.title,"
        + " a.authors, a.published, a.modified, a.site_name, a.language, a.description, a.tags,"
        + " a.image_url, a.text, a.word_count, a.article_signal, a.extractor_version,"
        + " c.fetched_at, c.status, c.warc_file, c.warc_offset, c.warc_length, c.payload_digest"
        + " FROM articles a JOIN captures c ON c.id = a.capture_id WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (q.dedupe()) {
      sql.append(" AND a.id IN (SELECT max(id) FROM articles"
          + " GROUP BY coalesce(canonical_url, url))");
    }
    if (q.articlesOnly()) {
      sql.append(" AND a.article_signal >= 0.5");
    }
    if (q.minWords() > 0) {
      sql.append(" AND a.word_count >= ?");
      args.add(q.minWords());
    }
    if (q.from() != null) {
      sql.append(" AND substr(a.published, 1, ?) >= ?");
      args.add(q.from().length());
      args.add(q.from());
    }
    if (q.to() != null) {
      sql.append(" AND substr(a.published, 1, ?) <= ?");
      args.add(q.to().length());
      args.add(q.to());
    }
    if (!q.languages().isEmpty()) {
      sql.append(" AND (");
      for (int i = 0; i < q.languages().size(); i++) {
        sql.append(i == 0 ? "" : " OR ").append("lower(a.language) = ? OR lower(a.language) LIKE ?");
        String lang = q.languages().get(i).toLowerCase(Locale.ROOT);
        args.add(lang);
        args.add(lang + "-%");
      }
      sql.append(")");
    }
    if (!q.sites().isEmpty()) {
      sql.append(" AND (");
      for (int i = 0; i < q.sites().size(); i++) {
        sql.append(i == 0 ? "" : " OR ")
            .append("lower(a.site_name) = ? OR lower(a.url) LIKE ? OR lower(a.url) LIKE ?");
        String site = q.sites().get(i).toLowerCase(Locale.ROOT);
        args.add(site);
        args.add("%://" + site + "/%");
        args.add("%." + site + "/%");
      }
      sql.append(")");
    }
    if (q.query() != null && !q.query().isBlank()) {
      sql.append(" AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)");
      args.add(q.query());
    }
    sql.append(" ORDER BY a.published IS NULL, a.published, a.id");
    PreparedStatement ps = c.prepareStatement(sql.toString());
    for (int i = 0; i < args.size(); i++) {
      ps.setObject(i + 1, args.get(i));
    }
    return ps;
  }

  /** Texts that differ only in spacing and case count as one. */
  private static String fingerprint(String text) {
    String normal = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(normal.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }
}
