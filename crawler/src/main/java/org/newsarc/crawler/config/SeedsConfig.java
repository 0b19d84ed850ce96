package org.newsarc.crawler.config;

import java.util.List;

/**
 * Where the crawl starts. Seeds may be section pages, feeds or sitemaps: the crawler tells them
 * apart by what it fetches. Immutable.
 *
 * @param urls seed URLs written in the config
 * @param files text files with one URL per line ('#' starts a comment), relative to the config
 *     file's folder
 */
public record SeedsConfig(List<String> urls, List<String> files) {
  public SeedsConfig {
    urls = Defaults.list(urls);
    files = Defaults.list(files);
    for (int i = 0; i < urls.size(); i++) {
      String problem = org.newsarc.crawler.fetch.UrlText.problem(urls.get(i));
      if (problem != null) {
        String u = urls.get(i).strip();
        throw new IllegalArgumentException("seeds.urls[" + i + "] '"
            + (u.length() > 80 ? u.substring(0, 80) + "..." : u) + "': " + problem);
      }
    }
  }

  static SeedsConfig defaults() {
    return new SeedsConfig(null, null);
  }
}
