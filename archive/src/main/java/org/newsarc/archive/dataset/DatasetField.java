package org.newsarc.archive.dataset;

import java.util.List;

/**
 * One column of an exported dataset, with the description that goes into its data card.
 *
 * @param name the column name
 * @param sqlType the SQLite type used in the SQLite format
 * @param description what the column holds, for researchers
 */
public record DatasetField(String name, String sqlType, String description) {

  /** The columns of every export, in order. */
  public static final List<DatasetField> ALL = List.of(
      new DatasetField("id", "INTEGER", "Row id of the article in the source catalog."),
      new DatasetField("url", "TEXT", "Address the page was fetched from (after redirects)."),
      new DatasetField("canonical_url", "TEXT", "The page's own canonical URL, when it gives one."),
      new DatasetField("title", "TEXT", "Headline, without the site-name suffix."),
      new DatasetField("authors", "TEXT", "Authors; a JSON array (JSONL: an array; CSV: joined with '; ')."),
      new DatasetField("published", "TEXT", "Publication date-time, ISO 8601, with offset when known."),
      new DatasetField("modified", "TEXT", "Last modification date-time, ISO 8601, when given."),
      new DatasetField("site_name", "TEXT", "Name of the publication."),
      new DatasetField("language", "TEXT", "Language of the page, BCP 47 tag."),
      new DatasetField("description", "TEXT", "The page's own summary."),
      new DatasetField("tags", "TEXT", "Keywords and section tags; like authors."),
      new DatasetField("image_url", "TEXT", "Lead image."),
      new DatasetField("text", "TEXT", "Main text without boilerplate; paragraphs separated by a blank line."),
      new DatasetField("word_count", "INTEGER", "Words in text (runs of letters or digits)."),
      new DatasetField("article_signal", "REAL", "Extractor's confidence (0-1) that the page is one article."),
      new DatasetField("extractor_version", "TEXT", "Version of the newsarc extractor that produced the row."),
      new DatasetField("fetched_at", "TEXT", "When the page was fetched (UTC)."),
      new DatasetField("status", "INTEGER", "HTTP status of the capture."),
      new DatasetField("warc_file", "TEXT", "WARC file holding the capture: the source of truth."),
      new DatasetField("warc_offset", "INTEGER", "Byte offset of the response record in warc_file."),
      new DatasetField("warc_length", "INTEGER", "Compressed length of that record."),
      new DatasetField("payload_digest", "TEXT", "WARC-Payload-Digest of the response (sha1, base32)."));
}
