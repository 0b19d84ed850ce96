package org.newsarc.extractor;

import java.util.Locale;

/**
 * What kind of page the extractor took a page for. Only {@link #ARTICLE} pages are expected to
 * carry article text; a {@link #HUB} (section, tag or front page made of teaser cards) yields
 * none. Stored in the catalog by its {@link #label()}.
 */
public enum PageType {
  /** One article, post or story: running prose is the main content. */
  ARTICLE,
  /** A section, tag, search or front page: repeated teaser cards pointing at articles. */
  HUB,
  /** A page made mostly of links without running prose (index, archive, directory). */
  LISTING,
  /** Anything else: product, service, documentation or error pages. */
  PAGE;

  /** The lowercase name printed by {@code extract} and stored in the catalog. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
