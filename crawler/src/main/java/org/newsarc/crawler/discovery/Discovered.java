package org.newsarc.crawler.discovery;

import java.util.Objects;
import org.newsarc.crawler.frontier.UrlKind;

/**
 * A URL found in a page, feed, sitemap or robots.txt, with what the source said about it.
 * Immutable.
 *
 * @param url the absolute URL as found (not yet normalised)
 * @param kind PAGE, or FEED / SITEMAP when the source says it is one
 * @param metadata dates, title and language the source gave, or null when it gave none
 */
public record Discovered(String url, UrlKind kind, EntryMetadata metadata) {
  public Discovered {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(kind, "kind");
  }

  public static Discovered page(String url) {
    return new Discovered(url, UrlKind.PAGE, null);
  }
}
