package org.newsarc.crawler.discovery;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.URL;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.newsarc.crawler.frontier.UrlKind;

/**
 * Reads sitemaps and sitemap indexes (XML, plain text) with crawler-commons, Google News
 * sitemap entries included: their title, publication date, language and publication name are
 * kept. Entries of an index come back as SITEMAP URLs. Not strict about the sitemap's location,
 * because news sites often serve sitemaps from a CDN or a subfolder. Thread-safe: a parser is
 * made per call.
 */
public final class SitemapReader {
  /** Child sitemaps taken from one sitemap index; the rest are dropped. */
  public static final int MAX_CHILD_SITEMAPS = 1000;
  /** Page URLs taken from one sitemap: the sitemaps.org limit of a single file. */
  public static final int MAX_URLS = 50_000;
  /**
   * Decoded bytes of one sitemap that are read; the rest is dropped and the sitemap's row
   * says it was cut. The sitemaps.org limit is 50 MB, but 50,000 entries take about 5 MB, and
   * news sitemaps are far smaller.
   */
  public static final int MAX_DECODED_BYTES = 16 << 20;

  /**
   * The entries of the sitemap {@code body} fetched from {@code url}.
   *
   * @throws IOException when it is not a sitemap crawler-commons can read, or when it declares
   *     a document type: sitemaps need none, and a DTD is how entity bombs and external
   *     entities (local files, internal URLs) get in, so it is refused before parsing
   */
  public List<Discovered> read(byte[] body, String contentType, String url) throws IOException {
    if (declaresDoctype(body)) {
      throw new IOException("sitemap declares a DTD (<!DOCTYPE>); refused, no entity is read");
    }
    SiteMapParser parser = new SiteMapParser(false, true);
    parser.enableExtension(Extension.NEWS);
    AbstractSiteMap map;
    try {
      map = parser.parseSiteMap(contentType == null ? "text/xml" : contentType, cut(body),
          new URL(url));
    } catch (UnknownFormatException e) {
      throw new IOException("not a sitemap: " + e.getMessage(), e);
    }
    List<Discovered> out = new ArrayList<>();
    if (map instanceof SiteMapIndex index) {
      for (AbstractSiteMap child : index.getSitemaps()) {
        if (out.size() >= MAX_CHILD_SITEMAPS) {
          break;
        }
        out.add(new Discovered(child.getUrl().toString(), UrlKind.SITEMAP, null));
      }
    } else if (map instanceof SiteMap sitemap) {
      for (SiteMapURL entry : sitemap.getSiteMapUrls()) {
        if (out.size() >= MAX_URLS) {
          break;
        }
        out.add(new Discovered(entry.getUrl().toString(), UrlKind.PAGE, metadata(entry)));
      }
    }
    return out;
  }

  /**
   * The sitemap cut before its entry number {@link #MAX_URLS} + 1 (an index: before child
   * {@link #MAX_CHILD_SITEMAPS} + 1), with its root closed again, so that the parser never
   * builds the entries that would be dropped anyway: a sitemap bomb that repeats one entry
   * millions of times costs no more than a full sitemap. A body cut at a byte cap (its root
   * never closed) ends after its last whole entry, its root closed again. Any other body is
   * returned as is.
   */
  static byte[] cut(byte[] body) {
    int urls = 0;
    int sitemaps = 0;
    for (int i = 0; i + 9 < body.length; i++) {
      if (body[i] != '<') {
        continue;
      }
      if (isTag(body, i, "<url")) {
        if (++urls > MAX_URLS) {
          return closed(body, i, "</urlset>");
        }
      } else if (isTag(body, i, "<sitemap")) {
        if (++sitemaps > MAX_CHILD_SITEMAPS) {
          return closed(body, i, "</sitemapindex>");
        }
      }
    }
    // A sitemap cut at a byte cap ends mid-entry: it keeps its whole entries only.
    if (urls > 0 && lastIndexOf(body, "</urlset") < 0) {
      int end = lastIndexOf(body, "</url>");
      return end < 0 ? body : closed(body, end + "</url>".length(), "</urlset>");
    }
    if (sitemaps > 0 && lastIndexOf(body, "</sitemapindex") < 0) {
      int end = lastIndexOf(body, "</sitemap>");
      return end < 0 ? body : closed(body, end + "</sitemap>".length(), "</sitemapindex>");
    }
    return body;
  }

  /** Where the last {@code text} (ASCII) starts in {@code body}, or -1. */
  private static int lastIndexOf(byte[] body, String text) {
    outer:
    for (int i = body.length - text.length(); i >= 0; i--) {
      for (int k = 0; k < text.length(); k++) {
        if (body[i + k] != text.charAt(k)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Whether the start tag {@code tag} (no prefix, no longer name) begins at {@code at}. */
  private static boolean isTag(byte[] body, int at, String tag) {
    int end = at + tag.length();
    if (end >= body.length) {
      return false;
    }
    for (int k = 1; k < tag.length(); k++) {
      if (body[at + k] != tag.charAt(k)) {
        return false;
      }
    }
    byte next = body[end];
    return next == '>' || next == ' ' || next == '\t' || next == '\n' || next == '\r';
  }

  private static byte[] closed(byte[] body, int end, String closeTag) {
    byte[] close = closeTag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(body, end + close.length);
    System.arraycopy(close, 0, out, end, close.length);
    return out;
  }

  /**
   * Whether a {@code <!DOCTYPE} comes before the root element; comments and processing
   * instructions of the prolog are skipped (ASCII-compatible encodings).
   */
  static boolean declaresDoctype(byte[] body) {
    int i = 0;
    while (i < body.length - 1) {
      if (body[i] != '<') {
        i++;
      } else if (startsWithIgnoreCase(body, i, "<!--")) {
        i = skipPast(body, i + 4, "-->");
      } else if (body[i + 1] == '?') {
        i = skipPast(body, i + 2, "?>");
      } else {
        return startsWithIgnoreCase(body, i, "<!DOCTYPE");
      }
    }
    return false;
  }

  private static int skipPast(byte[] body, int from, String end) {
    for (int i = from; i <= body.length - end.length(); i++) {
      if (startsWithIgnoreCase(body, i, end)) {
        return i + end.length();
      }
    }
    return body.length;
  }

  private static boolean startsWithIgnoreCase(byte[] body, int at, String word) {
    if (at + word.length() > body.length) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (Character.toUpperCase(body[at + k]) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static EntryMetadata metadata(SiteMapURL entry) {
    String modified = entry.getLastModified() == null ? null
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            entry.getLastModified().toInstant().atOffset(ZoneOffset.UTC));
    ExtensionMetadata[] news = entry.getAttributesForExtension(Extension.NEWS);
    if (news != null) {
      for (ExtensionMetadata m : news) {
        if (m instanceof NewsAttributes n) {
          String published = n.getPublicationDateTime() == null ? null
              : n.getPublicationDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
          List<String> keywords = n.getKeywords() == null ? List.of()
              : Arrays.stream(n.getKeywords()).map(String::strip).filter(k -> !k.isEmpty())
                  .toList();
          return new EntryMetadata("news-sitemap", n.getTitle(), published, modified,
              n.getLanguage(), n.getName(), keywords);
        }
      }
    }
    return modified == null ? null
        : new EntryMetadata("sitemap", null, null, modified, null, null, List.of());
  }
}
