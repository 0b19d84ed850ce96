package org.newsarc.crawler.frontier;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Brings URLs to one spelling so that the frontier holds each page once: crawler-commons'
 * {@link BasicURLNormalizer} (case, default ports, dot segments, escapes), the fragment dropped,
 * tracking parameters (utm_*, fbclid, gclid and friends) removed and the remaining query
 * parameters sorted, so that permutations of one query fold together. Thread-safe.
 */
public final class UrlNormalizer {
  /** Parameters that only say where a visitor came from; removed. */
  static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid",
      "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "ocid", "cmpid",
      "ref_src", "spm", "twclid", "ttclid", "li_fat_id", "s_cid", "mkt_tok", "vero_id");

  private final BasicURLNormalizer normalizer =
      BasicURLNormalizer.newBuilder().queryParamsToRemove(TRACKING).build();

  /** The normalised form of {@code url}, or null when it is not an http(s) URL. */
  public String normalize(String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip();
    int hash = u.indexOf('#');
    if (hash >= 0) {
      u = u.substring(0, hash);
    }
    String lower = u.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      return null;
    }
    String n = normalizer.filter(u);
    if (n == null) {
      return null;
    }
    return cleanQuery(n);
  }

  private static String cleanQuery(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    List<String> kept = new ArrayList<>();
    for (String param : url.substring(q + 1).split("&")) {
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || TRACKING.contains(name)) {
        continue;
      }
      kept.add(param);
    }
    kept.sort(null);
    return kept.isEmpty() ? url.substring(0, q) : url.substring(0, q + 1) + String.join("&", kept);
  }
}
