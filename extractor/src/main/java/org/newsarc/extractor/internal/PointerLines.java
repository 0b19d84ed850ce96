package org.newsarc.extractor.internal;

import java.util.regex.Pattern;
import org.newsarc.extractor.ExtractionRule;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

/**
 * Lines that point the reader elsewhere instead of saying anything: the labels of the page's
 * controls ("Weiterlesen", "Quellen ausblenden", "Show more", "Scroll to read more … articles"),
 * left as text when their button or link is rendered as a line of its own, the label over
 * the share buttons ("Artikel teilen"); headings that open a list of the site's other articles
 * in the languages and wordings the filter's English-first section openers miss ("Weitere
 * Tourentipps in Schweden", "Veja também:", "Inne przepisy"); and headings over the site's
 * description of itself ("About the Blog"). Each kind is a rule of its own. Stateless and
 * thread-safe.
 */
final class PointerLines {

  /** Longest control label; the labels are a few words, a pointer's title at most. */
  private static final int CONTROL_MAX = 100;
  /** Words one of which every {@link #CONTROL_LABEL} holds; checked first. */
  static final String[] CONTROL_WORDS = {
      "weiterlesen", "weiter zu", "mehr lesen", "read more", "read the rest", "continue reading",
      "lire la suite", "leer más", "leer mas", "leia mais", "czytaj dalej", "czytaj więcej",
      "ausblenden", "einblenden", "anzeigen", "show more", "show less", "show all", "load more",
      "mehr laden", "scroll to", "scroll down to"};
  /**
   * A control's label alone on its line: "Weiterlesen", "… weiter zu "Die Wortwahl"",
   * "Quellen ausblenden", "Mehr anzeigen", "Show more", "Load more", "Scroll to read more
   * Restaurant reviews articles".
   */
  private static final Pattern CONTROL_LABEL = Pattern.compile(
      "(\\.\\.\\.|…)?\\s*(weiterlesen|mehr lesen|read more|read the rest|continue reading"
          + "|lire la suite|leer m[aá]s|leia mais|czytaj dalej|czytaj więcej|weiter zu\\b.*"
          + "|(quellen|mehr|weniger|alle|details) (ausblenden|einblenden|anzeigen)"
          + "|show (more|less|all)|load more|mehr laden"
          + "|scroll (down )?to (read|see|view) more\\b.*)\\s*[»›→:]?",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Longest call to share the article that stands alone. */
  private static final int SHARE_MAX = 60;
  /** Words one of which every {@link #SHARE_LABEL} holds; checked first. */
  static final String[] SHARE_WORDS = {
      "teilen", "empfehlen", "share", "partager", "compartir", "compartilhe", "udostępnij",
      "udostepnij", "condividi"};
  /**
   * A call to share the article, alone on its line over the share buttons: "Den Artikel mit
   * anderen teilen/diskutieren:", "Artikel teilen", "Share this post", "Partager cet article".
   */
  private static final Pattern SHARE_LABEL = Pattern.compile(
      "((den |diesen |teile (diesen|den) )?(artikel|beitrag|post|seite)( mit (anderen|freunden))?"
          + " (teilen|empfehlen)(/\\p{L}+)?"
          + "|share (this|the) (article|story|post|page)( on| with| via)?( social media)?"
          + "|partager (cet |l.)article|compartir (esta |este )?(noticia|art[ií]culo)"
          + "|compartilhe( (esta|este) (not[ií]cia|mat[eé]ria|artigo))?"
          + "|udost[eę]pnij( artyku[lł])?|condividi (l.|questo )articolo)\\s*[:!]?",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Longest heading that opens a list of other articles. */
  private static final int OPENER_MAX = 90;
  /** Words one of which every {@link #MORE_HEADING} holds; checked first. */
  private static final KeywordScanner MORE_WORDS = new KeywordScanner(
      "weitere", "alle artikel", "vorschau", "aktuelle", "veja", "leia", "inne", "podobne",
      "polecane", "powiązane", "powiazane", "también", "tambien", "noticias", "lire aussi",
      "même rubrique", "meme rubrique", "leggi anche", "altri articoli", "lees ook",
      "meer nieuws");
  /**
   * A heading over a list of the site's other articles: "Weitere Tourentipps in Schweden",
   * "Alle Artikel zu unseren Recherchen", "Vorschau auf den nächsten Artikel", "Aktuelle
   * Produkttests", "Veja também:", "Inne przepisy", "Lee también", "Dans la même rubrique".
   * "Weitere Informationen" and the like stay: they head the article's own sources.
   */
  private static final Pattern MORE_HEADING = Pattern.compile(
      "(weitere (tourentipps|tipps|rezepte|artikel|beitr[äa]ge|meldungen|news|videos|storys"
          + "|geschichten|top-?artikel|top-?themen|topthemen)"
          + "|alle artikel (zu|zum|zur|von|aus)|vorschau auf (den|die|das) n[äa]chste\\p{L}*"
          + "|aktuelle (produkttests|tests|artikel|beitr[äa]ge|meldungen|news)"
          + "|(veja|leia) (tamb[eé]m|mais)|(inne|podobne|polecane|powi[aą]zane) (przepisy"
          + "|artyku[lł]y|wpisy|teksty)|(lee|ver|mira) tambi[eé]n|m[aá]s noticias|otras noticias"
          + "|(à |a )?lire aussi|dans la m[eê]me rubrique|leggi anche|altri articoli|lees ook"
          + "|meer nieuws)\\b.{0,60}",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Words one of which every {@link #ABOUT_THE_SITE} holds; checked first. */
  private static final KeywordScanner ABOUT_WORDS = new KeywordScanner(
      "about the", "about this", "about our", "über das", "über den", "über die", "über diese",
      "über unser", "propos d");
  /**
   * A heading over the site's description of itself: "About the Blog", "About this site",
   * "Über das Presse- und Medienportal …", "À propos du site". "About us" and "Über uns" stay:
   * on a company's pages that section is often the page's content.
   */
  private static final Pattern ABOUT_THE_SITE = Pattern.compile(
      "(über (das|den|die|diese[ns]?|unser(e[nms]?)?) [\\p{L}\\d\\- ]{0,40}?(portal|magazin|blog"
          + "|redaktion|website|webseite|plattform|zeitung)\\b.*"
          + "|(à|a) propos (de ce|du) (site|blog|magazine)"
          + "|about (the|this|our) ([\\p{L}\\d-]+ )?(site|blog|magazine|publication|website"
          + "|newsletter|podcast))\\s*[:.]?",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private PointerLines() {}

  /**
   * True when the block is only the label of one of the page's controls; {@code controlWords}
   * whether it holds one of {@link #CONTROL_WORDS} (the filter scans for them with its others).
   */
  static boolean isControlLabel(String text, boolean controlWords) {
    return text.length() < CONTROL_MAX && Rules.fires(ExtractionRule.CONTROL_LABEL,
        controlWords && CONTROL_LABEL.matcher(text).matches());
  }

  /**
   * True when the block is only a call to share the article; {@code shareWords} whether it
   * holds one of {@link #SHARE_WORDS}.
   */
  static boolean isShareLabel(String text, boolean shareWords) {
    return text.length() <= SHARE_MAX && Rules.fires(ExtractionRule.SHARE_LABEL,
        shareWords && SHARE_LABEL.matcher(text).matches());
  }

  /**
   * True when the block is a heading (or a short line) that opens a list of the site's other
   * articles; the filter leaves it out with the pointers under it.
   */
  static boolean opensMoreArticles(TextBlock b) {
    String t = b.text();
    return t.length() <= OPENER_MAX && (b.kind() == Blocks.Kind.HEADING || t.length() <= 60)
        && Rules.fires(ExtractionRule.MORE_HEADING,
            MORE_WORDS.containsAnyIgnoreCase(t) && MORE_HEADING.matcher(t).matches());
  }

  /**
   * True when the block is a heading (or a short line) over the site's description of itself;
   * the filter leaves it out with the paragraphs under it, up to the next heading
   * ({@link #isHeadingLike}).
   */
  static boolean opensAboutTheSite(TextBlock b) {
    String t = b.text();
    return t.length() <= OPENER_MAX && (b.kind() == Blocks.Kind.HEADING || t.length() <= 60)
        && Rules.fires(ExtractionRule.ABOUT_THE_SITE,
            ABOUT_WORDS.containsAnyIgnoreCase(t) && ABOUT_THE_SITE.matcher(t).matches());
  }

  /**
   * True when the block ends a section about the site: a heading, or a short line that does
   * not end a sentence (a heading set in a paragraph).
   */
  static boolean isHeadingLike(TextBlock b) {
    if (b.kind() == Blocks.Kind.HEADING) {
      return true;
    }
    String t = b.text();
    if (t.isEmpty() || t.length() > OPENER_MAX) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    return last != '.' && last != '!' && last != '?' && last != '…';
  }
}
