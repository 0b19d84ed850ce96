package org.newsarc.crawler.status;

import java.util.Map;

/**
 * Renders the status as Prometheus text exposition format (version 0.0.4): counters for
 * fetches, bytes, articles, answers by status class and errors by kind; gauges for the
 * frontier. Stateless.
 */
public final class PrometheusText {
  private PrometheusText() {}

  @SuppressWarnings("unchecked")
  public static String render(Map<String, Object> status) {
    StringBuilder sb = new StringBuilder();
    counter(sb, "newsarc_fetches_total", "HTTP answers to frontier URLs", status.get("fetches"));
    counter(sb, "newsarc_bytes_total", "Response body bytes archived", status.get("bytes"));
    counter(sb, "newsarc_articles_total", "Articles extracted and stored", status.get("articles"));
    counter(sb, "newsarc_not_modified_total", "304 answers to conditional requests",
        status.get("notModified"));
    gauge(sb, "newsarc_pages_per_second", "Fetches per second over the last minute",
        status.get("pagesPerSecond"));
    labelled(sb, "newsarc_responses_total", "counter", "HTTP answers by status class", "class",
        (Map<String, Long>) status.get("statuses"));
    labelled(sb, "newsarc_errors_total", "counter", "Failures by kind", "kind",
        (Map<String, Long>) status.get("errors"));
    labelled(sb, "newsarc_scope_refusals_total", "counter", "Discovered URLs refused, by rule",
        "rule", (Map<String, Long>) status.get("refusedByScope"));
    Map<String, Double> stages = (Map<String, Double>) status.get("workerCpuSecondsByStage");
    if (stages != null) {
      labelled(sb, "newsarc_worker_cpu_seconds_total", "counter",
          "CPU time of the crawl's workers by stage of a capture", "stage", stages);
    }
    Map<String, Object> f = (Map<String, Object>) status.get("frontier");
    labelled(sb, "newsarc_frontier_urls", "gauge", "Frontier URLs by state", "state",
        (Map<String, Long>) f.get("urlsByState"));
    gauge(sb, "newsarc_frontier_queues", "Politeness queues", f.get("queues"));
    gauge(sb, "newsarc_frontier_ready_queues", "Queues whose turn it is", f.get("readyQueues"));
    gauge(sb, "newsarc_in_flight", "Requests running now", f.get("inFlight"));
    gauge(sb, "newsarc_held_queues", "Queues paused or parked (at most the listed ones)",
        ((java.util.List<?>) status.get("heldQueues")).size());
    return sb.toString();
  }

  private static void counter(StringBuilder sb, String name, String help, Object value) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(" counter\n");
    sb.append(name).append(' ').append(value).append('\n');
  }

  private static void gauge(StringBuilder sb, String name, String help, Object value) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(" gauge\n");
    sb.append(name).append(' ').append(value).append('\n');
  }

  private static void labelled(StringBuilder sb, String name, String type, String help,
      String label, Map<String, ? extends Number> values) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    values.forEach((k, v) -> sb.append(name).append('{').append(label).append("=\"")
        .append(k.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"} ").append(v)
        .append('\n'));
  }
}
