package org.newsarc.crawler.daemon;

import java.util.List;
import org.newsarc.archive.stories.StoryText;
import org.newsarc.crawler.discovery.Discovered;
import org.newsarc.crawler.fetch.FailureKind;
import org.newsarc.crawler.frontier.UrlKind;
import org.newsarc.extractor.Article;

/**
 * What a fetched response turned out to be: its kind, the article extracted from it, the URLs
 * it points to, and whether it changed since the last visit. Immutable.
 *
 * @param article the extracted article, or null
 * @param links URLs found in it, to be offered one hop deeper
 * @param indexEntries sitemap index entries, offered at the same depth
 * @param changed whether the content differs from the last visit
 * @param failure a problem worth recording (not an article, unparseable feed), or null
 * @param reason the problem in words, or null
 * @param story the story features of the article's text, made outside the catalog's lock,
 *     or null (the catalog then makes them)
 */
public record Processed(UrlKind kind, Article article, List<Discovered> links,
    List<Discovered> indexEntries, boolean changed, FailureKind failure, String reason,
    StoryText story) {
  public Processed {
    links = List.copyOf(links);
    indexEntries = List.copyOf(indexEntries);
  }

  /** A result without story features made in advance. */
  public Processed(UrlKind kind, Article article, List<Discovered> links,
      List<Discovered> indexEntries, boolean changed, FailureKind failure, String reason) {
    this(kind, article, links, indexEntries, changed, failure, reason, null);
  }

  static Processed of(UrlKind kind, boolean changed) {
    return new Processed(kind, null, List.of(), List.of(), changed, null, null);
  }
}
