package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * The page's {@code <meta>} tags by lowercased {@code name}, {@code property} or
 * {@code itemprop}, keeping every value in page order. Immutable once built; thread-safe.
 */
public final class MetaTags {

  private final Map<String, List<String>> values;

  private MetaTags(Map<String, List<String>> values) {
    this.values = values;
  }

  public static MetaTags of(PageIndex index) {
    Map<String, List<String>> values = new HashMap<>();
    for (Element meta : index.metas) {
      String content = meta.attr("content").strip();
      if (content.isEmpty()) {
        content = meta.attr("value").strip();
      }
      if (content.isEmpty()) {
        continue;
      }
      for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
        String key = meta.attr(attr).strip().toLowerCase(Locale.ROOT);
        if (!key.isEmpty()) {
          values.computeIfAbsent(key, k -> new ArrayList<>()).add(content);
        }
      }
    }
    return new MetaTags(values);
  }

  /** The first value of the first of {@code keys} that the page has, or null. */
  public String first(String... keys) {
    for (String k : keys) {
      List<String> v = values.get(k);
      if (v != null && !v.isEmpty()) {
        return v.get(0);
      }
    }
    return null;
  }

  /** Every value of {@code key}, in page order. */
  public List<String> all(String key) {
    return values.getOrDefault(key, List.of());
  }
}
