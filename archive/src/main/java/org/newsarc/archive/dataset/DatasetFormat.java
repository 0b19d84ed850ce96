package org.newsarc.archive.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The file formats a dataset can be exported in, with the file endings that name each. */
public enum DatasetFormat {
  /** One JSON object per line; authors and tags are arrays. */
  JSONL(true, ".jsonl", ".ndjson"),
  /** RFC 4180 CSV with a header row; authors and tags are joined with "; ". */
  CSV(true, ".csv"),
  /** A fresh SQLite file with an {@code articles} table, its FTS5 index and {@code dataset_info}. */
  SQLITE(false, ".db", ".sqlite", ".sqlite3"),
  /** Apache Parquet with typed columns: timestamps with time zone, lists of strings, integers. */
  PARQUET(false, ".parquet");

  private final boolean streamable;
  private final List<String> endings;

  DatasetFormat(boolean streamable, String... endings) {
    this.streamable = streamable;
    this.endings = List.of(endings);
  }

  /** True when rows can be written to a stream as they come (no seeking, no temporary file). */
  public boolean streamable() {
    return streamable;
  }

  /** The lower-case name used on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code name}, in any case; an error listing the names otherwise. */
  public static DatasetFormat parse(String name) {
    for (DatasetFormat f : values()) {
      if (f.name().equalsIgnoreCase(name.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "': expected one of "
        + String.join(", ", Arrays.stream(values()).map(DatasetFormat::label).toList()));
  }

  /** The format a file name's ending names, or null when no format has that ending. */
  public static DatasetFormat forFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (DatasetFormat f : values()) {
      for (String e : f.endings) {
        if (n.endsWith(e)) {
          return f;
        }
      }
    }
    return null;
  }

  /**
   * The format to write {@code fileName} in: {@code option} when given (its name in any case),
   * else the one the ending names, else JSON Lines for a name with no ending (such as
   * {@code -} or {@code /dev/stdout}). An ending that no format has, or one that names another
   * format than {@code option}, is refused.
   */
  public static DatasetFormat choose(String option, String fileName) {
    DatasetFormat byName = forFileName(fileName);
    String base = fileName.substring(fileName.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    boolean hasEnding = dot > 0 && dot < base.length() - 1;
    if (byName == null && hasEnding) {
      throw new IllegalArgumentException("no format writes files ending in '"
          + base.substring(dot) + "' (" + fileName + "): use one of " + allEndings()
          + ", or no ending with --format");
    }
    if (option == null) {
      return byName == null ? JSONL : byName;
    }
    DatasetFormat chosen = parse(option);
    if (byName != null && byName != chosen) {
      throw new IllegalArgumentException("--format " + chosen.label() + " contradicts the file"
          + " ending of " + fileName + ", which names " + byName.label());
    }
    return chosen;
  }

  private static String allEndings() {
    return String.join(" ", Arrays.stream(values()).flatMap(f -> f.endings.stream()).toList());
  }
}
