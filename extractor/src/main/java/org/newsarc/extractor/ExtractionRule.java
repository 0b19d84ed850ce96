package org.newsarc.extractor;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A rule of the main-text extraction that can be switched off by name
 * ({@link ExtractorOptions#withoutRules}, {@code --without-rules} on the command line). Every
 * rule is on by default. Switching rules off is for measuring what each contributes (the
 * leave-one-corpus-out figures of {@code newsarc ablate}) and for working around a rule that
 * misreads one's own pages; it is not a quality setting. The names are stable: they appear in
 * configuration and in docs/extraction.md.
 */
public enum ExtractionRule {
  // Reader comments and teaser cards (the rules the extraction issue asks for by name).
  COMMENT_THREAD("comment-thread", true,
      "an article ends where a run of comment signatures begins (name with date and time,"
          + " or \"Name said,\")"),
  COMMENT_COUNT("comment-count", true,
      "a line or heading counting the comments (\"12 comments\") starts them"),
  NUMBERED_COMMENT("numbered-comment", true,
      "a numbered comment's signature (\"#1 Comment by Jane\") starts the comments on any page"
          + " that is not a discussion"),
  COMMENT_NAMED("comment-named", true,
      "elements named as comments are set aside even when they hold much of the prose"),
  HUB("hub", true, "a page whose main block is teaser cards is a hub and yields no text"),
  RELATED_CARDS("related-cards", true,
      "in a declared article, groups of three or more same-shape teaser cards are set aside"),
  CLOSING_CARDS("closing-cards", true,
      "in a declared article, a card group closing its block is set aside (up to 60% of it)"),
  TRAILING_CARDS("trailing-cards", true,
      "on pages declaring no article, groups of four or more cards closing the block are set"
          + " aside"),
  TEASER_ELLIPSIS("teaser-ellipsis", true,
      "linked summaries cut off with an ellipsis go when the text holds two or more"),
  // Which element and which rendering.
  DISCUSSION("discussion", false,
      "on pages whose prose sits in comment-named posts (forums), the posts are the content;"
          + " under a declared article when the posts share the opening post's markup"),
  TABLE_CELLS("table-cells", false,
      "text in table cells counts neither as prose nor as noise when the main block is chosen,"
          + " and table rows ending an article are not trimmed"),
  DECLARED_SHARE("declared-share", false,
      "a declared article whose short block holds under a quarter of the page's text outside"
          + " links is rendered as a listing"),
  REGION_ITEMS("region-items", false,
      "on pages rendered from their main region, groups of furniture-named items holding 30%"
          + " of it are kept"),
  NEAR_EMPTY("near-empty", false,
      "a region that comes out nearly empty is rendered again with single such items kept"),
  JSON_LD_BODY("json-ld-body", false,
      "a page with little text takes the articleBody of its JSON-LD instead"),
  RECIPE_INGREDIENTS("recipe-ingredients", false,
      "a recipe's declared ingredients are added when the text lacks them"),
  // Elements set aside or kept by what they are.
  CARD_RUNS("card-runs", false,
      "cards of one shape with over 200 characters of prose between them are not one box,"
          + " unless their headings are links"),
  STREAMED_SEGMENT("streamed-segment", false,
      "a hidden segment streamed for a script to place (<div hidden id=\"S:0\">) is content"),
  DISCLOSED_PANEL("disclosed-panel", false,
      "a hidden panel that a control on the page opens (aria-controls: accordion, tab,"
          + " read-more) is content"),
  MARKED_MAIN("marked-main", false,
      "outside the block a page marks as its main content (articleBody, entry-content, main),"
          + " what is named like furniture is furniture whatever its share of the prose"),
  DIALOG("dialog", false, "a dialog over the page, open or hidden, is set aside even when it"
      + " holds the densest prose or most of the page's text"),
  CONSENT_MANAGER("consent-manager", false,
      "a consent manager's panel is set aside whatever it holds"),
  PRODUCT_REVIEWS("product-reviews", false,
      "on a product page, customer reviews are set aside as reader comments"),
  ASIDE_UNPROTECTED("aside-unprotected", false,
      "an aside or footer holding less prose than the densest element is not protected by"
          + " its share of the page"),
  BYLINE_PROSE("byline-prose", false,
      "an element named as a byline that holds 250 characters of text is kept"),
  PROSE_SECTIONS("prose-sections", false,
      "inside the main block, furniture-named elements that read as running text are kept"),
  FORM_FURNITURE("form-furniture", false, "a form whose text is mostly not prose is furniture"),
  BEM_ELEMENT("bem-element", false,
      "a BEM element of a block (\"x-widget__title\") is not named as that block"),
  EMPTY_SECTIONS("empty-sections", false,
      "in a declared article, a heading whose section lost every block goes"),
  // Lines dropped inside the text.
  REPEATED_PARAGRAPH("repeated-paragraph", false, "a paragraph repeated on the page is kept"
      + " once"),
  SECTION_OPENER("section-opener", false,
      "after the body starts, a \"Related\"/\"Read more\" heading and the pointers under it go"),
  LABELS("labels", false, "lone labels (\"Advertisement\", \"Share\") go"),
  NOTICES("notices", false, "cookie, browser, comment-form and translation notices go"),
  LEGAL_PRINT("legal-print", false, "legal small print up to 1,500 characters goes"),
  CREDIT_LINE("credit-line", false, "picture-credit lines go"),
  CAPTION("caption", false,
      "picture-viewer captions and captions ending with their credit go"),
  SUPPORT_APPEAL("support-appeal", false, "appeals to subscribe or donate go"),
  POINTER("pointer", false, "short \"Read also:\" pointers to other pages go"),
  LINK_DENSE("link-dense", false, "in an article, blocks mostly of links go"),
  INTRODUCED_LIST("introduced-list", false,
      "a list under a sentence ending with a colon is kept, links and all"),
  HEADLINE("headline", false, "the headline repeated in the text goes"),
  BYLINE_LINES("byline-lines", false,
      "before the body starts, byline, dateline and reading-time lines go"),
  TRIM_TAIL("trim-tail", false,
      "after the last long paragraph, a run of short lines ending the text goes"),
  SIGN_OFF("sign-off", false,
      "a closing sign-off (\"Reporting by\", \"Source:\", an e-mail address) goes"),
  SHORT_LAST_LINE("short-last-line", false,
      "in an article, a last line under 25 characters goes"),
  // Notices inside the text, told by what they say.
  SCRIPT_ERROR("script-error", false,
      "a server-side script's error message printed into the page goes"),
  OPINION_DISCLAIMER("opinion-disclaimer", false,
      "a disclaimer that the text gives its author's opinion, not the publisher's, goes"),
  LICENCE_NOTICE("licence-notice", false,
      "a notice of the Creative Commons licence the page's text is under goes"),
  VIEW_COUNT("view-count", false, "a line counting the page's readers goes"),
  CLOCK_TIME("clock-time", false, "a block that is only a clock time goes"),
  BRACKETED_CREDIT("bracketed-credit", false,
      "in an article, a caption ending in its agency's bracketed picture credit goes"),
  AD_DISCLOSURE("ad-disclosure", false, "a disclosure that the post is advertising goes"),
  ONLINE_COUNT("online-count", false, "a count of who is online goes"),
  PERMALINK("permalink", false, "a line giving only the page's short address goes"),
  // The site's calls to action and promotion of itself, told by what they say.
  NEWSLETTER_CALL("newsletter-call", false, "a call to sign up for the site's newsletter goes"),
  SUBSCRIPTION_NOTICE("subscription-notice", false,
      "a notice that the text is for subscribers, or an offer of a subscription, goes"),
  CHANNEL_CALL("channel-call", false,
      "a call to follow the site on its channels (two networks or more) or get its app goes"),
  CONSENT_PROMPT("consent-prompt", false,
      "a prompt for the reader's consent to an embed or to a sign-up's terms goes"),
  DONATION_APPEAL("donation-appeal", false,
      "an appeal for the reader's donation (German, Polish, Portuguese, Spanish, French) goes"),
  CALL_TO_WRITE("call-to-write", false,
      "a call to write to the site's editors (letters, tips, contact) goes"),
  PRINT_ISSUE("print-issue", false,
      "a notice of the print issue the text comes from or that is on sale goes"),
  FEED_CALL("feed-call", false,
      "a short call to subscribe to the site's feed or mailed updates goes"),
  CONTROL_LABEL("control-label", false,
      "a control's label alone on its line (\"Weiterlesen\", \"Show more\") goes"),
  MORE_HEADING("more-heading", false,
      "after the body starts, a heading over the site's other articles in the wordings the"
          + " section openers miss (\"Weitere Tourentipps\", \"Veja também\") and the pointers"
          + " under it go"),
  SHARE_LABEL("share-label", false,
      "a call to share the article alone on its line (\"Artikel teilen\", \"Share this post\")"
          + " goes"),
  ABOUT_THE_SITE("about-the-site", false,
      "after the body starts, a heading over the site's description of itself (\"About the"
          + " Blog\") and the paragraphs under it go"),
  AUTHOR_NOTE("author-note", false,
      "an article's last paragraph that is a note on its author (\"Jane Roe is the founder of"
          + " …\") goes"),
  LIKING_QUESTION("liking-question", false,
      "a block opened by the site's question whether the reader likes it (\"Sie lesen gern"
          + " …?\", \"Enjoying this article?\") goes"),
  TEASER_REMNANT("teaser-remnant", true,
      "after an article's last long paragraph, short blocks inside an element named as a"
          + " teaser go (what is left of a card whose headline link went)"),
  LONE_CARD("lone-card", false,
      "after an article's last long paragraph, a short block in a box shaped like a teaser card"
          + " (a headline link and a summary) goes, though the box is alone");

  private final String id;
  private final boolean named;
  private final String description;

  ExtractionRule(String id, boolean named, String description) {
    this.id = id;
    this.named = named;
    this.description = description;
  }

  /** The rule's name on the command line and in configuration, such as {@code comment-count}. */
  public String id() {
    return id;
  }

  /**
   * Whether the rule carries out what the extraction issue asks for by name ("comments and
   * teaser cards are never article text"; hubs yield no text): a held-out measurement keeps it
   * when the other corpora do not move either way.
   */
  public boolean namedByIssue() {
    return named;
  }

  /** One line saying what the rule does. */
  public String description() {
    return description;
  }

  /**
   * The rule with this {@link #id()}.
   *
   * @throws IllegalArgumentException naming the known rules, when there is none by that name
   */
  public static ExtractionRule byId(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    for (ExtractionRule r : values()) {
      if (r.id.equals(wanted)) {
        return r;
      }
    }
    StringBuilder known = new StringBuilder();
    for (ExtractionRule r : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(r.id);
    }
    throw new IllegalArgumentException("no extraction rule named '" + id + "'; the rules are: "
        + known);
  }

  /** The rules named in a comma-separated list ("comment-count,legal-print"); blank for none. */
  public static Set<ExtractionRule> parseList(String list) {
    Set<ExtractionRule> out = EnumSet.noneOf(ExtractionRule.class);
    if (list == null || list.isBlank()) {
      return out;
    }
    for (String part : list.split(",")) {
      if (!part.isBlank()) {
        out.add(byId(part));
      }
    }
    return out;
  }
}
