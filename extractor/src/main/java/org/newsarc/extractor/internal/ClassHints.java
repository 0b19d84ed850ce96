package org.newsarc.extractor.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.newsarc.extractor.ExtractionRule;

/**
 * Reads what an element's {@code class}, {@code id} and {@code role} say about it: whether
 * it is probably boilerplate (share bars, ads, related links, comments…) or probably the
 * article body. Pages repeat the same class names many times, so verdicts are remembered per
 * instance: make one per page. Not thread-safe.
 */
public final class ClassHints {

  /** Substrings that mark boilerplate wherever they appear in a class or id. */
  private static final KeywordScanner NEGATIVE = new KeywordScanner(
      "share", "sharing", "social", "related", "recommend", "newsletter", "subscri", "advert",
      "sponsor", "promo", "cookie", "consent", "gdpr", "disqus", "comment-", "comments",
      "commentlist", "respond", "breadcrumb", "sidebar", "popup", "modal", "banner",
      "masthead", "footer", "navbar", "navigation", "menu", "pagination", "pager", "signup",
      "sign-up", "toolbar", "skip-link", "outbrain", "taboola", "author-bio",
      "authorbio", "byline", "dateline", "timestamp", "post-meta", "entry-meta",
      "article-meta", "meta-info", "tag-list", "taglist", "tags-", "-tags", "tagcloud",
      "keywords", "more-stories", "most-popular", "mostpopular",
      "trending", "prev-next", "prevnext", "post-nav", "nextprev", "next-story",
      "previous-story", "podcast", "video-player", "videoplayer", "jwplayer", "caption",
      "credit", "copyright", "disclaimer", "print-only", "visually-hidden", "sr-only",
      "screen-reader", "hidden-text", "offscreen", "rating", "login", "print-link", "feedback",
      "follow", "donate", "infobox", "announcement", "alert-bar", "overlay", "inline-list",
      "see-also", "seealso", "also-read", "alsoread", "further-reading", "topics", "hashtag",
      "rss", "app-download", "a2a", "addthis", "sharethis", "shariff", "printfriendly",
      "lightbox", "gallery-thumbs", "thumbnails", "carousel", "slider", "ticker", "cta",
      "call-to-action", "paywall-pitch", "paywall-prompt", "paywall-banner", "paywall-message",
      "paywall-offer", "paywall-teaser", "meter-", "widget_", "widget-area", "textwidget",
      "widgettitle", "widget-title", "authorbox", "author-box", "about-author", "author-info",
      "author-desc", "saboxplugin", "nextpost", "next-post", "prev-post", "previous-post",
      "nextstory", "gravatar", "likes", "reactions", "postmetadata", "entry-utility", "postmeta");

  /** Parts of a class or id that mark boilerplate only when they stand alone. */
  private static final Set<String> NEGATIVE_PARTS = Set.of(
      "ad", "ads", "adv", "advert", "nav", "tags", "tag", "meta", "share", "footer",
      "aside", "comment", "comments", "date", "author", "related", "social",
      "sidebar", "outbrain", "dfp", "gpt", "banner", "noprint", "subscribe",
      "breadcrumbs", "masthead", "menu", "categories", "category",
      "sponsored", "partner", "partners",
      "cookies", "sticky", "popular", "byline", "bio", "avatar", "icon", "icons", "logo");

  private static final KeywordScanner POSITIVE = new KeywordScanner(
      "article", "body", "content", "entry", "main", "post", "story", "text", "blog", "prose",
      "rich-text", "richtext", "markdown");

  private static boolean isAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  /** Whole class tokens that hide an element. */
  private static final Set<String> NEGATIVE_TOKENS = Set.of("hidden", "hide", "d-none", "is-hidden");

  /**
   * Tokens that describe what an element is about rather than what it is: content systems
   * put the article's tags and categories on its wrapper ({@code tag-politics},
   * {@code category-news}), and field modifiers such as {@code field--label-hidden}.
   */
  private static final String[] DESCRIPTIVE_PREFIXES = {"tag-", "category-", "categories-",
      "format-", "status-", "type-", "postid-", "lang-", "language-", "has-", "is-"};
  private static final String[] DESCRIPTIVE_PARTS = {"label-hidden", "sidebar-left",
      "sidebar-right", "has-sidebar", "with-sidebar", "no-sidebar"};

  /** Whether {@code token} is one of the descriptive tokens above. */
  static boolean isDescriptive(String token) {
    for (String p : DESCRIPTIVE_PREFIXES) {
      if (token.startsWith(p)) {
        return true;
      }
    }
    for (String p : DESCRIPTIVE_PARTS) {
      int at = token.indexOf(p);
      if (at >= 0 && !hasLineBreak(token, at)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} holds a line terminator before {@code end} (where {@code .} stops). */
  private static boolean hasLineBreak(String s, int end) {
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /** Roles that mark boilerplate. */
  private static final Set<String> NEGATIVE_ROLES = Set.of(
      "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog",
      "alertdialog", "search", "tablist", "toolbar");

  /** Names by element, and verdicts by name string, for this page only. */
  private final Map<Element, String> namesOf = new java.util.IdentityHashMap<>();
  private final Map<String, Boolean> negativeNames = new HashMap<>();
  private final Map<String, Boolean> positiveNames = new HashMap<>();
  private final Map<String, Boolean> negativeTokens = new HashMap<>();
  /** The element's class, id and role, lowercased and joined; empty when it has none. */
  public static String names(Element e) {
    String c = e.className();
    String id = e.id();
    if (c.isEmpty() && id.isEmpty()) {
      return "";
    }
    return (c + " " + id).toLowerCase(Locale.ROOT);
  }

  /** True when the element's names or role mark it as boilerplate. */
  /** {@link #names(Element)}, remembered. */
  public String namesOf(Element e) {
    return namesOf.computeIfAbsent(e, ClassHints::names);
  }

  public boolean isNegative(Element e) {
    String role = e.attr("role");
    if (!role.isEmpty() && NEGATIVE_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
      return true;
    }
    String names = namesOf(e);
    if (names.isEmpty()) {
      return false;
    }
    return negativeNames.computeIfAbsent(names, this::negativeNames);
  }

  /**
   * Whether any whitespace-separated token of {@code names} marks boilerplate. The verdict is
   * per token, so tokens are remembered too: a name string with a unique id still shares its
   * class tokens with the rest of the page.
   */
  private boolean negativeNames(String names) {
    int n = names.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSeparator(names.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSeparator(names.charAt(i))) {
        i++;
      }
      if (i > start) {
        String token = names.substring(start, i);
        Boolean negative = negativeTokens.get(token);
        if (negative == null) {
          negative = negativeToken(token);
          negativeTokens.put(token, negative);
        }
        if (negative) {
          return true;
        }
      }
    }
    return false;
  }

  /** Where class and id strings split into tokens: the characters {@code \s} matches. */
  private static boolean isSeparator(char c) {
    return TextStats.isPatternSpace(c);
  }

  private static boolean negativeToken(String token) {
    if (isDescriptive(token)) {
      return false;
    }
    // BEM's "__" joins a block and one of its elements ("c-product-widget__title"): not the
    // "widget_" of a sidebar widget's class ("widget_recent_entries").
    boolean negative = NEGATIVE.containsAny(token);
    if (token.indexOf("__") >= 0) {
      boolean asElement = NEGATIVE.containsAny(token.replace("__", "-"));
      if (Rules.fires(ExtractionRule.BEM_ELEMENT, asElement != negative)) {
        negative = asElement;
      }
    }
    if (NEGATIVE_TOKENS.contains(token) || negative) {
      return true;
    }
    if (token.contains("--")) {
      // A BEM modifier ("section--has-ads") describes a state, not what the element is.
      return false;
    }
    // The runs of letters and digits, each looked up whole.
    int n = token.length();
    int i = 0;
    while (i < n) {
      while (i < n && !isAlnum(token.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isAlnum(token.charAt(i))) {
        i++;
      }
      if (i > start && NEGATIVE_PARTS.contains(token.substring(start, i))) {
        return true;
      }
    }
    return false;
  }

  /** True when the element's names suggest it holds the article's body. */
  public boolean isPositive(Element e) {
    String names = namesOf(e);
    return !names.isEmpty()
        && positiveNames.computeIfAbsent(names, POSITIVE::containsAny);
  }

  /** A weight for scoring: +1 for body-like names, -1 for boilerplate names, else 0. */
  public int weight(Element e) {
    boolean neg = isNegative(e);
    boolean pos = isPositive(e);
    if (neg == pos) {
      return 0;
    }
    return pos ? 1 : -1;
  }
}
