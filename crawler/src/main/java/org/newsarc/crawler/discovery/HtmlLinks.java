package org.newsarc.crawler.discovery;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;
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
    return collect(doc, anchors, feeds).resolve(anchors, feeds, true);
  }

  /**
   * The link targets of a parsed page as written, not yet resolved: cheap enough to take from
   * every page before the extractor changes its DOM (one walk over its elements, no selector),
   * while resolving them (most of the cost) waits until it is known whether they are wanted.
   *
   * @param anchors whether to take {@code <a>} and {@code <area>} targets
   * @param feeds whether to take feed links
   */
  public Collected collect(Document doc, boolean anchors, boolean feeds) {
    List<String> headFeeds = new ArrayList<>();
    List<String> bodyFeeds = new ArrayList<>();
    List<String> hrefs = new ArrayList<>();
    Element head = doc.head();
    NodeTraversor.traverse((node, depth) -> {
      if (!(node instanceof Element e)) {
        return;
      }
      String tag = e.normalName();
      if (anchors && (tag.equals("a") || tag.equals("area")) && e.hasAttr("href")) {
        if (!e.attr("rel").toLowerCase(Locale.ROOT).contains("nofollow")) {
          hrefs.add(e.attr("href"));
        }
      } else if (feeds && tag.equals("link") && e.hasAttr("href") && e.hasAttr("type")
          && isAlternate(e.attr("rel"))) {
        String type = e.attr("type").toLowerCase(Locale.ROOT).strip();
        if (FEED_TYPES.contains(type) && !type.equals("application/feed+json")) {
          (within(e, head) ? headFeeds : bodyFeeds).add(e.attr("href"));
        }
      }
    }, doc);
    return new Collected(doc.baseUri(), headFeeds, bodyFeeds, hrefs);
  }

  /** Whether a {@code rel} value lists {@code alternate} among its words. */
  private static boolean isAlternate(String rel) {
    for (String word : rel.split("\\s+")) {
      if (word.equalsIgnoreCase("alternate")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A page's link targets as {@link #collect} took them. Immutable.
   *
   * @param baseUri what they are relative to (the page's URL or its {@code <base>})
   * @param headFeeds feed links inside {@code <head>}
   * @param bodyFeeds feed links elsewhere
   * @param hrefs {@code <a>} and {@code <area>} targets not marked {@code nofollow}, in order
   */
  public record Collected(String baseUri, List<String> headFeeds, List<String> bodyFeeds,
      List<String> hrefs) {
    /**
     * The links, resolved: feeds first, then anchors, each anchor once.
     *
     * @param feedsInBody whether feed links outside {@code <head>} count too
     */
    public List<Discovered> resolve(boolean anchors, boolean feeds, boolean feedsInBody) {
      List<Discovered> out = new ArrayList<>();
      if (feeds) {
        // Document order: a head's links come before the body's.
        for (String href : headFeeds) {
          add(out, StringUtil.resolve(baseUri, href), UrlKind.FEED);
        }
        if (feedsInBody) {
          for (String href : bodyFeeds) {
            add(out, StringUtil.resolve(baseUri, href), UrlKind.FEED);
          }
        }
      }
      if (anchors) {
        Set<String> seen = new LinkedHashSet<>();
        for (String href : hrefs) {
          String url = StringUtil.resolve(baseUri, href);
          if (seen.add(url)) {
            add(out, url, UrlKind.PAGE);
          }
        }
      }
      return out;
    }
  }

  private static boolean within(Element e, Element ancestor) {
    for (Element p = e.parent(); p != null && ancestor != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static void add(List<Discovered> out, String url, UrlKind kind) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      out.add(new Discovered(url, kind, null));
    }
  }
}
