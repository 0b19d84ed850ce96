package org.newsarc.extractor;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns the bytes of an HTML page into an {@link Article}. Pure: no I/O, no shared mutable
 * state, so one instance may be used from many threads at once.
 */
public final class ArticleExtractor {

  /** Stored with every extracted article so that re-extraction can tell old results apart. */
  public static final String VERSION = "0.1.0";

  /**
   * Extracts the article from {@code html}.
   *
   * @param html the response body, content coding already removed
   * @param url the page's address, used as the base for relative links
   * @param headers HTTP response headers; names are matched case-insensitively; may be empty
   * @throws ExtractionException when the bytes are not an HTML page that can be read
   */
  public Article extract(byte[] html, String url, Map<String, String> headers)
      throws ExtractionException {
    if (html == null || html.length == 0) {
      throw new ExtractionException(url, "empty document");
    }
    Charset charset = charsetOf(headers);
    Document doc;
    try {
      doc = Jsoup.parse(new String(html, charset), url);
    } catch (RuntimeException e) {
      throw new ExtractionException(url, "unparseable HTML", e);
    }
    return extract(doc, url, charset);
  }

  private Article extract(Document doc, String url, Charset charset) {
    Element body = doc.selectFirst("article");
    if (body == null) {
      body = doc.body();
    }
    List<String> paragraphs = new ArrayList<>();
    for (Element p : body.select("p")) {
      String t = p.text().strip();
      if (!t.isEmpty()) {
        paragraphs.add(t);
      }
    }
    return Article.newBuilder(url)
        .title(meta(doc, "og:title", doc.title()))
        .siteName(meta(doc, "og:site_name", null))
        .description(meta(doc, "description", meta(doc, "og:description", null)))
        .published(meta(doc, "article:published_time", null))
        .language(doc.selectFirst("html[lang]") == null ? null : doc.selectFirst("html[lang]").attr("lang"))
        .canonicalUrl(doc.selectFirst("link[rel=canonical]") == null ? null
            : doc.selectFirst("link[rel=canonical]").absUrl("href"))
        .text(String.join("\n\n", paragraphs))
        .articleSignal(paragraphs.size() >= 3 ? 0.8 : 0.2)
        .charset(charset.name())
        .build();
  }

  private static String meta(Document doc, String name, String fallback) {
    Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
    return e == null || e.attr("content").isBlank() ? fallback : e.attr("content").strip();
  }

  private static Charset charsetOf(Map<String, String> headers) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase("Content-Type")) {
        String v = h.getValue().toLowerCase(Locale.ROOT);
        int i = v.indexOf("charset=");
        if (i >= 0) {
          try {
            return Charset.forName(v.substring(i + 8).replace("\"", "").strip());
          } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
