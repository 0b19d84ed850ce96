package org.newsarc.spark.internal;

import java.io.Serializable;
import java.util.List;
import org.newsarc.archive.ArchivedResponse;
import org.newsarc.archive.StoredCapture;
import org.newsarc.extractor.Article;
import org.newsarc.extractor.ArticleExtractor;

/**
 * One extracted page with its provenance, before it gets its row id: the values of the
 * {@code export} columns, as {@code reindex} stores them in the catalog. Immutable.
 *
 * @param fileIndex the place of the page's file in the input order, for numbering rows
 * @param values the values of {@link DatasetColumns#NAMES}, id left null
 */
public record ExtractedRow(int fileIndex, long offset, List<Object> values)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The row for {@code article}, extracted from {@code response}. */
  public static ExtractedRow of(int fileIndex, ArchivedResponse response, Article a) {
    StoredCapture at = response.location();
    java.util.Map<String, Object> v = new java.util.HashMap<>();
    v.put("url", a.url());
    v.put("canonical_url", a.canonicalUrl());
    v.put("title", a.title());
    v.put("authors", List.copyOf(a.authors()));
    v.put("published", a.published());
    v.put("modified", a.modified());
    v.put("site_name", a.siteName());
    v.put("language", a.language());
    v.put("description", a.description());
    v.put("tags", List.copyOf(a.tags()));
    v.put("image_url", a.imageUrl());
    v.put("text", a.text());
    v.put("word_count", (long) a.wordCount());
    v.put("article_signal", a.articleSignal());
    v.put("extractor_version", ArticleExtractor.VERSION);
    v.put("fetched_at", response.date().toString());
    v.put("status", (long) response.status());
    v.put("warc_file", at.warcFile());
    v.put("warc_offset", at.offset());
    v.put("warc_length", at.length());
    v.put("payload_digest", at.payloadDigest());
    // As an export without --dedupe gives it; story_id stays null: `stories` assigns stories.
    v.put("seen_urls", List.of(a.url()));
    // By name, so a column export adds later is simply null here until it is filled in.
    List<Object> values = new java.util.ArrayList<>();
    for (String name : DatasetColumns.NAMES) {
      values.add(v.get(name));
    }
    return new ExtractedRow(fileIndex, at.offset(), values);
  }
}
