package org.newsarc.extractor.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a corpus's {@code gold.jsonl}: the page's file and URL and whatever answers are
 * known for it. Absent fields are null (lists: empty). Immutable and thread-safe.
 */
public record GoldPage(
    String id, String file, String url, String pageType, String text, List<String> with,
    List<String> without, String title, String author, String date, String siteName,
    String language) {

  public GoldPage {
    with = List.copyOf(with);
    without = List.copyOf(without);
  }

  static GoldPage of(JsonNode n) {
    return new GoldPage(str(n, "id"), str(n, "file"), str(n, "url"), str(n, "page_type"),
        str(n, "text"), list(n, "with"), list(n, "without"), str(n, "title"), str(n, "author"),
        str(n, "date"), str(n, "site_name"), str(n, "language"));
  }

  /** True when the page has snippet answers. */
  public boolean hasSnippets() {
    return !with.isEmpty() || !without.isEmpty();
  }

  private static String str(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> parts.add(x.asText()));
      return String.join(", ", parts);
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  private static List<String> list(JsonNode n, String field) {
    List<String> out = new ArrayList<>();
    JsonNode v = n.get(field);
    if (v != null && v.isArray()) {
      v.forEach(x -> out.add(x.asText()));
    }
    return out;
  }
}
