package org.newsarc.extractor.eval;

import java.util.List;
import java.util.Locale;

/** Formats evaluation figures as one plain-text table, with floors beside them. Thread-safe. */
public final class EvalTable {

  private EvalTable() {}

  public static String format(List<Metric> metrics, Floors floors) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-14s %-22s %9s %7s %7s  %s%n",
        "set", "metric", "value", "pages", "floor", ""));
    for (Metric m : metrics) {
      Double floor = floors.floorOf(m.set(), m.name());
      String value = m.name().equals("pages") ? String.valueOf((long) m.value())
          : m.name().equals("pages_per_s") ? String.format(Locale.ROOT, "%.1f", m.value())
          : String.format(Locale.ROOT, "%.4f", m.value());
      String status = floor == null ? "" : m.value() >= floor ? "ok" : "BELOW FLOOR";
      out.append(String.format(Locale.ROOT, "%-14s %-22s %9s %7d %7s  %s%n", m.set(), m.name(),
          value, m.pages(), floor == null ? "" : String.format(Locale.ROOT, "%.3f", floor), status));
    }
    return out.toString();
  }
}
