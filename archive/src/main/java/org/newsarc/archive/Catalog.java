package org.newsarc.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.newsarc.archive.stories.StoryIndex;
import org.newsarc.archive.stories.StoryText;
import org.newsarc.extractor.Article;

/**
 * The SQLite catalog beside the WARC files: one row per capture (pointing into its WARC file),
 * one row per extracted article, one row per failed fetch, and a full-text index over articles.
 * The catalog is derived from the WARC files and can be rebuilt from them. The database runs in
 * WAL mode. It is also the {@link CaptureLookup} that lets the WARC writer write revisit records
 * for payloads it already holds. Thread-safe: all access goes through one connection and is
 * serialised.
 */
public final class Catalog implements Closeable, CaptureLookup {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String INSERT_CAPTURE = "INSERT INTO captures(requested_url, url,"
      + " fetched_at, status, content_type, payload_digest, warc_file, warc_offset, warc_length,"
      + " record_id, ip_address, redirect_location, revisit) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";
  private static final String INSERT_ARTICLE = "INSERT INTO articles(capture_id, url, title,"
      + " authors, published, modified, site_name, language, canonical_url, description, tags,"
      + " image_url, text, word_count, article_signal, extractor_version, extracted_at,"
      + " page_type, story_id, story_signature)"
      + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  private static final String INSERT_FAILURE =
      "INSERT INTO failures(url, failed_at, kind, reason, capture_id) VALUES (?,?,?,?,?)";
  /** The first full (non-revisit) capture with a payload digest: what a revisit refers to. */
  private static final String FULL_WITH_PAYLOAD =
      " FROM captures WHERE payload_digest = ? AND revisit = 0 ORDER BY id LIMIT 1";
  private static final String FIRST_WITH_PAYLOAD = "SELECT url, fetched_at, record_id"
      + FULL_WITH_PAYLOAD;
  private static final String STORED_WITH_PAYLOAD =
      "SELECT warc_file, warc_offset, warc_length, record_id, fetched_at" + FULL_WITH_PAYLOAD;
  private static final String LATEST_FULL_CAPTURE = "SELECT url, fetched_at, record_id"
      + " FROM captures WHERE url = ? AND revisit = 0 AND status = 200"
      + " ORDER BY fetched_at DESC, id DESC LIMIT 1";

  private final Path file;
  private final Connection connection;
  private final StoryIndex stories;
  /** Statements made once and reused for every row, by their SQL; used under the lock. */
  private final java.util.Map<String, PreparedStatement> statements = new java.util.HashMap<>();

  private Catalog(Path file, Connection connection, StoryIndex stories) {
    this.file = file;
    this.connection = connection;
    this.stories = stories;
  }

  /**
   * Opens or creates the catalog in {@code file}, migrating its schema to the current one.
   *
   * @throws DamagedCatalogException when SQLite's integrity check fails: nothing is written to
   *     a damaged catalog; {@code newsarc reindex} rebuilds it from the WARC files
   */
  public static Catalog open(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=NORMAL");
        st.execute("PRAGMA foreign_keys=ON");
        st.execute("PRAGMA busy_timeout=10000");
      }
      DamagedCatalogException.check(c, file);
      CatalogSchema.migrate(c);
      StoryIndex stories = new StoryIndex(c);
      stories.backfill(); // articles from before schema 3
      return new Catalog(file, c, stories);
    } catch (SQLException e) {
      if (e.getErrorCode() == 11 || e.getErrorCode() == 26) { // SQLITE_CORRUPT, SQLITE_NOTADB
        throw new DamagedCatalogException(file, e.getMessage(), e);
      }
      throw new IOException("cannot open catalog " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  /**
   * The catalog's connection, for modules that keep their own tables in the same database (the
   * crawl frontier) and must commit with the catalog rows in one transaction. Callers must hold
   * the lock of this catalog ({@code synchronized (catalog)}) while using it.
   */
  public Connection connection() {
    return connection;
  }

  /** Records a capture; returns its row id. */
  public synchronized long addCapture(CaptureRow row) throws IOException {
    try {
      PreparedStatement ps = statement(INSERT_CAPTURE);
      ps.setString(1, row.requestedUrl());
      ps.setString(2, row.url());
      ps.setString(3, row.fetchedAt().toString());
      ps.setInt(4, row.status());
      ps.setString(5, row.contentType());
      ps.setString(6, row.stored().payloadDigest());
      ps.setString(7, row.stored().warcFile());
      ps.setLong(8, row.stored().offset());
      ps.setLong(9, row.stored().length());
      ps.setString(10, row.stored().recordId());
      ps.setString(11, row.ipAddress());
      ps.setString(12, row.redirectLocation());
      ps.setInt(13, row.stored().revisit() ? 1 : 0);
      return insert(ps);
    } catch (SQLException e) {
      throw new IOException("cannot record capture of " + row.url() + ": " + e.getMessage(), e);
    }
  }

  /** Stores the article extracted from capture {@code captureId}; returns its row id. */
  public long addArticle(long captureId, Article a, String extractorVersion,
      Instant extractedAt) throws IOException {
    return addArticle(captureId, a, null, extractorVersion, extractedAt);
  }

  /**
   * As {@link #addArticle(long, Article, String, Instant)}, with the story features of the
   * article's text made beforehand (outside this catalog's lock); when {@code story} is null
   * or was made from another text, they are made here.
   */
  public synchronized long addArticle(long captureId, Article a, StoryText story,
      String extractorVersion, Instant extractedAt) throws IOException {
    try {
      StoryText t = story != null && story.isOf(a.text()) ? story : StoryText.of(a.text());
      // The story is known before the row is written, so that the row (whose text is most of
      // it) is written once rather than rewritten by an update.
      long day = stories.storyDay(captureId, a.published(), extractedAt.toString());
      long storyId = stories.match(t, day);
      if (storyId == 0) {
        storyId = stories.founderStory(captureId, 0);
      }
      PreparedStatement ps = statement(INSERT_ARTICLE);
      ps.setLong(1, captureId);
      ps.setString(2, a.url());
      ps.setString(3, a.title());
      ps.setString(4, json(a.authors()));
      ps.setString(5, a.published());
      ps.setString(6, a.modified());
      ps.setString(7, a.siteName());
      ps.setString(8, a.language());
      ps.setString(9, a.canonicalUrl());
      ps.setString(10, a.description());
      ps.setString(11, json(a.tags()));
      ps.setString(12, a.imageUrl());
      ps.setString(13, a.text());
      ps.setInt(14, a.wordCount());
      ps.setDouble(15, a.articleSignal());
      ps.setString(16, extractorVersion);
      ps.setString(17, extractedAt.toString());
      ps.setString(18, a.pageType().label());
      if (storyId == 0) {
        ps.setNull(19, Types.INTEGER);
      } else {
        ps.setLong(19, storyId);
      }
      ps.setBytes(20, t.storedSignature());
      long id = insert(ps);
      if (storyId == 0) {
        // No capture row to name the story after (foreign keys off): the article names it.
        storyId = stories.founderStory(captureId, id);
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE articles SET story_id = ? WHERE id = ?")) {
          update.setLong(1, storyId);
          update.setLong(2, id);
          update.executeUpdate();
        }
      }
      stories.added(id, storyId, t, day);
      return id;
    } catch (SQLException e) {
      throw new IOException("cannot store article " + a.url() + ": " + e.getMessage(), e);
    }
  }

  /** Records that fetching or extracting {@code url} failed, and why. */
  public synchronized void addFailure(String url, Instant at, String kind, String reason,
      Long captureId) throws IOException {
    try {
      PreparedStatement ps = statement(INSERT_FAILURE);
      ps.setString(1, url);
      ps.setString(2, at.toString());
      ps.setString(3, kind);
      ps.setString(4, reason);
      if (captureId == null) {
        ps.setNull(5, Types.INTEGER);
      } else {
        ps.setLong(5, captureId);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IOException("cannot record failure of " + url + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Optional<PriorCapture> firstWithPayload(String payloadDigest)
      throws IOException {
    return prior(FIRST_WITH_PAYLOAD, payloadDigest);
  }

  /**
   * Where the response that {@link #firstWithPayload} names is stored: the record whose payload
   * an identical-payload revisit with {@code payloadDigest} stands for.
   */
  public synchronized Optional<StoredCapture> storedWithPayload(String payloadDigest)
      throws IOException {
    return first(STORED_WITH_PAYLOAD, payloadDigest, rs -> new StoredCapture(rs.getString(1),
        rs.getLong(2), rs.getLong(3), rs.getString(4), payloadDigest,
        Instant.parse(rs.getString(5)), false));
  }

  @Override
  public synchronized Optional<PriorCapture> latestFullCapture(String url) throws IOException {
    return prior(LATEST_FULL_CAPTURE, url);
  }

  private Optional<PriorCapture> prior(String sql, String key) throws IOException {
    return first(sql, key, rs -> new PriorCapture(rs.getString(1),
        Instant.parse(rs.getString(2)), rs.getString(3)));
  }

  /** Reads a value from the current row of a result. */
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** The first row of {@code sql} with its one parameter {@code key}, read by {@code row}. */
  private <T> Optional<T> first(String sql, String key, RowReader<T> row) throws IOException {
    try {
      PreparedStatement ps = statement(sql);
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IOException("capture lookup failed for " + key + ": " + e.getMessage(), e);
    }
  }

  /** The title of the latest article extracted from {@code url}, or null. */
  public synchronized String latestArticleTitle(String url) throws IOException {
    String sql = "SELECT a.title FROM articles a JOIN captures c ON c.id = a.capture_id"
        + " WHERE c.url = ? AND a.title IS NOT NULL ORDER BY c.fetched_at DESC LIMIT 1";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, url);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IOException("title lookup failed for " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * To be called, under this catalog's lock, after a transaction or savepoint that may hold
   * this catalog's writes was rolled back: the story cache may name articles whose rows are
   * gone and whose ids SQLite will give again, so it is emptied (it refills from the rows).
   */
  public synchronized void rolledBack() {
    stories.forget();
  }

  /** Work done inside one catalog transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code work} in one transaction: all of its changes are committed together, or none
   * when it throws.
   */
  public synchronized <T> T inTransaction(Work<T> work) throws IOException {
    try {
      boolean outer = connection.getAutoCommit();
      if (!outer) {
        return work.run(); // already inside one
      }
      connection.setAutoCommit(false);
      try {
        T result = work.run();
        connection.commit();
        return result;
      } catch (IOException | RuntimeException e) {
        connection.rollback();
        stories.forget();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IOException("catalog transaction failed: " + e.getMessage(), e);
    }
  }

  /**
   * Deletes everything that is derived from the WARC files (captures, their articles, story
   * buckets and extraction failures) so that it can be rebuilt. Other failures tied to a capture
   * (an archived 404, an oversized body) are kept and tied again by {@link
   * #relinkKeptFailures()} to the rebuilt capture of the same WARC record; failures with no
   * capture (network errors) are kept as they are.
   */
  public synchronized void clearWarcDerivedRows() throws IOException {
    try (Statement st = connection.createStatement()) {
      st.executeUpdate("DELETE FROM articles");
      stories.clear();
      st.executeUpdate("DELETE FROM failures WHERE capture_id IS NOT NULL AND kind = 'extraction'");
      st.executeUpdate("DROP TABLE IF EXISTS temp.kept_failures");
      st.executeUpdate("CREATE TEMP TABLE kept_failures AS SELECT f.id AS failure_id,"
          + " c.record_id AS record_id FROM failures f JOIN captures c ON c.id = f.capture_id");
      st.executeUpdate("UPDATE failures SET capture_id = NULL WHERE capture_id IS NOT NULL");
      st.executeUpdate("DELETE FROM captures");
    } catch (SQLException e) {
      throw new IOException("cannot clear catalog " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * After a rebuild, ties each failure kept by {@link #clearWarcDerivedRows()} to the new capture
   * of its WARC record; a failure whose record is no longer in any WARC file is deleted.
   */
  public synchronized void relinkKeptFailures() throws IOException {
    try (Statement st = connection.createStatement()) {
      st.executeUpdate("UPDATE failures SET capture_id = (SELECT c.id FROM kept_failures k"
          + " JOIN captures c ON c.record_id = k.record_id WHERE k.failure_id = failures.id"
          + " ORDER BY c.id LIMIT 1) WHERE id IN (SELECT failure_id FROM kept_failures)");
      st.executeUpdate("DELETE FROM failures WHERE capture_id IS NULL"
          + " AND id IN (SELECT failure_id FROM kept_failures)");
      st.executeUpdate("DROP TABLE temp.kept_failures");
    } catch (SQLException e) {
      throw new IOException("cannot tie failures to rebuilt captures in " + file + ": "
          + e.getMessage(), e);
    }
  }

  /** Counts the rows of a catalog table; for reports and tests. */
  public synchronized long count(String table) throws IOException {
    if (!table.matches("captures|articles|failures")) {
      throw new IllegalArgumentException("not a catalog table: " + table);
    }
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IOException("cannot count " + table + ": " + e.getMessage(), e);
    }
  }

  /** Article titles matching a full-text query, best first; for people and tests. */
  public synchronized List<String> searchTitles(String query, int limit) throws IOException {
    String sql = "SELECT a.title FROM articles_fts f JOIN articles a ON a.id = f.rowid"
        + " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, query);
      ps.setInt(2, limit);
      List<String> titles = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          titles.add(rs.getString(1));
        }
      }
      return titles;
    } catch (SQLException e) {
      throw new IOException("search failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      writeHeldStoryBuckets();
      stories.close();
      for (PreparedStatement ps : statements.values()) {
        ps.close();
      }
      statements.clear();
      connection.close();
    } catch (SQLException e) {
      throw new IOException("cannot close catalog " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the story bucket rows held back for the next batch, so that a closed catalog's
   * {@code story_buckets} table is whole. When that fails nothing is lost: the next open reads
   * those articles back from their rows.
   */
  private void writeHeldStoryBuckets() {
    try {
      if (!connection.getAutoCommit()) {
        stories.flush(); // the caller's transaction
        return;
      }
      connection.setAutoCommit(false);
      try {
        stories.flush();
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // Left for the next open (see above).
    }
  }

  /** The reusable statement for {@code sql}; callers hold the lock. */
  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = sql.startsWith("INSERT INTO captures") || sql.startsWith("INSERT INTO articles")
          ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
          : connection.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  /** Runs an insert; returns the new row's id. */
  private static long insert(PreparedStatement ps) throws SQLException {
    ps.executeUpdate();
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  private static String json(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serialises", e);
    }
  }
}
