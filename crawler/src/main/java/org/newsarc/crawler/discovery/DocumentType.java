package org.newsarc.crawler.discovery;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What a fetched body is, from its media type and, for XML, its root element. */
public enum DocumentType {
  HTML, FEED, SITEMAP, OTHER;

  /** Sniffs {@code body} (content coding removed) served as {@code mediaType}. */
  public static DocumentType of(String mediaType, byte[] body) {
    String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
    if (type.equals("application/rss+xml") || type.equals("application/atom+xml")
        || type.equals("application/rdf+xml")) {
      return FEED;
    }
    boolean xmlish = type.isEmpty() || type.contains("xml") || type.equals("text/plain");
    if (xmlish || type.equals("text/html")) {
      String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8)
          .toLowerCase(Locale.ROOT);
      int root = firstElement(head);
      if (root >= 0) {
        String rest = head.substring(root);
        if (rest.startsWith("<urlset") || rest.startsWith("<sitemapindex")) {
          return SITEMAP;
        }
        if (rest.startsWith("<rss") || rest.startsWith("<feed") || rest.startsWith("<rdf:rdf")) {
          return FEED;
        }
      }
    }
    if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
      return HTML;
    }
    if (type.isEmpty()) {
      return HTML;
    }
    return OTHER;
  }

  /** Index of the first element tag after the XML declaration, comments and doctype. */
  private static int firstElement(String head) {
    int i = 0;
    while (true) {
      i = head.indexOf('<', i);
      if (i < 0 || i + 1 >= head.length()) {
        return -1;
      }
      char next = head.charAt(i + 1);
      if (next != '?' && next != '!') {
        return i;
      }
      i++;
    }
  }
}
