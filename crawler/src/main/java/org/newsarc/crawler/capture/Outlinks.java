package org.newsarc.crawler.capture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The absolute http(s) links of an HTML page, in page order without repeats, for the capture's
 * metadata record, read from the DOM the extractor parsed. Stateless and thread-safe.
 */
final class Outlinks {
  /** Links kept per page: enough for any article, bounded for link farms. */
  static final int MAX_LINKS = 2000;

  private Outlinks() {}

  /** The links of a parsed page, its base URL set. */
  static List<String> of(Document page) {
    Set<String> links = new LinkedHashSet<>();
    for (Element a : page.select("a[href], area[href]")) {
      String href = a.absUrl("href");
      int hash = href.indexOf('#');
      if (hash >= 0) {
        href = href.substring(0, hash);
      }
      String lower = href.toLowerCase(Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        links.add(href);
        if (links.size() >= MAX_LINKS) {
          break;
        }
      }
    }
    return new ArrayList<>(links);
  }
}
