package org.newsarc.crawler.frontier;

import java.util.Locale;

/** What a frontier URL is known to be; with its depth, decides whether it is revisited. */
public enum UrlKind {
  /** Not fetched yet, or fetched and neither of the others. */
  PAGE,
  /** An HTML page that is not an article: a section or home page, followed for its links. */
  HUB,
  /** An HTML page the extractor judged to be an article. */
  ARTICLE,
  /** An RSS or Atom feed. */
  FEED,
  /** A sitemap or sitemap index, news sitemaps included. */
  SITEMAP,
  /** A redirect: the target is its own frontier URL. */
  REDIRECT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static UrlKind of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
