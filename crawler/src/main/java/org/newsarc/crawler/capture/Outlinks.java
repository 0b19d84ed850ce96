package org.newsarc.crawler.capture;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The absolute http(s) links of an HTML page, in page order without repeats, for the capture's
 * metadata record. Stateless and thread-safe.
 */
final class Outlinks {
  /** Links kept per page: enough for any article, bounded for link farms. */
  static final int MAX_LINKS = 2000;

  private Outlinks() {}

  static List<String> of(byte[] html, String charset, String baseUrl) {
    Charset cs = StandardCharsets.UTF_8;
    try {
      if (charset != null) {
        cs = Charset.forName(charset);
      }
    } catch (IllegalArgumentException e) {
      // An unknown charset name: UTF-8 is the best guess for the links.
    }
    Set<String> links = new LinkedHashSet<>();
    for (Element a : Jsoup.parse(new String(html, cs), baseUrl).select("a[href], area[href]")) {
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
