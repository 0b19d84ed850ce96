package org.newsarc.crawler.discovery;

import crawlercommons.sitemaps.AbstractSiteMap;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.newsarc.crawler.frontier.UrlKind;

/**
 * Reads the entries of an RSS 2.0, RSS 1.0 (RDF) or Atom feed: each entry's link with its
 * title, publication date, language and categories. Walks the XML as a DOM with jsoup's lenient
 * XML parser, so broken feeds still give what they can. Stateless and thread-safe.
 */
public final class FeedReader {
  /** Entries taken from one feed; the rest are dropped (a feed lists the newest first). */
  public static final int MAX_ENTRIES = 1000;
  /** Bytes of one feed that are parsed, cut after the last whole tag before this limit. */
  public static final int MAX_FEED_BYTES = 4 << 20;

  /**
   * The entries of {@code xml} (content coding removed), links resolved against {@code base}.
   * Document type declarations are never processed: jsoup expands no declared entity and
   * loads nothing external, so entity bombs and external entities stay inert text.
   */
  public List<Discovered> read(byte[] xml, String base) {
    Document doc = Jsoup.parse(cut(xml), base, Parser.xmlParser());
    List<Discovered> out = new ArrayList<>();
    Element root = doc.children().first();
    if (root == null) {
      return out;
    }
    if (root.normalName().equals("feed")) {
      String language = blankToNull(root.attr("xml:lang"));
      for (Element entry : doc.select("entry")) {
        if (out.size() >= MAX_ENTRIES) {
          break;
        }
        String link = atomLink(entry);
        if (link == null) {
          continue;
        }
        out.add(new Discovered(resolve(base, link), UrlKind.PAGE, new EntryMetadata("atom",
            text(entry, "title"), date(text(entry, "published")), date(text(entry, "updated")),
            language, null, terms(entry, "category", "term"))));
      }
      return out;
    }
    Element channel = doc.selectFirst("channel");
    String language = channel == null ? null : text(channel, "language");
    if (language == null && channel != null) {
      language = text(channel, "dc|language");
    }
    for (Element item : doc.select("item")) {
      if (out.size() >= MAX_ENTRIES) {
        break;
      }
      String link = text(item, "link");
      if (link == null) {
        Element guid = item.selectFirst("guid");
        if (guid != null && !"false".equalsIgnoreCase(guid.attr("isPermaLink"))) {
          link = blankToNull(guid.text());
        }
      }
      if (link == null) {
        link = blankToNull(item.attr("rdf:about"));
      }
      if (link == null) {
        continue;
      }
      String published = text(item, "pubDate");
      if (published == null) {
        published = text(item, "dc|date");
      }
      List<String> categories = new ArrayList<>();
      for (Element c : item.select("category")) {
        if (!c.text().isBlank()) {
          categories.add(c.text().strip());
        }
      }
      out.add(new Discovered(resolve(base, link), UrlKind.PAGE, new EntryMetadata("rss",
          text(item, "title"), date(published), null, language, null, categories)));
    }
    return out;
  }

  private static String cut(byte[] xml) {
    int end = xml.length;
    if (end > MAX_FEED_BYTES) {
      end = MAX_FEED_BYTES;
      while (end > 0 && xml[end - 1] != '>') {
        end--;
      }
    }
    return new String(xml, 0, end, StandardCharsets.UTF_8);
  }

  private static String atomLink(Element entry) {
    String fallback = null;
    for (Element link : entry.select("link[href]")) {
      String rel = link.attr("rel");
      if (rel.isEmpty() || rel.equals("alternate")) {
        return link.attr("href");
      }
      fallback = fallback == null ? link.attr("href") : fallback;
    }
    return fallback;
  }

  private static List<String> terms(Element e, String tag, String attr) {
    List<String> out = new ArrayList<>();
    for (Element c : e.select(tag)) {
      String v = c.attr(attr);
      if (!v.isBlank()) {
        out.add(v.strip());
      }
    }
    return out;
  }

  private static String text(Element parent, String cssQuery) {
    Element e = parent.selectFirst("> " + cssQuery);
    return e == null ? null : blankToNull(e.text());
  }

  /** RFC 822 and ISO 8601 dates become ISO 8601; anything else is kept as written. */
  static String date(String value) {
    if (value == null) {
      return null;
    }
    ZonedDateTime parsed = AbstractSiteMap.parseRSSTimestamp(value);
    if (parsed == null) {
      parsed = AbstractSiteMap.convertToZonedDateTime(value);
    }
    return parsed == null ? value.strip() : parsed.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static String resolve(String base, String link) {
    try {
      return java.net.URI.create(base).resolve(link.strip()).toString();
    } catch (IllegalArgumentException e) {
      return link.strip();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
