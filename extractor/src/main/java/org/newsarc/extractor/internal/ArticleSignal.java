package org.newsarc.extractor.internal;

import org.newsarc.extractor.internal.ContentExtractor.Content;
import org.newsarc.extractor.internal.MetadataReader.Metadata;

/**
 * How sure we are that a page is one article rather than a hub, listing or error page, from
 * 0 to 1: running prose, an article type declared in the markup, a publication date and a byline
 * raise it; a page made mostly of links lowers it. Thread-safe.
 */
public final class ArticleSignal {

  private ArticleSignal() {}

  public static double of(Metadata md, Content content) {
    if (content.pageType() == org.newsarc.extractor.PageType.HUB) {
      return 0.1;
    }
    double s = 0.1;
    s += 0.5 * Math.min(1.0, content.prose() / 1000.0);
    if (content.articleMode()) {
      s += 0.15;
    }
    if (md.declaredArticle()) {
      s += 0.2;
    }
    if (md.published() != null) {
      s += 0.1;
    }
    if (!md.authors().isEmpty()) {
      s += 0.05;
    }
    if (content.pageLinkDensity() > 0.6) {
      s -= 0.25;
    }
    if (content.text().length() < 300) {
      s -= 0.2;
    }
    return Math.max(0, Math.min(1, s));
  }
}
