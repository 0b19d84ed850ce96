package org.newsarc.archive.dataset;

import java.util.Locale;

/** The file formats a dataset can be exported in. */
public enum DatasetFormat {
  /** One JSON object per line; authors and tags are arrays. */
  JSONL,
  /** RFC 4180 CSV with a header row; authors and tags are joined with "; ". */
  CSV,
  /** A fresh SQLite file with one {@code articles} table and a {@code dataset_info} table. */
  SQLITE;

  /** The format a file name suggests, or null when its ending is not known. */
  public static DatasetFormat forFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return JSONL;
    }
    if (n.endsWith(".csv")) {
      return CSV;
    }
    if (n.endsWith(".db") || n.endsWith(".sqlite") || n.endsWith(".sqlite3")) {
      return SQLITE;
    }
    return null;
  }
}
