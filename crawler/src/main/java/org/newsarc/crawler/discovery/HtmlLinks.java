package org.newsarc.crawler.discovery;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsarc.crawler.frontier.UrlKind;

/**
 * Finds the links of an HTML page: {@code <a href>} and {@code <area href>} targets, and RSS or
 * Atom feeds announced with {@code <link rel="alternate">}. Links marked {@code rel=nofollow}
 * are skipped. Stateless and thread-safe.
 */
public final class HtmlLinks {
  private static final Set<String> FEED_TYPES = Set.of("application/rss+xml",
      "application/atom+xml", "application/rdf+xml", "application/feed+json");

  /** The links of {@code html}, resolved against {@code baseUrl} (and any {@code <base>}). */
  public List<Discovered> find(byte[] html, Charset charset, String baseUrl,
      boolean anchors, boolean feeds) {
    Document doc = Jsoup.parse(new String(html, charset), baseUrl);
    List<Discovered> out = new ArrayList<>();
    if (feeds) {
      for (Element link : doc.select("link[rel~=(?i)alternate][href][type]")) {
        String type = link.attr("type").toLowerCase(Locale.ROOT).strip();
        if (FEED_TYPES.contains(type) && !type.equals("application/feed+json")) {
          add(out, link.absUrl("href"), UrlKind.FEED);
        }
      }
    }
    if (anchors) {
      Set<String> seen = new LinkedHashSet<>();
      for (Element a : doc.select("a[href], area[href]")) {
        if (a.attr("rel").toLowerCase(Locale.ROOT).contains("nofollow")) {
          continue;
        }
        String url = a.absUrl("href");
        if (seen.add(url)) {
          add(out, url, UrlKind.PAGE);
        }
      }
    }
    return out;
  }

  private static void add(List<Discovered> out, String url, UrlKind kind) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      out.add(new Discovered(url, kind, null));
    }
  }
}
