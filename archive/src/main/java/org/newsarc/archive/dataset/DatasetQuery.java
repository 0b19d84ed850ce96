package org.newsarc.archive.dataset;

import java.util.List;

/**
 * Which articles go into an exported dataset. Null or empty fields do not filter. Immutable.
 *
 * @param sites site names or host names to keep (a row matches when its site name equals one,
 *     case-insensitively, or its URL's host is one or a subdomain of one, with or without a
 *     port; see {@link SiteFilter})
 * @param from keep articles published on or after this ISO date (YYYY-MM-DD)
 * @param to keep articles published on or before this ISO date (YYYY-MM-DD)
 * @param languages language tags to keep; "en" also matches "en-GB"
 * @param query an SQLite FTS5 query over title and text, e.g. {@code "sanctions AND china"}
 * @param minWords keep articles with at least this many words
 * @param articlesOnly drop pages the extractor judged not to be articles (hubs, listings)
 * @param dedupe keep one row per canonical URL and per identical text, the latest capture
 * @param limit the most rows to write, or 0 for all
 */
public record DatasetQuery(
    List<String> sites,
    String from,
    String to,
    List<String> languages,
    String query,
    int minWords,
    boolean articlesOnly,
    boolean dedupe,
    int limit) {

  public DatasetQuery {
    sites = sites == null ? List.of() : List.copyOf(sites);
    languages = languages == null ? List.of() : List.copyOf(languages);
    if (from != null && !from.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
      throw new IllegalArgumentException("--from wants a date like 2024-05-01: " + from);
    }
    if (to != null && !to.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
      throw new IllegalArgumentException("--to wants a date like 2024-05-31: " + to);
    }
    if (minWords < 0 || limit < 0) {
      throw new IllegalArgumentException("minWords and limit must not be negative");
    }
  }

  /** Everything, deduplicated, articles only. */
  public static DatasetQuery all() {
    return new DatasetQuery(List.of(), null, null, List.of(), null, 0, true, true, 0);
  }
}
