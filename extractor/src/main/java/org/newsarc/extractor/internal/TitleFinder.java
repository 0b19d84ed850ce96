package org.newsarc.extractor.internal;

import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Chooses the headline: the page's main heading when the declared titles confirm it, or when
 * it is the page's only {@code h1} and shares a word with them; else the best declared title
 * (JSON-LD, OpenGraph, Twitter, {@code <title>}) with the site's name cut off
 * ("Headline | Site", "Site – Headline"). Stateless and thread-safe.
 */
public final class TitleFinder {

  private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—:·»/\\\\•~]{1,2}\\s+");

  private TitleFinder() {}

  public static String find(Document doc, PageIndex index, MetaTags meta, JsonLd ld, String siteName) {
    String docTitle = clean(doc.title());
    String og = clean(meta.first("og:title", "twitter:title", "dc.title", "title"));
    String headline = clean(ld.isArticle() ? ld.headline() : null);
    String declared = headline != null ? headline : og != null ? og : docTitle;
    if (declared == null) {
      Element h1 = index.firstH1;
      return h1 == null ? null : clean(h1.text());
    }
    // The declared titles in comparable form, once for all the headings.
    String[] titles = {comparableOrNull(headline), comparableOrNull(og), comparableOrNull(docTitle)};
    for (Element h : index.headings) {
      String text = headingText(h);
      if (text == null || text.length() < 8) {
        continue;
      }
      String comparable = BlockFilter.comparable(text);
      for (String title : titles) {
        if (confirms(comparable, title)) {
          return text;
        }
      }
    }
    if (index.h1Count == 1 && index.firstH1 != null) {
      // One main heading on the page is the headline, whatever the declared titles add.
      String text = headingText(index.firstH1);
      if (text != null && text.length() >= 4 && text.length() <= 200 && shareWords(text, declared)) {
        return text;
      }
    }
    String stripped = stripSite(declared, siteName);
    return stripped.equals(declared) ? stripSite(declared, hostName(doc.location())) : stripped;
  }

  /**
   * A heading's text without the kicker many sites set above the headline inside the same
   * heading ({@code <span class="kicker">Climate</span><span>Drilling until…</span>}), nor
   * the separators they hide for screen readers.
   */
  static String headingText(Element h) {
    Element copy = null;
    for (Element e : h.getAllElements()) {
      if (e != h && isKicker(e.className())) {
        copy = h.clone();
        break;
      }
    }
    if (copy == null) {
      return clean(h.text());
    }
    for (Element e : copy.getAllElements()) {
      if (e != copy && e.parent() != null && (isKicker(e.className()) || isScreenReaderOnly(e.className()))) {
        e.remove();
      }
    }
    String text = clean(copy.text());
    if (text != null) {
      text = LEADING_SEPARATOR.matcher(text).replaceFirst("");
    }
    return text == null || text.length() < 8 ? clean(h.text()) : text;
  }

  private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[|\\-–—:·»/•~\\s]+");

  private static boolean isKicker(String cls) {
    if (cls.isEmpty()) {
      return false;
    }
    String c = cls.toLowerCase(java.util.Locale.ROOT);
    return c.contains("kicker") || c.contains("dachzeile") || c.contains("overline")
        || c.contains("topline") || c.contains("roofline") || c.contains("eyebrow")
        || c.contains("spitzmarke") || c.contains("subheadline");
  }

  private static boolean isScreenReaderOnly(String cls) {
    String c = cls.toLowerCase(java.util.Locale.ROOT);
    return c.contains("visually-hidden") || c.contains("sr-only") || c.contains("screen-reader");
  }

  /** True when at least one word of four letters or more appears in both. */
  private static boolean shareWords(String a, String b) {
    String cb = " " + BlockFilter.comparable(b) + " ";
    for (String w : BlockFilter.comparable(a).split(" ")) {
      if (w.length() >= 4 && cb.contains(" " + w + " ")) {
        return true;
      }
    }
    return false;
  }

  private static String comparableOrNull(String title) {
    return title == null ? null : BlockFilter.comparable(title);
  }

  /** Whether a heading confirms a declared title, both in {@link BlockFilter#comparable} form. */
  private static boolean confirms(String h, String d) {
    if (d == null) {
      return false;
    }
    return !h.isEmpty() && (d.equals(h) || d.startsWith(h) && h.length() * 2 >= d.length()
        || d.endsWith(h) && h.length() * 2 >= d.length());
  }

  /**
   * The name part of a page's host, as a site name to cut from titles when the page declares
   * none: {@code www.onehealthohio.org} gives {@code onehealthohio}. Null when it cannot tell,
   * and for home pages.
   */
  static String hostName(String url) {
    if (url == null || url.isEmpty()) {
      return null;
    }
    String host;
    try {
      host = java.net.URI.create(url.strip().replace(" ", "%20")).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (host == null) {
      return null;
    }
    String[] labels = host.toLowerCase(java.util.Locale.ROOT).split("\\.");
    int i = labels.length - 2;
    if (i > 0 && labels[i].length() <= 3 && labels[labels.length - 1].length() == 2) {
      i--; // example.co.uk, example.com.au
    }
    String path = java.net.URI.create(url.strip().replace(" ", "%20")).getPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return null; // a home page's title is the site's own title
    }
    return i >= 0 && labels[i].length() >= 4 ? labels[i] : null;
  }

  /** Removes a site name before or after a separator. */
  static String stripSite(String title, String siteName) {
    String[] parts = SEPARATOR.split(title);
    if (parts.length < 2) {
      return title;
    }
    String site = siteName == null ? "" : BlockFilter.comparable(siteName);
    String first = parts[0];
    String last = parts[parts.length - 1];
    if (!site.isEmpty()) {
      String compactSite = site.replace(" ", "");
      String compactLast = BlockFilter.comparable(last).replace(" ", "");
      if (BlockFilter.comparable(last).equals(site) || site.contains(BlockFilter.comparable(last))
          || compactLast.length() >= 4 && compactLast.equals(compactSite)) {
        return title.substring(0, title.length() - last.length()).replaceAll(SEPARATOR.pattern() + "$", "").strip();
      }
      if (BlockFilter.comparable(first).equals(site)
          || BlockFilter.comparable(first).replace(" ", "").equals(compactSite) && compactSite.length() >= 4) {
        return title.substring(first.length()).replaceFirst("^" + SEPARATOR.pattern(), "").strip();
      }
    }
    // Without a known site name: "Long headline | Short site" loses its short tail.
    if (last.length() * 2 < first.length() && last.split("\\s+").length <= 4) {
      return title.substring(0, title.lastIndexOf(last)).replaceAll(SEPARATOR.pattern() + "$", "").strip();
    }
    return title;
  }

  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = collapseSpaces(s).strip();
    return t.isEmpty() ? null : t;
  }

  /**
   * {@code s} with no-break spaces made plain and each run of whitespace (what {@code \s}
   * matches) made one space.
   */
  private static String collapseSpaces(String s) {
    int n = s.length();
    int i = 0;
    // Most titles need no change: copy only from the first space that does.
    while (i < n) {
      char c = s.charAt(i);
      // A lone plain space stays; any other whitespace, or a run, is rewritten.
      if (isSpaceOrNbsp(c) && (c != ' ' || i + 1 < n && isSpaceOrNbsp(s.charAt(i + 1)))) {
        break;
      }
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder b = new StringBuilder(n).append(s, 0, i);
    boolean inRun = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (isSpaceOrNbsp(c)) {
        if (!inRun) {
          b.append(' ');
          inRun = true;
        }
      } else {
        b.append(c);
        inRun = false;
      }
    }
    return b.toString();
  }

  private static boolean isSpaceOrNbsp(char c) {
    return c == '\u00A0' || TextStats.isPatternSpace(c);
  }
}
