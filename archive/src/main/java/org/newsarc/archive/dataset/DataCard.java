package org.newsarc.archive.dataset;

import java.time.Instant;
import java.util.Map;

/** Renders the data card (a Markdown README) that travels with every exported dataset. */
final class DataCard {
  private DataCard() {}

  static String render(String fileName, DatasetFormat format, DatasetQuery q, int rows,
      int dropped, Map<String, Integer> bySite, Map<String, Integer> byLanguage, String software,
      Instant at) {
    StringBuilder md = new StringBuilder();
    md.append("# Dataset ").append(fileName).append("\n\n");
    md.append("Exported by ").append(software).append(" on ").append(at).append(" as ")
        .append(format.name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(rows)
        .append(" article(s).\n\n");
    md.append("Each row points back to the WARC record it was extracted from (`warc_file`,"
        + " `warc_offset`, `warc_length`); the WARC files are the source of truth.\n\n");
    md.append("## Selection\n\n");
    md.append("| filter | value |\n|---|---|\n");
    md.append("| sites | ").append(q.sites().isEmpty() ? "all" : String.join(", ", q.sites())).append(" |\n");
    md.append("| published from | ").append(q.from() == null ? "any" : q.from()).append(" |\n");
    md.append("| published to | ").append(q.to() == null ? "any" : q.to()).append(" |\n");
    md.append("| languages | ").append(q.languages().isEmpty() ? "all" : String.join(", ", q.languages())).append(" |\n");
    md.append("| full-text query | ").append(q.query() == null ? "none" : "`" + q.query() + "`").append(" |\n");
    md.append("| minimum words | ").append(q.minWords()).append(" |\n");
    md.append("| articles only | ").append(q.articlesOnly() ? "yes (article_signal >= 0.5)" : "no").append(" |\n");
    md.append("| deduplicated | ").append(q.dedupe()
        ? "yes: latest capture per canonical URL, then one row per identical text ("
            + dropped + " dropped)" : "no").append(" |\n");
    md.append("| limit | ").append(q.limit() == 0 ? "none" : q.limit()).append(" |\n\n");
    md.append("## Columns\n\n| column | meaning |\n|---|---|\n");
    for (DatasetField f : DatasetField.ALL) {
      md.append("| `").append(f.name()).append("` | ").append(f.description()).append(" |\n");
    }
    md.append("\n## Rows by site\n\n| site | rows |\n|---|---|\n");
    bySite.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    md.append("\n## Rows by language\n\n| language | rows |\n|---|---|\n");
    byLanguage.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    return md.toString();
  }
}
