package org.newsarc.archive.dataset;

import java.util.List;

/**
 * One column of an exported dataset, with the description that goes into its data card.
 *
 * @param name the column name
 * @param sqlType the SQLite type used in the SQLite format
 * @param kind the typed form used where a format has types (Parquet)
 * @param description what the column holds, for researchers
 */
public record DatasetField(String name, String sqlType, Kind kind, String description) {

  /** Typed forms of a column. */
  public enum Kind {
    /** 64-bit integer. */
    INT64,
    /** 64-bit float. */
    DOUBLE,
    /** UTF-8 text. */
    STRING,
    /** Instant, UTC-adjusted, microseconds. */
    TIMESTAMP,
    /** List of UTF-8 strings; a JSON array in the catalog. */
    LIST
  }

  DatasetField(String name, String sqlType, String description) {
    this(name, sqlType, switch (sqlType) {
      case "INTEGER" -> Kind.INT64;
      case "REAL" -> Kind.DOUBLE;
      default -> Kind.STRING;
    }, description);
  }

  /** The columns of every export, in order. */
  public static final List<DatasetField> ALL = List.of(
      new DatasetField("id", "INTEGER", "Row id of the article in the source catalog."),
      new DatasetField("url", "TEXT", "Address the page was fetched from (after redirects)."),
      new DatasetField("canonical_url", "TEXT", "The page's own canonical URL, when it gives one."),
      new DatasetField("title", "TEXT", "Headline, without the site-name suffix."),
      new DatasetField("authors", "TEXT", Kind.LIST, "Authors in byline order. JSONL: an array;"
          + " Parquet: a list of strings; SQLite: a JSON array as text; CSV: joined with '; '."),
      new DatasetField("published", "TEXT", Kind.TIMESTAMP, "Publication date-time, ISO 8601,"
          + " with offset when known (Parquet: a UTC timestamp; a bare date is midnight UTC)."),
      new DatasetField("modified", "TEXT", Kind.TIMESTAMP, "Last modification date-time, ISO 8601,"
          + " when given (Parquet: as published)."),
      new DatasetField("site_name", "TEXT", "Name of the publication."),
      new DatasetField("language", "TEXT", "Language of the page, BCP 47 tag."),
      new DatasetField("description", "TEXT", "The page's own summary."),
      new DatasetField("tags", "TEXT", Kind.LIST, "Keywords and section tags; in each format like authors."),
      new DatasetField("image_url", "TEXT", "Lead image."),
      new DatasetField("text", "TEXT", "Main text without boilerplate; paragraphs separated by a blank line."),
      new DatasetField("word_count", "INTEGER", "Words in text (runs of letters or digits)."),
      new DatasetField("article_signal", "REAL", "Extractor's confidence (0-1) that the page is one article."),
      new DatasetField("extractor_version", "TEXT", "Version of the newsarc extractor that produced the row."),
      new DatasetField("fetched_at", "TEXT", Kind.TIMESTAMP, "When the page was fetched (UTC)."),
      new DatasetField("status", "INTEGER", "HTTP status of the capture."),
      new DatasetField("warc_file", "TEXT", "WARC file holding the capture: the source of truth."),
      new DatasetField("warc_offset", "INTEGER", "Byte offset of the response record in warc_file."),
      new DatasetField("warc_length", "INTEGER", "Compressed length of that record."),
      new DatasetField("payload_digest", "TEXT", "WARC-Payload-Digest of the response (sha1, base32)."),
      new DatasetField("story_id", "INTEGER", "Story cluster: rows with the same id tell one story"
          + " (syndicated or rewritten copies across outlets); see docs/schema.md."),
      new DatasetField("seen_urls", "TEXT", Kind.LIST, "Every URL this article was seen at: its"
          + " own and those of the exact duplicates (same canonical URL or same text) folded into"
          + " it; like authors in each format."));
}
