package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The elements that metadata is read from, gathered in one walk over the page instead of one
 * selector query per field: meta tags, JSON-LD scripts, the canonical link, {@code <time>}
 * elements, microdata and RDFa properties, headings, byline candidates and elements named
 * like dates. Not thread-safe; build one per page.
 */
public final class PageIndex {

  /** Most elements named like dates or bylines worth looking at. */
  private static final int MAX_NAMED = 300;

  private static final String[] DATE_NAMES = {
      "date", "datum", "time", "publish", "posted", "byline", "meta", "dateline", "submitted",
      "created", "info", "detail", "stand", "zeit", "fecha", "data"};

  private static final String[] AUTHOR_NAMES = {
      "byline", "author-name", "authorname", "author__name", "article-author", "post-author",
      "entry-author"};
  /** {@link #DATE_NAMES} and {@link #AUTHOR_NAMES}, found in one scan of the names. */
  private static final KeywordScanner NAMES = KeywordScanner.ofGroups(DATE_NAMES, AUTHOR_NAMES);

  /** What each distinct class-and-id string says, for this page only. */
  private final Map<String, Integer> nameFlags = new HashMap<>();
  private static final int DATE_LIKE = 1;
  private static final int AUTHOR_LIKE = 2;

  final List<Element> metas = new ArrayList<>();
  final List<Element> jsonLd = new ArrayList<>();
  /** Every {@code <script>} element, in document order. */
  final List<Element> scripts = new ArrayList<>();
  final List<Element> times = new ArrayList<>();
  final List<Element> itemprops = new ArrayList<>();
  final List<Element> properties = new ArrayList<>();
  final List<Element> headings = new ArrayList<>();
  final List<Element> authorCandidates = new ArrayList<>();
  final List<Element> dateNamed = new ArrayList<>();
  /** Links to an author's page ({@code /author/jane-doe}), in document order. */
  final List<Element> authorLinks = new ArrayList<>();
  Element canonical;
  /** Whether some element carries microdata of a product ({@code itemtype=".../Product"}). */
  boolean productItem;
  Element firstH1;
  int h1Count;
  /** Whether some element carries microdata of a forum thread or a question page. */
  boolean discussionItem;
  /**
   * Elements whose class or id names a forum (counted up to {@link #FORUM_SIGNS}). Links to a
   * forum do not count: news and blog sites link their own forums from every page.
   */
  int forumNames;
  /** Elements naming a forum from which the page is taken for one. */
  static final int FORUM_SIGNS = 3;

  private PageIndex() {}

  public static PageIndex of(Document doc) {
    PageIndex index = new PageIndex();
    NodeTraversor.traverse(index.new Collector(), doc);
    return index;
  }

  private final class Collector implements NodeVisitor {
    private boolean inBody;

    @Override
    public void head(Node node, int depth) {
      if (!(node instanceof Element e)) {
        return;
      }
      switch (e.normalName()) {
        case "body" -> inBody = true;
        case "meta" -> metas.add(e);
        case "script" -> {
          scripts.add(e);
          if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
            jsonLd.add(e);
          }
        }
        case "link" -> {
          if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical")) {
            canonical = e;
          }
        }
        case "time" -> times.add(e);
        case "h1", "h2" -> {
          headings.add(e);
          if (e.nameIs("h1") && inBody) {
            h1Count++;
            if (firstH1 == null) {
              firstH1 = e;
            }
          }
        }
        default -> { }
      }
      if (inBody && e.nameIs("small") && dateNamed.size() < MAX_NAMED) {
        dateNamed.add(e);
      }
      if (e.attributesSize() == 0) {
        return;
      }
      String itemprop = e.attr("itemprop");
      if (!itemprop.isEmpty()) {
        itemprops.add(e);
        if (itemprop.equalsIgnoreCase("author")) {
          authorCandidates.add(e);
        }
      }
      if (e.hasAttr("itemtype")) {
        String itemtype = e.attr("itemtype");
        productItem |= isProductType(itemtype);
        discussionItem |= isDiscussionType(itemtype);
      }
      if (!e.nameIs("meta") && e.hasAttr("property")) {
        properties.add(e);
      }
      if (!inBody) {
        return;
      }
      if (e.nameIs("a") && authorLinks.size() < 20 && isAuthorPath(e.attr("href"))) {
        authorLinks.add(e);
      }
      if (e.attr("rel").equalsIgnoreCase("author") && authorCandidates.size() < 20) {
        authorCandidates.add(e);
      }
      String cls = e.attr("class");
      String id = e.attr("id");
      if (cls.isEmpty() && id.isEmpty()) {
        return;
      }
      if (forumNames < FORUM_SIGNS && (containsForum(cls) || containsForum(id))) {
        forumNames++;
      }
      // No keyword holds a space, so the names of class and id are judged apart: class
      // strings repeat across a page and are looked up once, ids are mostly unique.
      int flags = (cls.isEmpty() ? 0 : nameFlags.computeIfAbsent(cls, PageIndex::flagsOfRaw))
          | (id.isEmpty() ? 0 : flagsOfRaw(id));
      if (dateNamed.size() < MAX_NAMED && !e.nameIs("small") && (flags & DATE_LIKE) != 0) {
        dateNamed.add(e);
      }
      if (authorCandidates.size() < 20 && (flags & AUTHOR_LIKE) != 0) {
        authorCandidates.add(e);
      }
    }
  }

  /** {@code http://schema.org/Product} and its kin, possibly among other types. */
  private static boolean isProductType(String itemtype) {
    String t = itemtype.toLowerCase(Locale.ROOT);
    return t.contains("schema.org/product") && !t.contains("schema.org/productcollection");
  }

  /** {@code http://schema.org/QAPage} or {@code .../DiscussionForumPosting}, among other types. */
  private static boolean isDiscussionType(String itemtype) {
    String t = itemtype.toLowerCase(Locale.ROOT);
    return t.contains("schema.org/qapage") || t.contains("schema.org/discussionforumposting");
  }

  /** Whether {@code s} holds the word "forum" in any case. */
  private static boolean containsForum(String s) {
    for (int i = 0, end = s.length() - 5; i <= end; i++) {
      char c = s.charAt(i);
      if ((c == 'f' || c == 'F') && s.regionMatches(true, i + 1, "orum", 0, 4)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the page shows itself a forum or Q&A thread by its markup. */
  boolean looksLikeDiscussion() {
    return discussionItem || forumNames >= FORUM_SIGNS;
  }

  private static int flagsOfRaw(String names) {
    return flagsOf(names.toLowerCase(Locale.ROOT));
  }

  private static int flagsOf(String names) {
    long groups = NAMES.groupsIn(names);
    int flags = KeywordScanner.has(groups, 0) ? DATE_LIKE : 0;
    if (KeywordScanner.has(groups, 1) || isAuthorToken(names)) {
      flags |= AUTHOR_LIKE;
    }
    return flags;
  }

  /** Whether a link's path names an author's page: {@code /author/…}, {@code /autoren/…}. */
  static boolean isAuthorPath(String href) {
    int at = href.indexOf("/aut");
    while (at >= 0) {
      int end = href.indexOf('/', at + 1);
      if (end > 0 && end + 1 < href.length()) {
        String segment = href.substring(at + 1, end).toLowerCase(Locale.ROOT);
        if (AUTHOR_SEGMENTS.contains(segment)) {
          return true;
        }
      }
      at = href.indexOf("/aut", at + 1);
    }
    return false;
  }

  private static final java.util.Set<String> AUTHOR_SEGMENTS = java.util.Set.of(
      "author", "authors", "autor", "autoren", "auteur", "auteurs", "autore", "autori", "autores");

  /** Whether a space-separated token of {@code names} is exactly {@code author} or {@code byline}. */
  private static boolean isAuthorToken(String names) {
    return hasToken(names, "author") || hasToken(names, "byline");
  }

  private static boolean hasToken(String names, String token) {
    for (int at = names.indexOf(token); at >= 0; at = names.indexOf(token, at + 1)) {
      int end = at + token.length();
      if ((at == 0 || names.charAt(at - 1) == ' ')
          && (end == names.length() || names.charAt(end) == ' ')) {
        return true;
      }
    }
    return false;
  }
}
