package org.newsarc.crawler.config;

/**
 * Where new URLs come from besides the seeds. Immutable.
 *
 * @param robotsSitemaps read the Sitemap: lines of each robots.txt (default true)
 * @param feedLinks follow {@code <link rel="alternate">} RSS/Atom feeds found in pages
 *     (default true)
 * @param followLinks follow the links of hub pages, that is pages that are not articles
 *     (default true)
 * @param followArticleLinks also follow the links of article pages (default false)
 */
public record DiscoveryConfig(
    Boolean robotsSitemaps, Boolean feedLinks, Boolean followLinks, Boolean followArticleLinks) {
  public DiscoveryConfig {
    robotsSitemaps = Defaults.or(robotsSitemaps, true);
    feedLinks = Defaults.or(feedLinks, true);
    followLinks = Defaults.or(followLinks, true);
    followArticleLinks = Defaults.or(followArticleLinks, false);
  }

  static DiscoveryConfig defaults() {
    return new DiscoveryConfig(null, null, null, null);
  }
}
