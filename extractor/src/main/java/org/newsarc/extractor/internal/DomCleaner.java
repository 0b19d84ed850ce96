package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.newsarc.extractor.ExtractionRule;

/**
 * Removes what is never article text from a page body: scripts, forms controls, hidden
 * elements, navigation, and elements whose names mark them as share bars, ads, related links,
 * comments and the like. An element holding a large share of the page's prose is never removed
 * on the strength of its names alone, because wrappers are sometimes named carelessly
 * ("post with-sidebar"). Stateless and thread-safe.
 */
public final class DomCleaner {

  /**
   * Removed wherever they are: they carry no readable article text. Ruby annotations
   * ({@code rt}, {@code rp}: the readings set above Japanese or Chinese characters) are not
   * part of the sentence they annotate.
   */
  private static final Set<String> ALWAYS_REMOVED = Set.of(
      "script", "style", "template", "svg", "canvas", "iframe", "object", "embed",
      "button", "select", "input", "textarea", "option", "nav", "dialog", "map", "audio",
      "video", "link", "meta", "head", "math", "frame", "frameset", "applet", "rt", "rp");

  /** Removed unless they hold much of the page's prose. */
  private static final Set<String> STRUCTURAL_BOILERPLATE = Set.of(
      "header", "footer", "aside", "figcaption", "menu");

  /** Below this share of prose in its text, a form is furniture. */
  private static final double FORM_PROSE_SHARE = 0.5;

  /** Above this share of the page's prose an element is kept whatever its names say. */
  private static final double PROTECTED_SHARE = 0.3;

  private DomCleaner() {}

  /**
   * Removes, in place, the elements that never hold readable text, the hidden ones and the
   * {@code noscript} fallbacks. A hidden panel that a control of the page opens stays, and so
   * does a hidden element or fallback holding most of the page's text (unless it is a dialog):
   * streaming renderers ship the page in a hidden container, and some forums serve their posts
   * to clients without scripts (like this one) inside {@code noscript}. Returns the elements
   * left that carry a main-content mark, for {@link #markedMain}.
   */
  public static List<Element> removeNonContent(Element root) {
    List<Element> doomed = new ArrayList<>();
    List<Element> hidden = new ArrayList<>();
    Set<String> controlled = new HashSet<>();
    List<Element> marks = new ArrayList<>();
    sort(root, doomed, hidden, controlled, marks);
    // A hidden panel that a control of the page opens is read like the rest of the page: what
    // it holds is sorted in turn (its controls may open panels met before them).
    boolean released = !controlled.isEmpty();
    while (released) {
      released = false;
      for (int i = 0; i < hidden.size(); i++) {
        Element e = hidden.get(i);
        if (e != null && Rules.fires(ExtractionRule.DISCLOSED_PANEL, isPanel(e, controlled))) {
          hidden.set(i, null);
          released = true;
          for (Element child : e.children()) {
            sort(child, doomed, hidden, controlled, marks);
          }
        }
      }
    }
    for (Element e : doomed) {
      e.remove();
    }
    if (hidden.isEmpty()) {
      return marks;
    }
    int total = -1;
    for (int i = 0; i < hidden.size(); i++) {
      Element e = hidden.get(i);
      if (e == null) {
        continue;
      }
      if (textBound(e, 500) <= 500) {
        // Short for certain, so removed without building its text.
        e.remove();
        continue;
      }
      if (Rules.fires(ExtractionRule.DIALOG, isOverlay(e))) {
        // A dialog waiting to open (a republishing form with the article in it, say) is not
        // the page, however much text it carries.
        e.remove();
        continue;
      }
      int length = TextStats.visibleLength(e.text());
      if (length > 500 && total < 0) {
        total = TextStats.visibleLength(root.text());
      }
      if (length <= 500 || length * 2 < total) {
        e.remove();
      } else {
        // Kept as the page's content, it is sorted like the rest of the page; what is hidden
        // inside it is judged by the same measure.
        List<Element> inside = new ArrayList<>();
        for (Element child : e.children()) {
          sort(child, inside, hidden, controlled, marks);
        }
        for (Element d : inside) {
          d.remove();
        }
      }
    }
    return marks;
  }

  /**
   * At least {@code TextStats.visibleLength(e.text())}: every character of that text comes
   * from a text node or is one of the spaces set before and after an element. Counting stops
   * once past {@code limit}.
   */
  private static int textBound(Element e, int limit) {
    int[] bound = {0};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        bound[0] += node instanceof TextNode t ? t.getWholeText().length() : node instanceof Element ? 2 : 0;
        return bound[0] > limit ? FilterResult.STOP : FilterResult.CONTINUE;
      }
    }, e);
    return bound[0];
  }

  /**
   * The elements under {@code root} that look like boilerplate by tag or name, outermost only.
   * With {@code discussion}, elements named like forum posts (comment, reply, answer…) are
   * kept.
   * The element holding the densest prose before any names were read, and its ancestors, are
   * kept whatever they are called: removing them would remove the article. The tree is not
   * changed, so callers can still fall back to the whole page.
   */
  public static Set<Element> namedBoilerplate(Element root, TextStats stats, ClassHints hints,
      Element densest, boolean discussion) {
    return namedBoilerplate(root, stats, hints, densest, discussion, false);
  }

  /**
   * As above; with {@code product} (the page describes an item for sale), elements named as
   * customer reviews are set aside as reader comments are, whatever their names say otherwise,
   * unless they hold half of the page's prose (then the review is the page's own text).
   */
  public static Set<Element> namedBoilerplate(Element root, TextStats stats, ClassHints hints,
      Element densest, boolean discussion, boolean product) {
    return namedBoilerplate(root, stats, hints, densest, discussion, product, null);
  }

  /**
   * As above; outside {@code marked}, the block the page marks as its main content (see
   * {@link #markedMain}; null for none), what is named like furniture is furniture whatever
   * its share of the prose.
   */
  public static Set<Element> namedBoilerplate(Element root, TextStats stats, ClassHints hints,
      Element densest, boolean discussion, boolean product, Element marked) {
    int totalProse = Math.max(1, stats.get(root).prose());
    int totalText = stats.get(root).text();
    int densestProse = densest == null ? 0 : stats.get(densest).prose();
    Set<Element> lineage = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element e = densest; e != null && e != root; e = e.parent()) {
      lineage.add(e);
    }
    Set<Element> boilerplate = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Element> aroundMarked = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element e = marked == null ? null : marked.parent(); e != null; e = e.parent()) {
      aroundMarked.add(e);
    }
    NodeTraversor.filter(new NodeFilter() {
      /** Whether the walk is inside {@code marked}. */
      private boolean inMarked;

      @Override
      public FilterResult head(Node node, int depth) {
        if (node == marked) {
          inMarked = true;
        }
        if (!(node instanceof Element e) || e == root || e == marked) {
          return FilterResult.CONTINUE;
        }
        // Outside the block the page marks as its main content, what is named like furniture
        // is furniture, whatever its share of the prose: an "about me" box in a sidebar
        // longer than the short post beside it.
        boolean named = isBoilerplate(e, hints, stats);
        if (named && marked != null && !inMarked && !aroundMarked.contains(e)
            && Rules.fires(ExtractionRule.MARKED_MAIN, true)) {
          boilerplate.add(e);
          return FilterResult.SKIP_ENTIRELY;
        }
        if (discussion && isPost(hints.namesOf(e))) {
          return FilterResult.CONTINUE;
        }
        if (Rules.fires(ExtractionRule.DIALOG, isOverlay(e) && stats.get(e).text() * 2 < totalText)
            || Rules.fires(ExtractionRule.CONSENT_MANAGER, isConsentManager(hints.namesOf(e)))) {
          // A dialog over the page, or a consent manager's panel whatever it holds, is set
          // aside even when it holds the densest prose.
          boilerplate.add(e);
          return FilterResult.SKIP_ENTIRELY;
        }
        if (Rules.fires(ExtractionRule.PRODUCT_REVIEWS, product && !lineage.contains(e)
            && isReviewNamed(hints.namesOf(e)) && stats.get(e).prose() * 2 < totalProse)) {
          boilerplate.add(e);
          return FilterResult.SKIP_ENTIRELY;
        }
        // An <aside> or <footer> beside the article is not a careless wrapper of it, whatever
        // its share of the prose (a long sidebar or site footer next to a short post), unless
        // it holds more prose than the densest element.
        if (named && !lineage.contains(e)
            && (!isProtected(e, stats, totalProse)
                || Rules.fires(ExtractionRule.COMMENT_NAMED, isCommentNamed(hints.namesOf(e)))
                || Rules.fires(ExtractionRule.ASIDE_UNPROTECTED,
                    isStructuralBoilerplate(e) && stats.get(e).prose() < densestProse))
            && !Rules.fires(ExtractionRule.BYLINE_PROSE, isProseNamedAsByline(e, hints, stats))) {
          boilerplate.add(e);
          return FilterResult.SKIP_ENTIRELY;
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node == marked) {
          inMarked = false;
        }
        return FilterResult.CONTINUE;
      }
    }, root);
    return boilerplate;
  }

  /** Least prose of a block the page marks as its main content for the mark to count. */
  private static final int MARKED_PROSE = 100;

  /**
   * The block the page marks as its main content by a standard rather than by a name of its
   * own: schema.org's {@code itemprop="articleBody"}, then the hAtom microformat's
   * {@code entry-content}, then HTML's {@code <main>} or ARIA's {@code role="main"}, then
   * hAtom's {@code hentry}; the first met (in document order, then inside opened panels) of the
   * first kind that holds at least
   * {@link #MARKED_PROSE} characters of prose, from the marked elements that
   * {@link #removeNonContent} returns. Null when the page marks none.
   */
  public static Element markedMain(List<Element> marks, TextStats stats) {
    Element best = null;
    int bestKind = Integer.MAX_VALUE;
    for (Element e : marks) {
      int kind = markKind(e);
      if (kind < bestKind && stats.get(e).prose() >= MARKED_PROSE) {
        best = e;
        bestKind = kind;
      }
    }
    return best;
  }

  /** 0 to 3: the kind of main-content mark {@code e} carries, by priority; -1 for none. */
  private static int markKind(Element e) {
    if (e.attributesSize() == 0) {
      return e.nameIs("main") ? 2 : -1;
    }
    if (e.attr("itemprop").equals("articleBody")) {
      return 0;
    }
    if (e.hasClass("entry-content")) {
      return 1;
    }
    if (e.nameIs("main") || e.attr("role").equals("main")) {
      return 2;
    }
    return e.hasClass("hentry") ? 3 : -1;
  }

  /** Least prose, share of prose in the text, and most link share of a section kept by its text. */
  private static final int SECTION_PROSE = 150;
  private static final double SECTION_PROSE_SHARE = 0.7;
  private static final double SECTION_LINKS = 0.1;

  /**
   * The elements of {@code boilerplate} that are kept after all because they sit inside the
   * chosen main element and read as its running text: mostly prose, few links. Landing and
   * service pages built from page-builder sections give such sections names that look like
   * furniture ({@code widget}, {@code sticky}, {@code infobox}, collapsed {@code hidden} tab
   * panels); a paragraph named {@code contextmenu} is a paragraph. With
   * {@code paragraphsOnly}, only {@code <p>} elements are kept. Tags that are furniture by
   * themselves, dialogs and comment-named elements are never kept.
   */
  public static Set<Element> withoutProseInside(Set<Element> boilerplate, Element main,
      TextStats stats, ClassHints hints, boolean paragraphsOnly) {
    Set<Element> out = null;
    for (Element b : boilerplate) {
      if (paragraphsOnly && !b.nameIs("p")) {
        continue;
      }
      TextStats.Counts c = stats.get(b);
      if (c.prose() < SECTION_PROSE || c.prose() < SECTION_PROSE_SHARE * c.text()
          || c.linkDensity() >= SECTION_LINKS
          || STRUCTURAL_BOILERPLATE.contains(b.normalName()) || isOverlay(b)
          || isCommentNamed(hints.namesOf(b)) || !isInside(b, main)) {
        continue;
      }
      if (out == null) {
        out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(boilerplate);
      }
      out.remove(b);
    }
    return out == null ? boilerplate : out;
  }

  /** Tags that are furniture by themselves: {@code header}, {@code footer}, {@code aside}… */
  static boolean isStructuralBoilerplate(Element e) {
    return STRUCTURAL_BOILERPLATE.contains(e.normalName());
  }

  static boolean isInside(Element e, Element ancestor) {
    for (Element a = e.parent(); a != null; a = a.parent()) {
      if (a == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBoilerplate(Element e, ClassHints hints, TextStats stats) {
    String name = e.normalName();
    if (name.equals("body") || name.equals("html") || name.equals("main")
        || e.attr("itemprop").equalsIgnoreCase("articleBody")) {
      return false;
    }
    if (name.equals("header") || hints.namesOf(e).contains("header")) {
      // Article headers often carry the standfirst paragraph; only headers without one go.
      return stats.get(e).prose() < 80 || !hasStandfirst(e) && (name.equals("header") || hints.isNegative(e));
    }
    if (STRUCTURAL_BOILERPLATE.contains(name)) {
      return true;
    }
    if (name.equals("form")) {
      return Rules.fires(ExtractionRule.FORM_FURNITURE, isFormFurniture(stats.get(e)));
    }
    if (name.equals("a") || name.equals("p") && hints.namesOf(e).isEmpty()) {
      return false;
    }
    return hints.isNegative(e) && !name.equals("article");
  }

  /**
   * A form whose text is mostly not prose: field labels, search boxes, sign-up and contact
   * forms. Forms that wrap prose (a page built inside one form, a forum post in its edit form)
   * are not furniture.
   */
  private static boolean isFormFurniture(TextStats.Counts c) {
    return c.prose() < FORM_PROSE_SHARE * c.text();
  }

  private static final KeywordScanner POST_NAMES = new KeywordScanner(
      "comment", "reply", "replies", "answer", "thread", "post", "message", "discussion");

  private static final KeywordScanner COMMENT_NAMES = new KeywordScanner("comment");

  /**
   * Named as reader comments. The share of the page's prose does not protect these: under a
   * short blog post the comments often hold most of it. Forums, whose posts are the content,
   * are recognised apart (the {@code discussion} pass keeps their posts).
   */
  static boolean isCommentNamed(String names) {
    return !names.isEmpty() && COMMENT_NAMES.containsAny(names);
  }

  private static final KeywordScanner BYLINE_NAMES =
      new KeywordScanner("byline", "dateline", "timestamp");
  /** Text above which an element named as a byline or dateline is running text after all. */
  private static final int BYLINE_PROSE = 250;

  /**
   * Named as a byline or dateline but holding paragraphs of prose: some templates wrap a post's
   * text in their byline element. A byline is a line.
   */
  private static boolean isProseNamedAsByline(Element e, ClassHints hints, TextStats stats) {
    TextStats.Counts c = stats.get(e);
    if (c.text() < BYLINE_PROSE || c.linkDensity() >= 0.3 || isStructuralBoilerplate(e)) {
      return false;
    }
    String names = hints.namesOf(e);
    return !names.isEmpty() && BYLINE_NAMES.containsAny(names) && !isCommentNamed(names);
  }

  private static final KeywordScanner CONSENT_NAMES = new KeywordScanner(
      "consent", "gdpr", "cookie-banner", "cookiebanner", "cookie-notice", "cookie-bar",
      "cookie-law", "onetrust", "cookiebot");

  /**
   * Named as a consent manager (cookie banners and their preference panels). Like a dialog, it
   * is set aside even when it holds the page's densest prose: on a page of little prose of its
   * own, the panel's paragraphs about data processing are the longest text there is.
   */
  private static boolean isConsentManager(String names) {
    return !names.isEmpty() && CONSENT_NAMES.containsAny(names);
  }

  private static final KeywordScanner REVIEW_NAMES = new KeywordScanner("review");

  /** Named as customer reviews by class or id. */
  static boolean isReviewNamed(String names) {
    return !names.isEmpty() && REVIEW_NAMES.containsAny(names);
  }

  /** Names that forums give their posts. */
  private static boolean isPost(String names) {
    return !names.isEmpty() && POST_NAMES.containsAny(names);
  }

  /** A paragraph, or an element named as an introduction, of some length. */
  private static boolean hasStandfirst(Element header) {
    for (Element d : header.getAllElements()) {
      if (d == header) {
        continue;
      }
      boolean candidate = d.nameIs("p") || STANDFIRST_NAMES.containsAny(ClassHints.names(d));
      if (candidate && d.text().length() >= 80) {
        return true;
      }
    }
    return false;
  }

  private static final KeywordScanner STANDFIRST_NAMES = new KeywordScanner(
      "intro", "lead", "standfirst", "teaser", "summary", "deck", "excerpt", "subtitle", "abstract");

  private static boolean isProtected(Element e, TextStats stats, int totalProse) {
    TextStats.Counts c = stats.get(e);
    return c.prose() > 400 && c.prose() >= PROTECTED_SHARE * totalProse;
  }

  /**
   * A dialog laid over the page (consent banners, sign-up and region pickers): ARIA role
   * {@code dialog} or {@code alertdialog}, or {@code aria-modal="true"}. On pages with little
   * prose of their own such a dialog would otherwise hold the densest prose of the page and be
   * kept as its content.
   */
  static boolean isOverlay(Element e) {
    String role = e.attr("role");
    return role.equalsIgnoreCase("dialog") || role.equalsIgnoreCase("alertdialog")
        || e.attr("aria-modal").equalsIgnoreCase("true");
  }

  /**
   * A segment that a server streams hidden and its script moves into place at once (React's
   * streaming rendering: {@code <div hidden id="S:0">}, the number written in hexadecimal,
   * {@code S:2e}); readers see it, so it is content.
   */
  private static boolean isStreamedSegment(Element e) {
    String id = e.id();
    if (id.length() < 3 || id.charAt(0) != 'S' || id.charAt(1) != ':' || !e.nameIs("div")) {
      return false;
    }
    for (int i = 2; i < id.length(); i++) {
      char c = id.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Sorts what lies under {@code from}: elements never read go to {@code doomed}, hidden ones
   * and {@code noscript} fallbacks to {@code hidden} (their insides unvisited), and the ids that
   * the visited elements' {@code aria-controls} name to {@code controlled}, and the visited
   * elements that carry a main-content mark ({@link #markedMain}) to {@code marks}.
   */
  private static void sort(Element from, List<Element> doomed, List<Element> hidden,
      Set<String> controlled, List<Element> marks) {
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Element e) {
          if (e.hasAttr("aria-controls")) {
            addIds(e.attr("aria-controls"), controlled);
          }
          if (ALWAYS_REMOVED.contains(e.normalName())) {
            doomed.add(e);
            return FilterResult.SKIP_ENTIRELY;
          }
          if (isHidden(e) || e.nameIs("noscript")) {
            hidden.add(e);
            return FilterResult.SKIP_ENTIRELY;
          }
          if (markKind(e) >= 0) {
            marks.add(e);
          }
        }
        return FilterResult.CONTINUE;
      }
    }, from);
  }

  /**
   * A collapsed panel: an accordion section, a tab panel, the rest of a "read more". It is
   * hidden until a reader opens it with the control that names it in its {@code aria-controls}
   * (the WAI-ARIA disclosure, accordion and tab patterns), so what it holds is the page's own
   * text, not furniture kept out of sight. A dialog is never one.
   */
  private static boolean isPanel(Element hidden, Set<String> controlled) {
    String id = hidden.id();
    return !id.isEmpty() && controlled.contains(id) && !hidden.nameIs("noscript")
        && !isOverlay(hidden);
  }

  /** Adds the space-separated ids of an IDREFS attribute. */
  private static void addIds(String idrefs, Set<String> into) {
    int start = -1;
    for (int i = 0; i <= idrefs.length(); i++) {
      boolean space = i == idrefs.length() || TextStats.isPatternSpace(idrefs.charAt(i));
      if (!space && start < 0) {
        start = i;
      } else if (space && start >= 0) {
        into.add(idrefs.substring(start, i));
        start = -1;
      }
    }
  }

  /** Hidden by attribute or inline style; what no reader sees is not article text. */
  static boolean isHidden(Element e) {
    if (e.hasAttr("hidden")) {
      return !Rules.fires(ExtractionRule.STREAMED_SEGMENT, isStreamedSegment(e));
    }
    if (e.attr("aria-hidden").equals("true") && !e.nameIs("body") && !e.nameIs("html")) {
      return true;
    }
    String style = e.attr("style");
    if (style.isEmpty()) {
      return false;
    }
    String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
    return s.contains("display:none") || s.contains("visibility:hidden");
  }
}
