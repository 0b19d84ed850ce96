package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds when a page was published and last modified, from the most trusted source that says:
 * JSON-LD, then meta tags, then microdata, then a date in the URL's path, then a date labelled
 * as the publication in words, then {@code <time>} elements (not those of comments, embedded
 * posts or sidebars), then short visible texts whose names mark them as dates or bylines, then
 * generic date meta tags, then fallbacks in scripts and the body text.
 * Stateless and thread-safe.
 */
public final class DateFinder {

  /** The two dates of a page, each ISO 8601 or null. */
  public record Dates(String published, String modified) {}

  private static final String[] PUBLISHED_META = {
      "article:published_time", "og:published_time", "article:published", "published_time",
      "og:article:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
      "publish_date", "publication_date", "date_published", "dc.date.issued", "dcterms.issued",
      "dc.date.created", "dcterms.created", "citation_publication_date",
      "citation_date", "sailthru.date", "parsely-pub-date", "article.published",
      "originalpublicationdate", "displaydate", "created", "datecreated", "dc.created",
      "article_date_original", "cxenseparse:recs:publishtime", "og:pubdate", "release_date",
      "pub_date", "publication-date", "shareaholic:article_published_time"};

  /**
   * Keys that name no event: content systems fill them with the day a page was last saved as
   * often as with its publication, so a date the page shows comes first.
   */
  private static final String[] GENERIC_DATE_META = {"dc.date", "dcterms.date", "date", "timestamp"};

  private static final String[] MODIFIED_META = {
      "article:modified_time", "og:updated_time", "article:modified", "modified_time",
      "datemodified", "dateupdated", "lastmod", "last-modified", "dcterms.modified",
      "dc.date.modified", "parsely-updated", "sailthru.lastmodified", "revised"};

  private static final Pattern URL_DATE = Pattern.compile(
      "/((?:19|20)\\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\\d|3[01])(?:/|[_-]|\\.html?|$)");
  private static final Pattern URL_DATE_SEPARATED = Pattern.compile(
      "[/_-]((?:19|20)\\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\\d|3[01])(?:/|[_-]|\\.|$)");

  private static final Pattern URL_DATE_DMY = Pattern.compile(
      "/(0?[1-9]|[12]\\d|3[01])-(0?[1-9]|1[0-2])-((?:19|20)\\d{2})(?:/|\\.|$)");

  /** Keys under which script data holds a page's date, each with its quotation marks. */
  private static final String[] SCRIPT_DATE_KEYS = java.util.stream.Stream.of("datePublished",
      "publishedDate", "published_at", "publishedAt", "publishDate", "publish_date", "createdAt",
      "created_at", "dateCreated", "firstPublished", "first_published_at")
      .map(k -> '"' + k + '"').toArray(String[]::new);
  /** A date under one of {@link #SCRIPT_DATE_KEYS}. */
  private static final Pattern SCRIPT_DATE = Pattern.compile("(?:"
      + String.join("|", SCRIPT_DATE_KEYS) + ")\\s*:\\s*\"([^\"]{8,40})\"");

  /** The earliest UTC hour read as the next day's local midnight (UTC+4 and east of it). */
  private static final int MIDNIGHT_EAST_FROM = 20;

  private DateFinder() {}

  public static Dates find(Document doc, PageIndex index, MetaTags meta, JsonLd ld, String url) {
    String modified = firstParsed(ld.dateModified(), meta, MODIFIED_META);
    String published = DateParser.parse(ld.datePublished());
    if (published == null) {
      published = firstParsed(null, meta, PUBLISHED_META);
    }
    if (published == null) {
      published = microdata(index, "datePublished");
    }
    if (published == null) {
      published = microdata(index, "dateCreated");
    }
    String fromUrl = fromUrl(url);
    if (fromUrl != null && (published == null || !sameDay(published, fromUrl))) {
      // A full date in the path is fixed when the page is made; metadata is often rewritten.
      // A visible time of that same day adds the time of day.
      String shown = fromTimeElements(index);
      published = shown != null && sameDay(shown, fromUrl) ? shown : fromUrl;
    }
    if (published == null) {
      published = PublicationLabel.find(doc);
    }
    if (published == null) {
      published = fromTimeElements(index);
    }
    if (published == null) {
      published = fromNamedElements(index);
    }
    if (published == null) {
      published = firstParsed(null, meta, GENERIC_DATE_META);
    }
    if (modified == null) {
      modified = microdata(index, "dateModified");
    }
    if (published == null) {
      published = modified;
    }
    if (published == null) {
      published = fromScriptData(index);
    }
    String bodyText = null;
    if (published == null) {
      // Pages that say nothing else usually show the date near the headline.
      published = DateParser.parseHuman(textAfterHeading(index));
    }
    if (published == null) {
      // The whole body's text only when the text under the headline has no date.
      bodyText = bodyText(doc);
      published = DateParser.parseHuman(bodyText);
    }
    if (published != null && isUtc(published) && fromUrl == null) {
      published = localDay(published, index);
    }
    if (published != null && isUtc(published) && fromUrl == null) {
      published = localMidnight(published, index);
    }
    if (published == null) {
      published = fromLinkedUrls(doc, index);
      if (published == null) {
        published = fromShortYear(bodyText, index);
      }
    } else if (modified != null && !sameDay(published, modified)) {
      // Readers see the date shown under the headline; when that is the update, the page
      // presents itself as of that day.
      String near = textAfterHeading(index);
      List<String> shown = DateParser.allHuman(near, 5);
      if (!shown.isEmpty() && shown.get(0).equals(day(modified)) && !shown.contains(day(published))) {
        published = modified;
      }
    }
    return new Dates(published, modified);
  }

  private static String firstParsed(String first, MetaTags meta, String[] keys) {
    String d = DateParser.parse(first);
    if (d != null) {
      return d;
    }
    for (String k : keys) {
      for (String v : meta.all(k)) {
        d = DateParser.parse(v);
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  private static String microdata(PageIndex index, String prop) {
    List<Element> found = new ArrayList<>();
    for (Element e : index.itemprops) {
      if (e.attr("itemprop").equalsIgnoreCase(prop)) {
        found.add(e);
      }
    }
    String suffix = ":" + prop.toLowerCase(Locale.ROOT);
    for (Element e : index.properties) {
      if (e.attr("property").toLowerCase(Locale.ROOT).endsWith(suffix)) {
        found.add(e);
      }
    }
    for (Element e : found) {
      String d = DateParser.parse(firstNonEmpty(e.attr("datetime"), e.attr("content"), e.text()));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /**
   * Dates in the data that script-driven pages embed ({@code "publishedDate": "2016-11-04…"}).
   * Read as text, not run; only consulted when the markup has no date.
   */
  private static String fromScriptData(PageIndex index) {
    for (Element script : index.scripts) {
      String data = script.data();
      if (data.length() > 2_000_000 || data.indexOf("ublish") < 0 && data.indexOf("reatedAt") < 0
          && data.indexOf("reated_at") < 0 && data.indexOf("dateCreated") < 0) {
        continue;
      }
      Matcher m = firstScriptDate(data);
      if (m != null) {
        String d = DateParser.parse(m.group(1));
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  /**
   * What {@code SCRIPT_DATE.matcher(data).find()} finds first, or null: a match can only start
   * where one of the quoted keys does, so the pattern is tried there alone, in order, instead
   * of at every quotation mark of a large script.
   */
  static Matcher firstScriptDate(String data) {
    Matcher m = SCRIPT_DATE.matcher(data);
    int[] next = new int[SCRIPT_DATE_KEYS.length];
    for (int k = 0; k < next.length; k++) {
      next[k] = data.indexOf(SCRIPT_DATE_KEYS[k]);
    }
    while (true) {
      int at = -1;
      for (int i : next) {
        if (i >= 0 && (at < 0 || i < at)) {
          at = i;
        }
      }
      if (at < 0) {
        return null;
      }
      m.region(at, data.length());
      if (m.lookingAt()) {
        return m;
      }
      for (int k = 0; k < next.length; k++) {
        if (next[k] == at) {
          next[k] = data.indexOf(SCRIPT_DATE_KEYS[k], at + 1);
        }
      }
    }
  }

  /** The last resort: a date in the path of the page's image or of a link on it. */
  private static String fromLinkedUrls(Document doc, PageIndex index) {
    for (Element meta : index.metas) {
      String key = meta.attr("property").isEmpty() ? meta.attr("name") : meta.attr("property");
      if (key.toLowerCase(Locale.ROOT).contains("image")) {
        String d = fromUrl(meta.attr("content"));
        if (d != null) {
          return d;
        }
      }
    }
    Element body = doc.body();
    if (body == null) {
      return null;
    }
    int seen = 0;
    for (Element e : body.getElementsByAttribute("src")) {
      String d = fromUrl(e.attr("src"));
      if (d != null) {
        return d;
      }
      if (++seen > 200) {
        break;
      }
    }
    return null;
  }

  static String fromUrl(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url);
    if (m.find()) {
      String d = DateParser.date(m.group(1), m.group(2), m.group(3));
      if (d != null) {
        return d;
      }
    }
    m = URL_DATE_SEPARATED.matcher(url);
    while (m.find()) {
      // "/2023/10/3-questions-for-…": a single digit joined to the slug starts the title.
      char after = m.end(3) < url.length() ? url.charAt(m.end(3)) : '/';
      if (m.group(3).length() == 1 && (after == '-' || after == '_')) {
        continue;
      }
      String d = DateParser.date(m.group(1), m.group(2), m.group(3));
      if (d != null) {
        return d;
      }
    }
    m = URL_DATE_DMY.matcher(url);
    return m.find() ? DateParser.date(m.group(3), m.group(2), m.group(1)) : null;
  }

  private static String fromTimeElements(PageIndex index) {
    List<Element> times = index.times;
    String firstAny = null;
    for (Element t : times) {
      String d = DateParser.parse(firstNonEmpty(t.attr("datetime"), t.text()));
      if (d == null || inOtherVoice(t)) {
        continue;
      }
      String names = (t.className() + " " + t.id() + " " + t.attr("itemprop")).toLowerCase();
      if (t.hasAttr("pubdate") || names.contains("publish") || names.contains("posted")
          || names.contains("created") || names.contains("entry-date")) {
        return d;
      }
      if (firstAny == null && !names.contains("updat") && !names.contains("modif")) {
        firstAny = d;
      }
    }
    return firstAny;
  }

  /**
   * Whether a dated element belongs to something other than the page's own story: a reader's
   * comment, an embedded post (a quotation) or a sidebar. Their dates are of other writings.
   */
  private static boolean inOtherVoice(Element e) {
    for (Element a = e.parent(); a != null && !a.nameIs("body"); a = a.parent()) {
      if (a.nameIs("blockquote") || a.nameIs("aside")) {
        return true;
      }
      if (a.hasAttr("class") && containsComment(a.className())
          || a.hasAttr("id") && containsComment(a.id())) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsComment(String name) {
    return name.toLowerCase(Locale.ROOT).contains("comment");
  }

  private static String fromNamedElements(PageIndex index) {
    for (Element e : index.dateNamed) {
      if (lettersAbove(e, 200)) {
        // Its text is longer than 200 characters for certain: a wrapper, not a dateline.
        continue;
      }
      String text = e.text();
      if (text.isEmpty() || text.length() > 200) {
        continue;
      }
      String d = DateParser.parseHuman(text);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /**
   * Whether more than {@code limit} letters and digits stand in the text nodes under
   * {@code e}; every one of them is in {@code e.text()}, so its length is then above the
   * limit too. Counting stops there.
   */
  private static boolean lettersAbove(Element e, int limit) {
    int[] letters = {0};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          String s = t.getWholeText();
          for (int i = 0; i < s.length() && letters[0] <= limit; i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
              letters[0]++;
            }
          }
        }
        return letters[0] > limit ? FilterResult.STOP : FilterResult.CONTINUE;
      }
    }, e);
    return letters[0] > limit;
  }

  /**
   * After every other source: a day with a two-digit year (28.09.19) after the main heading,
   * else in the body text.
   */
  private static String fromShortYear(String bodyText, PageIndex index) {
    String d = DateParser.parseShortYear(textAfterHeading(index));
    return d != null || bodyText == null ? d : DateParser.parseShortYear(bodyText);
  }

  /** The first 20,000 characters of the body's text; empty without a body. */
  private static String bodyText(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return "";
    }
    String text = body.text();
    return text.length() > 20_000 ? text.substring(0, 20_000) : text;
  }

  /** About 600 characters of text from the main heading on; empty without a heading. */
  private static String textAfterHeading(PageIndex index) {
    Element h1 = index.firstH1;
    StringBuilder after = new StringBuilder();
    for (Element e = h1; e != null && after.length() < 600; e = nextInDocument(e)) {
      after.append(' ').append(e.ownText());
    }
    return after.toString();
  }

  /** Whether an ISO date-time is given in UTC, as content systems store it. */
  private static boolean isUtc(String iso) {
    return iso.endsWith("Z") || iso.endsWith("+00:00");
  }

  /**
   * A UTC time near midnight falls on a neighbouring day where the page is written; the page
   * shows its readers their local day. When the date shown first (a {@code <time>} element or
   * the text under the headline) is the day before or after the UTC day, and the UTC day is
   * not shown there, the shown day is the page's publication day.
   */
  private static String localDay(String utc, PageIndex index) {
    String shown = fromTimeElements(index);
    List<String> near = DateParser.allHuman(textAfterHeading(index), 5);
    if (shown == null && !near.isEmpty()) {
      shown = near.get(0);
    }
    if (shown == null || sameDay(shown, utc) || near.contains(day(utc))) {
      return utc;
    }
    try {
      long apart = java.time.temporal.ChronoUnit.DAYS.between(
          java.time.LocalDate.parse(day(utc)), java.time.LocalDate.parse(day(shown)));
      return Math.abs(apart) == 1 ? shown : utc;
    } catch (java.time.DateTimeException e) {
      return utc;
    }
  }

  /**
   * A day stored without its time is saved as the UTC instant of its local midnight: east of
   * Greenwich that is a whole hour late on the day before (2021-11-04T23:00:00Z for 5 November
   * in Berlin). Such a time is read as the day it stands for, unless the page shows the UTC
   * day.
   */
  private static String localMidnight(String utc, PageIndex index) {
    if (utc.length() < 19 || !utc.startsWith(":00:00", 13)) {
      return utc;
    }
    StringBuilder shown = new StringBuilder(textAfterHeading(index));
    for (int i = 0; i < Math.min(3, index.times.size()); i++) {
      shown.append(' ').append(index.times.get(i).text());
    }
    if (DateParser.allHuman(shown.toString(), 8).contains(day(utc))) {
      return utc;
    }
    int hour = (utc.charAt(11) - '0') * 10 + (utc.charAt(12) - '0');
    if (hour < MIDNIGHT_EAST_FROM || hour > 23) {
      return utc;
    }
    try {
      return java.time.LocalDate.parse(day(utc)).plusDays(1).toString();
    } catch (java.time.DateTimeException e) {
      return utc;
    }
  }

  private static boolean sameDay(String a, String b) {
    return day(a).equals(day(b));
  }

  private static String day(String iso) {
    return iso.length() >= 10 ? iso.substring(0, 10) : iso;
  }

  private static Element nextInDocument(Element e) {
    if (e.childrenSize() > 0) {
      return e.child(0);
    }
    for (Element x = e; x != null; x = x.parent()) {
      Element next = x.nextElementSibling();
      if (next != null) {
        return next;
      }
    }
    return null;
  }

  private static String firstNonEmpty(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
