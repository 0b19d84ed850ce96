package org.newsarc.crawler.frontier;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of {@code frontier_queues}: a politeness queue's in-flight count, the time its next
 * request may start, its earliest due URL and the derived {@code ready_at} (null while nothing
 * is due or the queue is at its in-flight limit). Immutable; {@code with*} return copies.
 */
record QueueRow(String queue, int inFlight, long nextAllowedAt, Long nextDueAt, int admitted,
    int fetched, int failures, String pausedReason, String parkedReason, Long lastResponseMs) {

  static QueueRow fresh(String queue) {
    return new QueueRow(queue, 0, 0, null, 0, 0, 0, null, null, null);
  }

  static QueueRow load(Statements sql, String queue) throws SQLException {
    PreparedStatement ps = sql.of("SELECT in_flight, next_allowed_at, next_due_at, admitted,"
        + " fetched, failures, paused_reason, parked_reason, last_response_ms"
        + " FROM frontier_queues WHERE queue=?");
    ps.setString(1, queue);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      long due = rs.getLong(3);
      Long nextDue = rs.wasNull() ? null : due;
      long ms = rs.getLong(9);
      Long response = rs.wasNull() ? null : ms;
      return new QueueRow(queue, rs.getInt(1), rs.getLong(2), nextDue, rs.getInt(4),
          rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8), response);
    }
  }

  QueueRow withInFlight(int n) {
    return new QueueRow(queue, n, nextAllowedAt, nextDueAt, admitted, fetched, failures,
        pausedReason, parkedReason, lastResponseMs);
  }

  QueueRow withNextAllowed(long at) {
    return new QueueRow(queue, inFlight, at, nextDueAt, admitted, fetched, failures,
        pausedReason, parkedReason, lastResponseMs);
  }

  QueueRow withAdmitted(int delta) {
    return new QueueRow(queue, inFlight, nextAllowedAt, nextDueAt, admitted + delta, fetched,
        failures, pausedReason, parkedReason, lastResponseMs);
  }

  /** With the earliest due time lowered to {@code at}; null leaves it as it is. */
  QueueRow withDue(Long at) {
    if (at == null) {
      return this;
    }
    long due = nextDueAt == null ? at : Math.min(nextDueAt, at);
    return new QueueRow(queue, inFlight, nextAllowedAt, due, admitted, fetched, failures,
        pausedReason, parkedReason, lastResponseMs);
  }

  QueueRow withOutcome(int failures, int fetchedDelta, String paused, String parked,
      long responseMs) {
    return new QueueRow(queue, inFlight, nextAllowedAt, nextDueAt, admitted,
        fetched + fetchedDelta, failures, paused, parked,
        responseMs >= 0 ? Long.valueOf(responseMs) : lastResponseMs);
  }

  /** When the queue may be leased from, or null when never as things stand. */
  Long readyAt(int maxInFlight) {
    if (nextDueAt == null || inFlight >= maxInFlight) {
      return null;
    }
    return Math.max(nextDueAt, nextAllowedAt);
  }

  void save(Statements sql, int maxInFlight) throws SQLException {
    PreparedStatement ps = sql.of("INSERT INTO frontier_queues(queue,"
        + " in_flight, next_allowed_at, next_due_at, ready_at, admitted, fetched, failures,"
        + " paused_reason, parked_reason, last_response_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
        + " ON CONFLICT(queue) DO UPDATE SET in_flight=excluded.in_flight,"
        + " next_allowed_at=excluded.next_allowed_at, next_due_at=excluded.next_due_at,"
        + " ready_at=excluded.ready_at, admitted=excluded.admitted, fetched=excluded.fetched,"
        + " failures=excluded.failures, paused_reason=excluded.paused_reason,"
        + " parked_reason=excluded.parked_reason, last_response_ms=excluded.last_response_ms");
    ps.setString(1, queue);
    ps.setInt(2, inFlight);
    ps.setLong(3, nextAllowedAt);
    Frontier.setNullableLong(ps, 4, nextDueAt);
    Frontier.setNullableLong(ps, 5, readyAt(maxInFlight));
    ps.setInt(6, admitted);
    ps.setInt(7, fetched);
    ps.setInt(8, failures);
    ps.setString(9, pausedReason);
    ps.setString(10, parkedReason);
    Frontier.setNullableLong(ps, 11, lastResponseMs);
    ps.executeUpdate();
  }

  /** Saves with the earliest due time read afresh from the queue's queued URLs. */
  void saveRecomputingDue(Statements sql, int maxInFlight) throws SQLException {
    Long due;
    PreparedStatement ps = sql.of("SELECT MIN(next_fetch_at) FROM frontier_urls"
        + " WHERE queue=? AND state='queued'");
    ps.setString(1, queue);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      long v = rs.getLong(1);
      due = rs.wasNull() ? null : v;
    }
    new QueueRow(queue, inFlight, nextAllowedAt, due, admitted, fetched, failures, pausedReason,
        parkedReason, lastResponseMs).save(sql, maxInFlight);
  }
}
