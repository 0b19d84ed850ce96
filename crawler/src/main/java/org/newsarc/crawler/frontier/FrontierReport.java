package org.newsarc.crawler.frontier;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A summary of the frontier for the status endpoint and {@code newsarc status}: URLs by state
 * and kind, queues, and the queues that are paused or parked with their reasons. Immutable.
 *
 * @param urlsByState e.g. {"queued": 120, "done": 800}
 * @param urlsByKind e.g. {"article": 700, "feed": 5}
 * @param queues number of queues
 * @param readyQueues queues whose turn it is now
 * @param inFlight requests running now
 * @param held queues held back: parked (failing) or paused (Retry-After, back-off, robots)
 */
public record FrontierReport(Map<String, Long> urlsByState, Map<String, Long> urlsByKind,
    long queues, long readyQueues, long inFlight, List<HeldQueue> held) {

  /**
   * A queue that is paused or parked.
   *
   * @param until when it may be asked again
   */
  public record HeldQueue(String queue, boolean parked, String reason, Instant until,
      int failures, int fetched) {}

  /** Reads the report from {@code frontier}; at most {@code maxHeld} held queues are listed. */
  public static FrontierReport of(Frontier frontier, Instant now, int maxHeld) throws IOException {
    return frontier.transaction(() -> {
      var db = frontier.connection();
      Map<String, Long> byState = new TreeMap<>();
      Map<String, Long> byKind = new TreeMap<>();
      try (PreparedStatement ps = db.prepareStatement(
          "SELECT state, kind, COUNT(*) FROM frontier_urls GROUP BY state, kind");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byState.merge(rs.getString(1), rs.getLong(3), Long::sum);
          byKind.merge(rs.getString(2), rs.getLong(3), Long::sum);
        }
      }
      long queues;
      long ready;
      long inFlight;
      try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*),"
          + " SUM(CASE WHEN ready_at <= ? THEN 1 ELSE 0 END), SUM(in_flight)"
          + " FROM frontier_queues")) {
        ps.setLong(1, now.toEpochMilli());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          queues = rs.getLong(1);
          ready = rs.getLong(2);
          inFlight = rs.getLong(3);
        }
      }
      List<HeldQueue> held = new ArrayList<>();
      try (PreparedStatement ps = db.prepareStatement("SELECT queue, parked_reason IS NOT NULL,"
          + " COALESCE(parked_reason, paused_reason), next_allowed_at, failures, fetched"
          + " FROM frontier_queues WHERE (parked_reason IS NOT NULL OR paused_reason IS NOT NULL)"
          + " AND next_allowed_at > ? ORDER BY parked_reason IS NULL, next_allowed_at DESC"
          + " LIMIT ?")) {
        ps.setLong(1, now.toEpochMilli());
        ps.setInt(2, maxHeld);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            held.add(new HeldQueue(rs.getString(1), rs.getBoolean(2), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5), rs.getInt(6)));
          }
        }
      }
      return new FrontierReport(byState, byKind, queues, ready, inFlight, List.copyOf(held));
    });
  }
}
