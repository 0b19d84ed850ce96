package org.newsarc.crawler.discovery;

import java.util.List;

/**
 * What a feed entry or a (news) sitemap entry says about an article, kept beside what the
 * extractor finds in the page itself: feeds and news sitemaps often carry the publication date
 * a page lacks. Immutable; any field may be null.
 *
 * @param source "rss", "atom", "news-sitemap" or "sitemap"
 * @param published publication date-time, ISO 8601
 * @param modified last modification date-time, ISO 8601
 * @param publication the publication's name (news sitemaps)
 * @param keywords keywords or categories; empty when none
 */
public record EntryMetadata(String source, String title, String published, String modified,
    String language, String publication, List<String> keywords) {
  public EntryMetadata {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }

  /** True when it holds anything worth storing. */
  public boolean hasContent() {
    return title != null || published != null || modified != null || language != null
        || publication != null || !keywords.isEmpty();
  }
}
