package org.newsarc.crawler.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsarc.crawler.frontier.FrontierReport;

/**
 * The state of a running crawl at one moment, as /status serves it and {@code newsarc status}
 * prints it. Plain maps and lists, so that it serialises to JSON without adapters. Immutable
 * after {@link #of}.
 */
public final class StatusSnapshot {
  private StatusSnapshot() {}

  /** Builds the JSON tree of the status. */
  public static Map<String, Object> of(CrawlStats stats, FrontierReport frontier,
      Map<String, Long> refusals, String stopReason, Clock clock) {
    Instant now = clock.instant();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", now.toString());
    m.put("started", stats.started().toString());
    m.put("uptimeSeconds", Duration.between(stats.started(), now).toSeconds());
    m.put("state", stopReason == null ? "running" : "stopping: " + stopReason);
    m.put("pagesPerSecond", Math.round(stats.pagesPerSecond() * 100) / 100.0);
    m.put("fetches", stats.fetches());
    m.put("bytes", stats.bytes());
    m.put("articles", stats.articles());
    m.put("notModified", stats.notModified());
    m.put("statuses", stats.statuses());
    m.put("errors", stats.errors());
    m.put("refusedByScope", refusals);
    m.put("workerCpuSecondsByStage", stats.stages().seconds());
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("urlsByState", frontier.urlsByState());
    f.put("urlsByKind", frontier.urlsByKind());
    f.put("queues", frontier.queues());
    f.put("readyQueues", frontier.readyQueues());
    f.put("inFlight", frontier.inFlight());
    m.put("frontier", f);
    List<Map<String, Object>> held = frontier.held().stream().map(h -> {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("queue", h.queue());
      q.put("state", h.parked() ? "parked" : "paused");
      q.put("reason", h.reason());
      q.put("until", h.until().toString());
      q.put("failures", h.failures());
      q.put("fetched", h.fetched());
      return q;
    }).toList();
    m.put("heldQueues", held);
    return m;
  }
}
