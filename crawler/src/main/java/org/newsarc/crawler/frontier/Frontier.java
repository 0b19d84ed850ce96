package org.newsarc.crawler.frontier;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsarc.archive.Catalog;

/**
 * The crawl frontier: every known URL and one politeness queue per host (or domain), stored in
 * the catalog's SQLite database so that millions of URLs cost no heap, and so that a URL is
 * marked done in the same transaction as its captures and article ({@link #transaction}).
 * Choosing the next queue reads the first entry of an index on each queue's ready time; no
 * method scans all hosts. Thread-safe: every call holds the catalog's lock.
 */
public final class Frontier {
  /** Work done inside one database transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws IOException, SQLException;
  }

  private final Catalog catalog;
  private final Connection db;
  private final Statements sql;
  private final int maxInFlight;
  private final Clock clock;

  private Frontier(Catalog catalog, int maxInFlight, Clock clock) {
    this.catalog = catalog;
    this.db = catalog.connection();
    this.sql = new Statements(db);
    this.maxInFlight = maxInFlight;
    this.clock = clock;
  }

  /** Opens the frontier inside {@code catalog}, creating its tables when needed. */
  public static Frontier open(Catalog catalog, int maxInFlightPerQueue, Clock clock)
      throws IOException {
    synchronized (catalog) {
      try {
        FrontierSchema.create(catalog.connection());
      } catch (SQLException e) {
        throw new IOException("cannot create frontier tables: " + e.getMessage(), e);
      }
    }
    return new Frontier(catalog, maxInFlightPerQueue, clock);
  }

  /**
   * Opens a frontier for one bounded run inside {@code catalog}'s connection: TEMP tables that
   * shadow the crawl's persistent queue without touching it, start empty (any left by an
   * earlier run of this connection are dropped) and vanish when the catalog closes. URLs are
   * kept apart by {@link Candidate#origin}: a URL is queued once per origin.
   */
  public static Frontier openRunScoped(Catalog catalog, int maxInFlightPerQueue, Clock clock)
      throws IOException {
    Frontier f = new Frontier(catalog, maxInFlightPerQueue, clock);
    f.clearRun();
    return f;
  }

  /** Empties a run-scoped frontier for the next run: its TEMP tables are made anew. */
  public void clearRun() throws IOException {
    synchronized (catalog) {
      try (java.sql.Statement st = db.createStatement()) {
        sql.closeAll();
        for (String table : List.of("frontier_urls", "frontier_queues", "frontier_paths")) {
          st.execute("DROP TABLE IF EXISTS temp." + table);
        }
        FrontierSchema.createRunScoped(db);
      } catch (SQLException e) {
        throw new IOException("cannot create the run's frontier tables: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Runs {@code work} in one transaction on the catalog connection, committing when it returns
   * and rolling back when it throws. Nested calls join the outer transaction.
   */
  public <T> T transaction(Work<T> work) throws IOException {
    synchronized (catalog) {
      try {
        if (!db.getAutoCommit()) {
          return work.run();
        }
        db.setAutoCommit(false);
        Exception failure = null;
        try {
          T result = work.run();
          db.commit();
          return result;
        } catch (IOException | SQLException | RuntimeException e) {
          failure = e;
          try {
            db.rollback();
          } catch (SQLException gone) {
            // SQLite already rolled back (as it does when the disk is full): nothing to undo.
          }
          catalog.rolledBack(); // the catalog's caches may name rows that are gone
          throw e;
        } finally {
          try {
            db.setAutoCommit(true);
          } catch (SQLException e) {
            // After SQLite's own rollback no transaction is left to end ("cannot commit - no
            // transaction is active"): the first failure is the one that says what happened.
            if (failure == null) {
              throw e;
            }
            failure.addSuppressed(e);
          }
        }
      } catch (SQLException e) {
        if (isFull(e)) {
          throw diskFull(e);
        }
        throw new IOException("frontier database: " + e.getMessage(), e);
      } catch (IOException e) {
        if (isFull(e)) {
          throw diskFull(e);
        }
        throw e;
      }
    }
  }

  /** True when {@code e} or a cause is SQLite's "database or disk is full" (SQLITE_FULL). */
  private static boolean isFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s && (s.getErrorCode() == 13
          || (s.getMessage() != null && s.getMessage().contains("SQLITE_FULL")))) {
        return true;
      }
    }
    return false;
  }

  private static IOException diskFull(Throwable e) {
    return new IOException("disk full: the catalog cannot grow; nothing was lost, free some"
        + " space and run the same command again to resume", e);
  }

  /** Offers a URL; within the queue limits it is queued unless already known. */
  public AddResult add(Candidate c, int maxPerQueue, int maxQueryVariants) throws IOException {
    return transaction(() -> {
      PreparedStatement ps = sql.of(
          "SELECT 1 FROM frontier_urls WHERE url=? AND origin IS ?");
      ps.setString(1, c.url());
      setNullableLong(ps, 2, c.origin() < 0 ? null : c.origin());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return AddResult.KNOWN;
        }
      }
      QueueRow q = QueueRow.load(sql, c.queue());
      if (q != null && q.admitted() >= maxPerQueue) {
        return AddResult.QUEUE_FULL;
      }
      String pathKey = pathKey(c);
      if (pathKey != null && !countVariant(pathKey, maxQueryVariants)) {
        return AddResult.TOO_MANY_VARIANTS;
      }
      PreparedStatement ps2 = sql.of("INSERT INTO frontier_urls(url, queue,"
          + " depth, found_on, kind, seed, priority, state, next_fetch_at, redirects, origin)"
          + " VALUES (?,?,?,?,?,?,?,'queued',?,?,?)");
      ps2.setString(1, c.url());
      ps2.setString(2, c.queue());
      ps2.setInt(3, c.depth());
      ps2.setString(4, c.foundOn());
      ps2.setString(5, c.kind().label());
      ps2.setInt(6, c.seed() ? 1 : 0);
      ps2.setInt(7, c.priority());
      ps2.setLong(8, c.dueAt().toEpochMilli());
      ps2.setInt(9, c.redirects());
      setNullableLong(ps2, 10, c.origin() < 0 ? null : c.origin());
      ps2.executeUpdate();
      QueueRow updated = (q == null ? QueueRow.fresh(c.queue()) : q)
          .withAdmitted(1).withDue(c.dueAt().toEpochMilli());
      updated.save(sql, maxInFlight);
      return AddResult.ADDED;
    });
  }

  /** Hands out the most urgent due URL of the queue that has been ready longest, if any. */
  public Optional<Lease> lease() throws IOException {
    return transaction(() -> {
      long now = clock.millis();
      for (int tries = 0; tries < 8; tries++) {
        String queue = null;
        PreparedStatement ps = sql.of("SELECT queue FROM frontier_queues"
            + " WHERE ready_at IS NOT NULL AND ready_at <= ? ORDER BY ready_at LIMIT 1");
        ps.setLong(1, now);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            queue = rs.getString(1);
          }
        }
        if (queue == null) {
          return Optional.empty();
        }
        Optional<Lease> lease = leaseFrom(queue, now);
        if (lease.isPresent()) {
          return lease;
        }
        refresh(queue);
      }
      return Optional.empty();
    });
  }

  private Optional<Lease> leaseFrom(String queue, long now) throws SQLException {
    Lease lease;
    PreparedStatement ps = sql.of("SELECT id, url, depth, kind, seed, attempts,"
        + " etag, last_modified, digest, revisit_seconds, redirects, origin FROM frontier_urls"
        + " WHERE queue=? AND state='queued' AND next_fetch_at <= ?"
        + " ORDER BY priority DESC, next_fetch_at LIMIT 1");
    ps.setString(1, queue);
    ps.setLong(2, now);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      lease = new Lease(rs.getLong(1), rs.getString(2), queue, rs.getInt(3),
          UrlKind.of(rs.getString(4)), rs.getInt(5) == 1, rs.getInt(6), rs.getString(7),
          rs.getString(8), rs.getString(9), rs.getLong(10), rs.getInt(11),
          Instant.ofEpochMilli(now), originOf(rs, 12));
    }
    PreparedStatement ps2 = sql.of(
        "UPDATE frontier_urls SET state='leased', leased_at=? WHERE id=?");
    ps2.setLong(1, now);
    ps2.setLong(2, lease.id());
    ps2.executeUpdate();
    QueueRow q = QueueRow.load(sql, queue);
    QueueRow leased = q.withInFlight(q.inFlight() + 1);
    if (maxInFlight > 1) {
      // Several requests at once: a free slot may start now; the gap applies after each ends.
      leased = leased.withNextAllowed(Math.max(q.nextAllowedAt(), now));
    }
    leased.withDue(null).saveRecomputingDue(sql, maxInFlight);
    return Optional.of(lease);
  }

  /** Records what became of a leased URL and what it means for its queue. */
  public void complete(Lease lease, Completion done, QueueUpdate queue) throws IOException {
    transaction(() -> {
      PreparedStatement ps = sql.of("UPDATE frontier_urls SET state=?,"
          + " next_fetch_at=?, kind=?, last_status=?, etag=COALESCE(?, etag),"
          + " last_modified=COALESCE(?, last_modified), digest=COALESCE(?, digest),"
          + " revisit_seconds=?, attempts=CASE WHEN ? THEN attempts+1 ELSE 0 END,"
          + " last_error=?, last_fetched_at=?, fetches=fetches+1, leased_at=NULL WHERE id=?");
      ps.setString(1, done.state().label());
      ps.setLong(2, done.nextFetchAt().toEpochMilli());
      ps.setString(3, done.kind().label());
      ps.setInt(4, done.status());
      ps.setString(5, done.etag());
      ps.setString(6, done.lastModified());
      ps.setString(7, done.digest());
      ps.setLong(8, done.revisitSeconds());
      ps.setBoolean(9, done.countAttempt());
      ps.setString(10, done.error());
      ps.setLong(11, clock.millis());
      ps.setLong(12, lease.id());
      ps.executeUpdate();
      finishQueue(lease.queue(), queue, true);
      return null;
    });
  }

  /**
   * Gives a leased URL back untouched, e.g. when the crawl stops before it was fetched or its
   * host's robots.txt is unreachable; the queue waits until {@code queue.nextAllowedAt()}.
   */
  public void release(Lease lease, QueueUpdate queue) throws IOException {
    transaction(() -> {
      PreparedStatement ps = sql.of(
          "UPDATE frontier_urls SET state='queued', leased_at=NULL WHERE id=?");
      ps.setLong(1, lease.id());
      ps.executeUpdate();
      finishQueue(lease.queue(), queue, false);
      return null;
    });
  }

  private void finishQueue(String queue, QueueUpdate u, boolean fetched) throws SQLException {
    QueueRow q = QueueRow.load(sql, queue);
    int failures = switch (u.outcome()) {
      case SUCCESS -> 0;
      case FAILURE -> q.failures() + 1;
      case NEUTRAL -> q.failures();
    };
    q.withInFlight(Math.max(0, q.inFlight() - 1))
        .withNextAllowed(Math.max(ceilMillis(u.nextAllowedAt()),
            maxInFlight > 1 ? q.nextAllowedAt() : 0))
        .withOutcome(failures, fetched ? 1 : 0, u.parked() ? null : u.reason(),
            u.parked() ? u.reason() : null, u.responseMillis())
        .withDue(null)
        .saveRecomputingDue(sql, maxInFlight);
  }

  /** The consecutive failures of {@code queue} so far. */
  public int failures(String queue) throws IOException {
    return transaction(() -> {
      QueueRow q = QueueRow.load(sql, queue);
      return q == null ? 0 : q.failures();
    });
  }

  /** URLs left leased by a crawl that stopped without finishing them (after a crash). */
  public List<Lease> leased() throws IOException {
    return transaction(() -> {
      List<Lease> out = new ArrayList<>();
      PreparedStatement ps = sql.of("SELECT id, url, queue, depth, kind, seed,"
          + " attempts, etag, last_modified, digest, revisit_seconds, redirects, leased_at,"
          + " origin FROM frontier_urls WHERE state='leased'");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Lease(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
              UrlKind.of(rs.getString(5)), rs.getInt(6) == 1, rs.getInt(7), rs.getString(8),
              rs.getString(9), rs.getString(10), rs.getLong(11), rs.getInt(12),
              Instant.ofEpochMilli(rs.getLong(13)), originOf(rs, 14)));
        }
      }
      return out;
    });
  }

  /**
   * Puts every URL still leased back in its queue and clears all in-flight counts; called at
   * start, after any reconciliation, when no worker runs.
   */
  public int requeueLeased() throws IOException {
    return transaction(() -> {
      int n;
      PreparedStatement ps = sql.of(
          "UPDATE frontier_urls SET state='queued', leased_at=NULL WHERE state='leased'");
      n = ps.executeUpdate();
      List<String> queues = new ArrayList<>();
      PreparedStatement ps2 = sql.of(
          "SELECT queue FROM frontier_queues WHERE in_flight > 0 OR ready_at IS NULL");
      try (ResultSet rs = ps2.executeQuery()) {
        while (rs.next()) {
          queues.add(rs.getString(1));
        }
      }
      for (String queue : queues) {
        QueueRow.load(sql, queue).withInFlight(0).withDue(null).saveRecomputingDue(sql, maxInFlight);
      }
      return n;
    });
  }

  /** When the next queue becomes ready, or null when no queue has anything due. */
  public Instant nextReadyAt() throws IOException {
    return transaction(() -> {
      PreparedStatement ps = sql.of(
          "SELECT MIN(ready_at) FROM frontier_queues WHERE ready_at IS NOT NULL");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long v = rs.getLong(1);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
      }
    });
  }

  /**
   * True when nothing is in flight and no URL that is due now can be fetched within
   * {@code horizon}: only later revisits, or queues held back (parked, or paused by robots.txt
   * or Retry-After) for longer than the horizon remain.
   */
  public boolean idle(java.time.Duration horizon) throws IOException {
    return transaction(() -> {
      long now = clock.millis();
      PreparedStatement ps = sql.of("SELECT EXISTS(SELECT 1 FROM"
          + " frontier_queues WHERE in_flight > 0) OR EXISTS(SELECT 1 FROM frontier_queues"
          + " WHERE ready_at IS NOT NULL AND ready_at <= ? AND next_due_at <= ?)");
      ps.setLong(1, now + horizon.toMillis());
      ps.setLong(2, now);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return !rs.getBoolean(1);
      }
    });
  }

  /** The row of URL {@code url}, for tests and the status; null when unknown. */
  public UrlRow row(String url) throws IOException {
    return transaction(() -> UrlRow.load(db, url));
  }

  /**
   * The database connection, for tables written in the same transaction as frontier changes
   * (e.g. discovered metadata). Use only inside {@link #transaction}.
   */
  public Connection connection() {
    return db;
  }

  Catalog catalog() {
    return catalog;
  }

  private void refresh(String queue) throws SQLException {
    QueueRow q = QueueRow.load(sql, queue);
    if (q != null) {
      q.withDue(null).saveRecomputingDue(sql, maxInFlight);
    }
  }

  /** Counts one more query variant of a path; false when the path already has enough. */
  private boolean countVariant(String pathKey, int max) throws SQLException {
    PreparedStatement ps = sql.of("INSERT INTO frontier_paths(path, variants)"
        + " VALUES (?, 1) ON CONFLICT(path) DO UPDATE SET variants = variants + 1"
        + " WHERE variants < ? RETURNING variants");
    ps.setString(1, pathKey);
    ps.setInt(2, max);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private static String pathKey(Candidate c) {
    try {
      URI u = new URI(c.url());
      if (u.getRawQuery() == null) {
        return null;
      }
      return c.queue() + " " + u.getHost() + u.getRawPath();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Rounded up, so that a gap is never shortened by the millisecond resolution. */
  private static long ceilMillis(Instant t) {
    long ms = t.toEpochMilli();
    return t.getNano() % 1_000_000 == 0 ? ms : ms + 1;
  }

  private static long originOf(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? -1 : v;
  }

  static void setNullableLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, v);
    }
  }
}
