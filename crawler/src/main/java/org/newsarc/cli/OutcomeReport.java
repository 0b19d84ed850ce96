package org.newsarc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsarc.crawler.capture.ArchiveSession;
import org.newsarc.crawler.capture.Hop;
import org.newsarc.crawler.capture.PageOutcome;

/** Prints page outcomes for people (a line each and a summary) or as one JSON document. */
final class OutcomeReport {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper LINE_JSON = new ObjectMapper();

  private final List<PageOutcome> outcomes = new ArrayList<>();

  void add(PageOutcome outcome) {
    outcomes.add(outcome);
  }

  List<PageOutcome> outcomes() {
    return outcomes;
  }

  /** Inputs that failed: what the exit code counts (discovered pages are not counted). */
  int failures() {
    return (int) outcomes.stream().filter(o -> !o.ok() && !o.discovered()).count();
  }

  private int inputs() {
    return (int) outcomes.stream().filter(o -> !o.discovered()).count();
  }

  private int discovered() {
    return outcomes.size() - inputs();
  }

  private int discoveredFailures() {
    return (int) outcomes.stream().filter(o -> !o.ok() && o.discovered()).count();
  }

  static String line(PageOutcome o) {
    StringBuilder sb = new StringBuilder();
    if (o.ok()) {
      sb.append("ok    ").append(o.status()).append(' ').append(o.requestedUrl());
      if (!o.finalUrl().equals(o.requestedUrl())) {
        sb.append(" -> ").append(o.finalUrl());
      }
      if (o.article() == null) {
        sb.append("  (not extracted)");
      } else {
        String title = o.article().title();
        sb.append("  \"").append(title == null ? "(no title)" : title).append("\" ")
            .append(o.article().wordCount()).append(" words");
      }
    } else {
      sb.append("FAIL  ").append(o.requestedUrl()).append("  ")
          .append(o.failure().label()).append(": ").append(o.reason());
      if (!o.hops().isEmpty()) {
        sb.append(" (archived)");
      }
    }
    if (o.discovered()) {
      sb.append("  [link ").append(o.discovery().depth()).append(" of ")
          .append(o.discovery().input()).append(", found on ").append(o.discovery().foundOn())
          .append(']');
    }
    return sb.toString();
  }

  void printSummary(PrintWriter out, ArchiveSession session) {
    int failed = failures();
    out.printf("%nArchived %d of %d URL(s); %d failed.%n", inputs() - failed, inputs(), failed);
    if (discovered() > 0) {
      out.printf("Followed links: %d more page(s) archived, %d failed.%n",
          discovered() - discoveredFailures(), discoveredFailures());
    }
    out.printf("WARC files: %s%nCatalog:    %s%n", session.warcDirectory(),
        session.catalogFile());
    if (failed + discoveredFailures() > 0) {
      out.println("Failures:");
      for (PageOutcome o : outcomes) {
        if (!o.ok()) {
          out.printf("  %s  %s: %s%s%n", o.requestedUrl(), o.failure().label(), o.reason(),
              o.discovered() ? " (linked from " + o.discovery().foundOn() + ")" : "");
        }
      }
    }
    out.flush();
  }

  void printJson(PrintWriter out, ArchiveSession session) throws java.io.IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("warc_dir", session.warcDirectory().toString());
    doc.put("catalog", session.catalogFile().toString());
    doc.put("archived", inputs() - failures());
    doc.put("failed", failures());
    doc.put("discovered_archived", discovered() - discoveredFailures());
    doc.put("discovered_failed", discoveredFailures());
    List<Object> results = new ArrayList<>();
    for (PageOutcome o : outcomes) {
      results.add(result(o));
    }
    doc.put("results", results);
    out.println(JSON.writeValueAsString(doc));
    out.flush();
  }

  /** One outcome as a single JSON line (for {@code --jsonl}). */
  static String jsonLine(PageOutcome o) throws java.io.IOException {
    return LINE_JSON.writeValueAsString(result(o));
  }

  private static Map<String, Object> result(PageOutcome o) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("url", o.requestedUrl());
    r.put("final_url", o.finalUrl());
    r.put("status", o.status());
    r.put("ok", o.ok());
    r.put("failure", o.ok() ? null : o.failure().label());
    r.put("reason", o.reason());
    if (o.article() != null) {
      r.put("title", o.article().title());
      r.put("published", o.article().published());
      r.put("words", o.article().wordCount());
    }
    List<Object> hops = new ArrayList<>();
    for (Hop h : o.hops()) {
      hops.add(Map.of("url", h.url(), "status", h.status(), "warc_file", h.warcFile(),
          "capture_id", h.captureId()));
    }
    r.put("hops", hops);
    Map<String, Object> found = null;
    if (o.discovered()) {
      found = new LinkedHashMap<>();
      found.put("input", o.discovery().input());
      found.put("input_index", o.discovery().inputIndex());
      found.put("found_on", o.discovery().foundOn());
      found.put("depth", o.discovery().depth());
    }
    r.put("discovered", found);
    return r;
  }
}
