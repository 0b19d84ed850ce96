package org.newsarc.extractor.internal;

import java.util.regex.Pattern;
import org.newsarc.extractor.ExtractionRule;

/**
 * Short blocks that sit among an article's paragraphs but are not its text, told by what they
 * say: server error messages leaked into the page, editorial disclaimers, licence notices,
 * "last updated" lines, view counts and lone clock times. Each kind is one method, so that it
 * can be judged and switched off on its own. Stateless and thread-safe.
 */
final class InlineNotices {

  /** Longest block any of these rules takes; notices are a line or two. */
  static final int NOTICE_MAX = 500;

  /**
   * An error message of the page's server-side script, printed into the page: "Warning:
   * Creating default object … in /www/…/classes.php on line 407".
   */
  private static final Pattern SCRIPT_ERROR = Pattern.compile(
      "(warning|notice|deprecated|strict standards|fatal error|parse error|catchable fatal error)"
          + "\\s*:.{0,400}\\son line \\d+\\.?",
      Pattern.CASE_INSENSITIVE);

  /**
   * A disclaimer that the text is its author's opinion, not the publisher's: "The views
   * expressed are those of the author", "Dieser Beitrag gibt die Meinung des Autors wieder",
   * "Les opinions exprimées … n'engagent que leurs auteurs".
   */
  private static final Pattern OPINION_DISCLAIMER = Pattern.compile(
      "(opinions?|views?) expressed|do(es)? not necessarily (reflect|represent)"
          + "|not (necessarily )?(reflect|represent) (the )?(views?|opinions?|position)"
          + "|(is|are) not responsible for the (opinions?|views?|content)|n.engagent que"
          + "|meinung (des|der) (autors|autorin|autoren|verfasser)"
          + "|nicht (notwendigerweise|unbedingt|zwingend) (die )?(meinung )?der redaktion"
          + "|(blog|beitrag) aus der [\\p{L}-]+.community|solely (those )?of the authors?"
          + "|those of the authors?\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Words one of which every {@link #OPINION_DISCLAIMER} holds; checked first. */
  private static final String[] OPINION_WORDS = {
      "expressed", "necessarily", "reflect", "represent", "responsible", "engagent", "meinung",
      "redaktion", "-community", "solely", "those of the author"};

  /**
   * A notice of the licence the page's own text or pictures are under: "This work is licensed
   * under a Creative Commons license", "Dieser Text wurde veröffentlicht unter der Lizenz
   * CC-BY-NC-ND". It must name what is licensed, so that text about licences stays.
   */
  private static final Pattern LICENCE_NOTICE = Pattern.compile(
      "\\b(this|the|our|all|dieser|dieses|der|diese|ce|cet|este|esta)\\s+(\\p{L}+\\s+){0,3}?"
          + "(work|text|content|articles?|page|site|blog|post|photos?|images?|beitrag|artikel"
          + "|inhalte?|texte|fotos|contenu|contenido)\\b.{0,80}?(licen[sc]|lizenz|licencia)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** The licences {@link #LICENCE_NOTICE} looks for. */
  private static final Pattern FREE_LICENCE = Pattern.compile(
      "creative commons|\\bcc[- ]?by\\b", Pattern.CASE_INSENSITIVE);
  /** Words one of which every {@link #FREE_LICENCE} holds; checked first. */
  private static final String[] LICENCE_WORDS = {
      "creative commons", "cc-by", "cc by", "ccby"};
  /** Longest licence notice. */
  private static final int LICENCE_MAX = 300;

  /**
   * A count of the page's readers, alone or among the page's other counters: "Hits: 3747",
   * "2044 reads", "66 hits · Print article", "Aufrufe: 1120 | Hinzugefügt von: …".
   */
  private static final Pattern VIEW_COUNT = Pattern.compile(
      "(^|.{0,60}[|•·]\\s*)((aufrufe|views|hits|zugriffe|gelesen|visitas|vues|visualizzazioni"
          + "|wyświetlenia|seitenaufrufe)\\s*:\\s*[\\d.,]+\\s*k?|[\\d.,]+\\s*k?\\s*(views|aufrufe"
          + "|mal gelesen|zugriffe|visitas|vues|times read|reads|hits))\\b.*",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Words one of which every {@link #VIEW_COUNT} holds; checked first. */
  private static final String[] VIEW_WORDS = {
      "aufrufe", "views", "hits", "zugriffe", "gelesen", "visitas", "vues", "visualizzazioni",
      "wyświetlenia", "reads", "times read"};
  /** Longest line taken for a view count. */
  private static final int VIEW_COUNT_MAX = 120;

  /** A block that is only a clock time ("3:59 PM", "17:42 Uhr"): a time stamp. */
  private static final Pattern CLOCK_ONLY = Pattern.compile(
      "\\d{1,2}:\\d{2}\\s*([ap]\\.?m\\.?|uhr|h)?", Pattern.CASE_INSENSITIVE);
  /** Longest such block. */
  private static final int CLOCK_MAX = 12;

  /**
   * A caption that ends with its agency's picture credit in brackets: "… in Wilson, N.Y. (AP
   * Photo)", "… (AP Photo/Matt Dunham)", "… (Photo by Jane Roe)".
   */
  private static final Pattern BRACKETED_CREDIT = Pattern.compile(
      "\\s\\((\\p{Lu}[\\p{L}\\d.&-]*\\s)?(photo|foto|image|picture)s?(\\s*/\\s*[^()/]{1,50}"
          + "|\\s(by|von|courtesy( of)?)\\s[^()]{1,50})?\\)\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Longest caption taken by its bracketed credit; agency captions run to two sentences. */
  private static final int BRACKETED_CAPTION_MAX = 500;

  /**
   * A disclosure that the text is paid for or carries affiliate links, in the words German
   * blogs use ("*Werbung. Dieser Beitrag enthält Werbung für …", "Anzeige, enthält Affiliate
   * Links") or English ones ("this article contains sponsored content").
   */
  private static final Pattern AD_DISCLOSURE = Pattern.compile(
      "enthält (unbezahlte |bezahlte )?(werbung|affiliate[- ]?links|anzeigen|werbelinks)"
          + "|^\\*?(unbezahlte |bezahlte )?(werbung|anzeige)\\s*[,.:|/*-]"
          + "|(this|the) (post|article|video) (is sponsored|contains (paid|sponsored)|was sponsored)"
          + "|sponsored post",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Longest such disclosure. */
  private static final int AD_DISCLOSURE_MAX = 200;
  /** Words one of which every {@link #AD_DISCLOSURE} holds; checked first. */
  private static final String[] AD_WORDS = {
      "werbung", "anzeige", "affiliate", "werbelinks", "sponsored"};

  /**
   * A forum's or site's count of who is online: "13 Besucher sind online", "Mitglieder in
   * diesem Forum: 0 Mitglieder und 2 Gäste", "Users online: 12".
   */
  private static final Pattern ONLINE_COUNT = Pattern.compile(
      "\\b\\d+ (besucher|gäste|mitglieder|users?|guests?|members?|visitors?|benutzer)"
          + " (sind |are |currently )*online"
          + "|\\b\\d+ (mitglieder|members?|users?|benutzer|registered)( users?)? (und|and) \\d+"
          + " (gäste|guests?)|(users?|besucher|benutzer|mitglieder|members) online\\s*:\\s*\\d",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Longest such count. */
  private static final int ONLINE_COUNT_MAX = 150;
  /** Words one of which every {@link #ONLINE_COUNT} holds; checked first. */
  private static final String[] ONLINE_WORDS = {"online", "gäste", "guest"};

  /** A page's own short address on a line: "Permalink: https://…", "Permalien https://…". */
  private static final Pattern PERMALINK = Pattern.compile(
      "(permalink|permalien|short ?link|kurz-?link|kurz-url|short url)\\s*:?\\s*https?://\\S+",
      Pattern.CASE_INSENSITIVE);

  /**
   * The words of the rules above, one group for each rule that needs them, for one scan of a
   * block shared with the filter's other checks (see {@link #isNotice}).
   */
  static final String[][] WORD_GROUPS = {OPINION_WORDS, LICENCE_WORDS, VIEW_WORDS, AD_WORDS,
      ONLINE_WORDS};
  private static final int OPINION = 0;
  private static final int LICENCE = 1;
  private static final int VIEW = 2;
  private static final int AD = 3;
  private static final int ONLINE = 4;

  private InlineNotices() {}

  /**
   * True when the block is one of the kinds of notice this class knows; captions only when
   * {@code articleMode}. {@code words} are the groups of {@link #WORD_GROUPS} that the block
   * holds a word of (bit {@code i} for group {@code i}).
   */
  static boolean isNotice(String text, boolean articleMode, long words) {
    if (text.length() >= NOTICE_MAX) {
      return false;
    }
    return Rules.fires(ExtractionRule.SCRIPT_ERROR, isScriptError(text))
        || Rules.fires(ExtractionRule.OPINION_DISCLAIMER, isOpinionDisclaimer(text, words))
        || Rules.fires(ExtractionRule.LICENCE_NOTICE, isLicenceNotice(text, words))
        || Rules.fires(ExtractionRule.VIEW_COUNT, isViewCount(text, words))
        || Rules.fires(ExtractionRule.CLOCK_TIME, isClockTime(text))
        || articleMode
            && Rules.fires(ExtractionRule.BRACKETED_CREDIT, isCaptionWithBracketedCredit(text))
        || Rules.fires(ExtractionRule.AD_DISCLOSURE, isAdDisclosure(text, words))
        || Rules.fires(ExtractionRule.ONLINE_COUNT, isOnlineCount(text, words))
        || Rules.fires(ExtractionRule.PERMALINK, isPermalink(text));
  }

  /** A disclosure that the text is advertising or carries affiliate links. */
  private static boolean isAdDisclosure(String text, long words) {
    return text.length() < AD_DISCLOSURE_MAX && KeywordScanner.has(words, AD)
        && AD_DISCLOSURE.matcher(text).find();
  }

  /** A count of the visitors or members online. */
  private static boolean isOnlineCount(String text, long words) {
    return text.length() < ONLINE_COUNT_MAX && KeywordScanner.has(words, ONLINE)
        && ONLINE_COUNT.matcher(text).find();
  }

  /** A line that only gives the page's own short address. */
  static boolean isPermalink(String text) {
    return text.length() < 150 && text.indexOf("://") > 0 && PERMALINK.matcher(text).matches();
  }

  /** A picture's caption, which ends with its agency's credit in brackets. */
  static boolean isCaptionWithBracketedCredit(String text) {
    return text.length() < BRACKETED_CAPTION_MAX && text.endsWith(")")
        && BRACKETED_CREDIT.matcher(text).find();
  }

  /** A block that is only a clock time. */
  static boolean isClockTime(String text) {
    return text.length() <= CLOCK_MAX && CLOCK_ONLY.matcher(text).matches();
  }

  /** A line that counts the page's readers. */
  private static boolean isViewCount(String text, long words) {
    return text.length() < VIEW_COUNT_MAX && KeywordScanner.has(words, VIEW)
        && VIEW_COUNT.matcher(text).matches();
  }

  /** A notice of the Creative Commons licence that the page's own text is under. */
  private static boolean isLicenceNotice(String text, long words) {
    return text.length() < LICENCE_MAX && KeywordScanner.has(words, LICENCE)
        && FREE_LICENCE.matcher(text).find()
        && LICENCE_NOTICE.matcher(text).find();
  }

  /** A disclaimer that the text gives its author's opinion, not the publisher's. */
  private static boolean isOpinionDisclaimer(String text, long words) {
    return KeywordScanner.has(words, OPINION) && OPINION_DISCLAIMER.matcher(text).find();
  }

  /** A server-side script's error message that leaked into the page's text. */
  static boolean isScriptError(String text) {
    return text.contains(" on line ") && SCRIPT_ERROR.matcher(text).matches();
  }
}
