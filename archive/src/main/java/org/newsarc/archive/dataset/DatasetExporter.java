package org.newsarc.archive.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.newsarc.archive.Catalog;

/**
 * Writes the articles of a catalog that match a {@link DatasetQuery} to a dataset, and a data
 * card beside it ({@code FILE.README.md}) that says what each column means, how the rows were
 * chosen, how many rows each filter left out, and how many came from each site, language and
 * month. A file is written under a temporary name and moved into place at the end, so a failed
 * export leaves nothing behind; see {@link OutputTarget} for what is refused. Not thread-safe;
 * use one instance per export.
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

  /**
   * What an export wrote.
   *
   * @param file the dataset file, or null for standard output
   * @param dataCard the data card, or null when none was written (standard output)
   * @param rows rows written
   * @param duplicatesDropped rows left out as exact duplicates (same canonical URL or text)
   * @param leftOut rows each filter left out, in the order the filters apply
   * @param dropped the rows dedupe dropped, each with the row kept in its place
   */
  public record Summary(Path file, Path dataCard, int rows, int duplicatesDropped,
      Map<String, Integer> bySite, Map<String, Integer> byLanguage,
      Map<String, Integer> leftOut, List<Dropped> dropped) {}

  /** A row dedupe left out, why, and the id of the row kept in its place (0 when none). */
  public record Dropped(long id, String url, String reason, long keptId) {}

  /** Exports to a file path (the common case in code and tests). */
  public Summary export(DatasetQuery query, DatasetFormat format, Path file) throws IOException {
    return export(query, format, OutputTarget.of(file.toString(), List.of(), List.of()), null);
  }

  /** Exports to {@code target}; {@code stdout} receives the rows when it is standard output. */
  public Summary export(DatasetQuery query, DatasetFormat format, OutputTarget target,
      OutputStream stdout) throws IOException {
    if (target.direct() && format.streamable()) {
      try (OutputStream out = target.openDirect(stdout)) {
        DatasetStats stats = write(query, format, out, null);
        return summary(target, null, stats);
      }
    }
    Path dir = target.isStdout() ? Path.of(System.getProperty("java.io.tmpdir"))
        : target.direct() ? Path.of(System.getProperty("java.io.tmpdir"))
        : target.path().getParent();
    Path tmp = OutputTarget.newTempFile(dir, ".export-", ".tmp");
    DatasetStats stats;
    try {
      if (format.streamable()) {
        try (OutputStream out = Files.newOutputStream(tmp)) {
          stats = write(query, format, out, null);
        }
      } else {
        stats = write(query, format, null, tmp);
      }
      if (target.direct()) {
        try (OutputStream out = target.openDirect(stdout); InputStream in = Files.newInputStream(tmp)) {
          in.transferTo(out);
        }
        Files.delete(tmp);
        return summary(target, null, stats);
      }
      target.commit(tmp);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Path card = target.path().resolveSibling(target.path().getFileName() + ".README.md");
    Files.writeString(card, DataCard.render(target.displayName(), format, query, stats,
        catalog, software, clock.instant()), StandardCharsets.UTF_8);
    return summary(target, card, stats);
  }

  private static Summary summary(OutputTarget target, Path card, DatasetStats s) {
    return new Summary(target.path(), card, s.rows, s.duplicates(), s.bySite, s.byLanguage,
        s.leftOut, s.dropped);
  }

  private DatasetStats write(DatasetQuery q, DatasetFormat format, OutputStream out, Path file)
      throws IOException {
    DatasetStats stats = new DatasetStats();
    synchronized (catalog) {
      Connection c = catalog.connection();
      try {
        RowFilter filter = RowFilter.prepare(c, q);
        try (DatasetWriter writer = DatasetWriter.open(format, out, file);
            PreparedStatement ps = c.prepareStatement(SELECT);
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (DatasetField f : DatasetField.ALL) {
              row.put(f.name(), f.name().equals("seen_urls") ? null : rs.getObject(f.name()));
            }
            String reason = filter.reject(row, stats.rows);
            if (reason != null) {
              stats.leftOut.merge(reason, 1, Integer::sum);
              if (reason.startsWith(RowFilter.DUPLICATE)) {
                stats.dropped.add(new Dropped(((Number) row.get("id")).longValue(),
                    (String) row.get("url"), reason, filter.keptFor(row)));
              }
              continue;
            }
            row.put("seen_urls", filter.seenUrls(row));
            writer.write(row);
            stats.count(row);
          }
        }
      } catch (SQLException e) {
        throw new IOException("export query failed: " + e.getMessage(), e);
      }
    }
    return stats;
  }

  private static final String SELECT = "SELECT a.id, a.url, a.canonical_url, a.title,"
      + " a.authors, a.published, a.modified, a.site_name, a.language, a.description, a.tags,"
      + " a.image_url, a.text, a.word_count, a.article_signal, a.extractor_version,"
      + " c.fetched_at, c.status, c.warc_file, c.warc_offset, c.warc_length, c.payload_digest,"
      + " a.story_id FROM articles a JOIN captures c ON c.id = a.capture_id"
      + " ORDER BY a.published IS NULL, a.published, a.id";

  /** Counts kept for the summary and the data card. */
  static final class DatasetStats {
    int rows;
    final Map<String, Integer> bySite = new TreeMap<>();
    final Map<String, Integer> byLanguage = new TreeMap<>();
    final Map<String, Integer> byMonth = new TreeMap<>();
    final Map<String, Integer> filled = new LinkedHashMap<>();
    final Map<String, Integer> leftOut = new LinkedHashMap<>();
    final List<Dropped> dropped = new ArrayList<>();
    String firstFetch;
    String lastFetch;

    int duplicates() {
      return dropped.size();
    }

    void count(Map<String, Object> row) {
      rows++;
      bySite.merge(String.valueOf(row.get("site_name")), 1, Integer::sum);
      byLanguage.merge(String.valueOf(row.get("language")), 1, Integer::sum);
      Object p = row.get("published");
      byMonth.merge(p == null || p.toString().length() < 7 ? "unknown" : p.toString()
          .substring(0, 7), 1, Integer::sum);
      for (DatasetField f : DatasetField.ALL) {
        Object v = row.get(f.name());
        boolean has = v != null && !v.toString().isEmpty() && !v.toString().equals("[]");
        filled.merge(f.name(), has ? 1 : 0, Integer::sum);
      }
      String fetched = (String) row.get("fetched_at");
      if (fetched != null) {
        firstFetch = firstFetch == null || fetched.compareTo(firstFetch) < 0 ? fetched : firstFetch;
        lastFetch = lastFetch == null || fetched.compareTo(lastFetch) > 0 ? fetched : lastFetch;
      }
    }
  }
}
