package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads an article's metadata from the page before it is cleaned, trusting sources in this
 * order: JSON-LD, OpenGraph/Twitter/Dublin Core and other meta tags, microdata, then visible
 * markup (bylines, {@code <time>}, the URL). Stateless and thread-safe.
 */
public final class MetadataReader {

  /** Everything the page says about itself. Lists are never null. */
  public record Metadata(
      String title, List<String> authors, String published, String modified, String siteName,
      String language, String canonicalUrl, String description, List<String> tags,
      String imageUrl, boolean declaredArticle, String jsonLdBody, boolean declaredCollection,
      boolean declaredProduct, List<String> ingredients, boolean discussion) {}

  private static final Pattern BY_PREFIX = Pattern.compile(
      "^(by|von|par|por|di|door|av|text|written by|posted by|story by|autor|author)\\s*:?\\s+",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTHOR_NOISE = Pattern.compile(
      "https?://|@|\\d{4}|\\bupdated\\b|\\bpublished\\b", Pattern.CASE_INSENSITIVE);

  /** Placeholders content systems put where an author's name belongs. */
  private static final java.util.Set<String> NOT_A_NAME = java.util.Set.of(
      "no author", "admin", "administrator", "unknown", "anonymous", "guest", "null",
      "undefined", "author");

  private MetadataReader() {}

  public static Metadata read(Document doc, String url, Map<String, String> headers) {
    PageIndex index = PageIndex.of(doc);
    MetaTags meta = MetaTags.of(index);
    JsonLd ld = JsonLd.of(index);
    String siteName = first(meta.first("og:site_name", "application-name", "al:android:app_name"),
        ld.publisherName(), ld.websiteName());
    String title = TitleFinder.find(doc, index, meta, ld, siteName);
    DateFinder.Dates dates = DateFinder.find(doc, index, meta, ld, url);
    String ogType = meta.first("og:type");
    boolean declaredArticle = ld.isArticle()
        || ogType != null && ogType.toLowerCase(Locale.ROOT).contains("article")
        || meta.first("article:published_time") != null;
    return new Metadata(
        title,
        authors(index, meta, ld, siteName, TitleFinder.hostName(doc.location())),
        dates.published(),
        dates.modified(),
        TitleFinder.clean(siteName),
        language(doc, meta, ld, headers),
        absolute(doc, first(attr(index.canonical, "href"),
            meta.first("og:url"), ld.url())),
        TitleFinder.clean(first(meta.first("description", "og:description", "twitter:description",
            "dc.description"), ld.description())),
        tags(meta, ld),
        absolute(doc, first(meta.first("og:image", "og:image:url", "twitter:image",
            "twitter:image:src"), ld.image())),
        declaredArticle,
        ld.articleBody(),
        ld.isCollection() && !ld.isArticle(),
        !declaredArticle && (ld.isProduct() || index.productItem
            || ogType != null && ogType.toLowerCase(Locale.ROOT).contains("product")),
        ld.ingredients(),
        ld.isDiscussion() || index.looksLikeDiscussion());
  }

  private static List<String> authors(PageIndex index, MetaTags meta, JsonLd ld, String siteName,
      String host) {
    List<String> out = new ArrayList<>();
    for (String a : ld.authors()) {
      addAuthor(out, a);
    }
    List<String> publisher = organisation(out, siteName, host, ld);
    if (out.isEmpty()) {
      for (String key : new String[] {"author", "article:author", "parsely-author",
          "sailthru.author", "dc.creator", "dcterms.creator", "byl", "citation_author",
          "cxenseparse:author"}) {
        for (String v : meta.all(key)) {
          addAuthor(out, v);
        }
        if (!out.isEmpty()) {
          break;
        }
      }
      publisher = publisher != null ? publisher : organisation(out, siteName, host, ld);
    }
    if (out.isEmpty()) {
      for (Element e : index.authorCandidates) {
        Element name = e.selectFirst("[itemprop=name]");
        String v = name != null ? name.text() : e.text();
        if (v.isEmpty() && name != null) {
          v = name.attr("content");
        }
        addAuthor(out, v);
        if (out.size() >= 3) {
          break;
        }
      }
    }
    if (out.isEmpty()) {
      // Bylines that also carry a date or a role (not long biographies): their link to the
      // author's page holds the name.
      for (Element e : index.authorCandidates) {
        Element link = e.text().length() <= 120 ? authorLinkIn(e) : null;
        if (link != null) {
          addAuthor(out, link.text());
        }
        if (!out.isEmpty()) {
          break;
        }
      }
    }
    for (Element link : index.authorLinks) {
      if (!out.isEmpty()) {
        break;
      }
      String v = link.text();
      if (!hasDigit(v)) {
        addAuthor(out, v);
      }
    }
    return out.isEmpty() && publisher != null ? publisher : out;
  }

  /**
   * Takes out and returns the names found so far when they only name the site or its
   * publisher ({@code tagesschau.de}, the site name, the host's name): bylines on the page say who wrote it.
   * Returns null when the names are people.
   */
  private static List<String> organisation(List<String> found, String siteName, String host,
      JsonLd ld) {
    if (found.isEmpty()) {
      return null;
    }
    String site = siteName == null ? "" : siteName.toLowerCase(Locale.ROOT);
    String owner = ld.publisherName() == null ? "" : ld.publisherName().toLowerCase(Locale.ROOT);
    for (String a : found) {
      String n = a.toLowerCase(Locale.ROOT);
      boolean domain = n.indexOf(' ') < 0 && n.matches(".*\\.[a-z]{2,6}");
      boolean hostName = host != null && n.replaceAll("[^\\p{L}\\p{N}]", "").equals(host.replace("-", ""));
      if (!domain && !hostName && !n.equals(site) && !n.equals(owner)) {
        return null;
      }
    }
    List<String> org = new ArrayList<>(found);
    found.clear();
    return org;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static Element authorLinkIn(Element e) {
    for (Element a : e.getElementsByTag("a")) {
      if (PageIndex.isAuthorPath(a.attr("href"))) {
        return a;
      }
    }
    return null;
  }

  private static void addAuthor(List<String> out, String raw) {
    if (raw == null) {
      return;
    }
    String a = TitleFinder.clean(raw);
    if (a == null) {
      return;
    }
    a = BY_PREFIX.matcher(a).replaceFirst("").strip();
    if (a.length() < 3 || a.length() > 80 || AUTHOR_NOISE.matcher(a).find()
        || NOT_A_NAME.contains(a.toLowerCase(java.util.Locale.ROOT))) {
      return;
    }
    for (String existing : out) {
      if (existing.equalsIgnoreCase(a)) {
        return;
      }
    }
    out.add(a);
  }

  private static String language(Document doc, MetaTags meta, JsonLd ld, Map<String, String> headers) {
    Element root = doc.firstElementChild();
    Element html = root != null && root.nameIs("html") ? root : doc.selectFirst("html");
    String lang = html == null ? "" : html.attr("lang").strip();
    if (lang.isEmpty() && html != null) {
      lang = html.attr("xml:lang").strip();
    }
    String header = null;
    if (headers != null) {
      for (Map.Entry<String, String> h : headers.entrySet()) {
        if ("Content-Language".equalsIgnoreCase(h.getKey())) {
          header = h.getValue();
        }
      }
    }
    return LanguageTag.normalise(first(lang.isEmpty() ? null : lang,
        meta.first("content-language", "dc.language", "language", "og:locale"),
        ld.language(), header));
  }

  private static List<String> tags(MetaTags meta, JsonLd ld) {
    List<String> out = new ArrayList<>();
    for (String t : meta.all("article:tag")) {
      addTag(out, t);
    }
    if (out.isEmpty()) {
      String kw = first(meta.first("news_keywords", "keywords"), null);
      if (kw != null) {
        for (String t : kw.split("[,;]")) {
          addTag(out, t);
        }
      }
    }
    if (out.isEmpty()) {
      ld.keywords().forEach(t -> addTag(out, t));
    }
    return out;
  }

  private static void addTag(List<String> out, String t) {
    String c = TitleFinder.clean(t);
    if (c != null && c.length() < 100 && !out.contains(c)) {
      out.add(c);
    }
  }

  private static String absolute(Document doc, String href) {
    if (href == null || href.isBlank()) {
      return null;
    }
    String base = doc.baseUri();
    try {
      if (base == null || base.isEmpty()) {
        return href.strip();
      }
      return java.net.URI.create(base).resolve(href.strip().replace(" ", "%20")).toString();
    } catch (IllegalArgumentException e) {
      return href.strip();
    }
  }

  private static String attr(Element e, String name) {
    return e == null ? null : e.attr(name);
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
