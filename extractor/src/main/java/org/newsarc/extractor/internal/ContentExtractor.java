package org.newsarc.extractor.internal;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.newsarc.extractor.ExtractionRule;
import org.newsarc.extractor.PageType;
import org.newsarc.extractor.internal.MetadataReader.Metadata;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

/**
 * The main-text pipeline: clean the body, find the element holding the article, render it to
 * blocks, drop boilerplate blocks, join the rest. Pages without enough prose to be an article
 * (listings, product and service pages) are rendered from their main region instead, keeping
 * link lists. Stateless and thread-safe; the element passed in is modified.
 */
public final class ContentExtractor {

  /** Prose characters above which the chosen element is taken as an article body. */
  private static final int ARTICLE_PROSE = 500;

  private ContentExtractor() {}

  /** The text and what the extractor learned about the page on the way. */
  public record Content(String text, int prose, double pageLinkDensity, boolean articleMode,
      String byline, PageType pageType) {}

  /**
   * At most this many times its main block's text may a page hold outside links for a short
   * declared article (under {@link #ARTICLE_PROSE} characters of prose) to be read as one.
   */
  private static final int DECLARED_SHARE = 4;

  /** Teaser cards that make a page a hub when little prose stands outside them. */
  private static final int HUB_CARDS = 6;
  /** Prose characters outside the cards above which the page is taken for an article. */
  private static final int HUB_OTHER_PROSE = 300;
  /** Same-shape teaser cards that form a "more stories" box inside an article's block. */
  private static final int RELATED_CARDS = 3;
  /** Most of an article block's text such a box may hold; more is the article itself. */
  private static final double RELATED_SHARE = 0.3;
  /**
   * Most prose that may follow a card group for it to close the article's block: on pages that
   * do not declare an article, only such trailing groups (of four or more) are left out.
   */
  private static final int TRAILING_PROSE = 150;
  /** Most of a declared article's block that a card group closing it may hold. */
  private static final double TRAILING_SHARE = 0.6;
  /**
   * Characters of text under which a page rendered from its main region is re-rendered with
   * single set-aside elements that hold much of the region kept too.
   */
  private static final int NEAR_EMPTY = 100;
  /** Page link density above which a page without article prose is a listing. */
  private static final double LISTING_LINKS = 0.5;

  public static Content extract(Element body, Metadata md) {
    return extract(body, md, BlockJudge.RULES_ONLY);
  }

  /**
   * As {@link #extract(Element, Metadata)}, letting {@code judge} drop blocks of an article's
   * main element that the rules kept. It never empties the text: when it would drop every
   * block, the rules' blocks stand.
   */
  public static Content extract(Element body, Metadata md, BlockJudge judge) {
    List<Element> marks = DomCleaner.removeNonContent(body);
    TextStats stats = TextStats.of(body);
    Element marked = DomCleaner.markedMain(marks, stats);
    double pageLinkDensity = stats.get(body).linkDensity();
    ClassHints hints = new ClassHints();
    Element densest = ContentFinder.find(body, stats, hints).element();
    // On a shop's item page the customer reviews are its readers' comments.
    boolean reviews = md.declaredProduct();
    Set<Element> boilerplate = DomCleaner.namedBoilerplate(body, stats, hints, densest, false,
        reviews, marked);
    if (Rules.fires(ExtractionRule.DISCUSSION, md.declaredArticle()
        ? isThread(body, stats, hints, boilerplate) : isDiscussion(body, stats, boilerplate))) {
      // Most of the prose sits in comment-named posts: on a forum or Q&A page they are the content.
      // Under a page that declares itself an article they are its readers' comments, unless
      // they are written in the markup of the page's own post: a forum thread in an article's
      // clothes.
      boilerplate = DomCleaner.namedBoilerplate(body, stats, hints, densest, true, reviews,
          marked);
    }
    stats.exclude(boilerplate);
    ContentFinder.Choice choice = ContentFinder.find(body, stats, hints);
    int pageProse = stats.get(body).prose();
    if (Rules.fires(ExtractionRule.HUB, isHub(choice.element(), stats, md, pageProse))) {
      return new Content("", pageProse, pageLinkDensity, false, null, PageType.HUB);
    }
    // Inside the main element, what reads as running text (mostly prose, few links) is kept
    // whatever its name says. Landing pages stack sections whose names look like furniture
    // (tabs, banners, info boxes), so there whole sections count; in declared articles and on
    // product pages, where such boxes are mostly promotion, only paragraphs do.
    boolean sections = !md.declaredArticle() && !md.declaredProduct();
    Set<Element> kept = DomCleaner.withoutProseInside(boilerplate, choice.element(), stats, hints,
        !sections);
    if (Rules.fires(ExtractionRule.PROSE_SECTIONS, kept != boilerplate)) {
      boilerplate = kept;
    }
    // A page that declares an article but whose short main block holds under a quarter of the
    // page's text outside links is a listing or landing page in an article's markup.
    TextStats.Counts page = stats.get(body);
    boolean articleMode = choice.prose() >= ARTICLE_PROSE
        || md.declaredArticle() && choice.prose() >= 150
            && !Rules.fires(ExtractionRule.DECLARED_SHARE,
                stats.get(choice.element()).text() * DECLARED_SHARE < page.text() - page.links());
    List<TextBlock> blocks;
    String byline = null;
    if (articleMode) {
      Set<Element> cards = md.declaredArticle()
          ? TeaserCards.cardElements(choice.element(), stats, RELATED_CARDS, RELATED_SHARE)
          : TeaserCards.trailingCardElements(choice.element(), stats, RELATED_CARDS + 1,
              RELATED_SHARE, TRAILING_PROSE);
      if (!Rules.fires(md.declaredArticle() ? ExtractionRule.RELATED_CARDS
          : ExtractionRule.TRAILING_CARDS, !cards.isEmpty())) {
        cards.clear();
      }
      if (md.declaredArticle()) {
        // A box that closes the block may hold more of it: summaries of 300 characters and more.
        Set<Element> closing = TeaserCards.trailingCardElements(choice.element(), stats,
            RELATED_CARDS, TRAILING_SHARE, TRAILING_PROSE);
        if (Rules.fires(ExtractionRule.CLOSING_CARDS, !cards.containsAll(closing))) {
          cards.addAll(closing);
        }
      }
      if (!cards.isEmpty()) {
        cards.addAll(boilerplate);
        boilerplate = cards;
      }
      List<TextBlock> rendered = TextRenderer.render(choice.element(), boilerplate);
      byline = BlockFilter.findByline(rendered);
      blocks = BlockFilter.filter(rendered, md.title(), true, md.discussion());
      blocks = TeaserRemnants.drop(blocks, choice.element(), stats);
      if (md.declaredArticle()) {
        List<TextBlock> without = EmptySections.drop(rendered, blocks);
        if (Rules.fires(ExtractionRule.EMPTY_SECTIONS, without != blocks)) {
          blocks = without;
        }
      }
      if (judge.wantsFeatures() && !blocks.isEmpty()) {
        blocks = judged(blocks, judge,
            BlockFeatures.of(blocks, choice.element(), stats, md.title()));
      }
      if (!md.ingredients().isEmpty()) {
        List<TextBlock> with = RecipeIngredients.addMissing(blocks, md.ingredients(), body,
            choice.element(), stats);
        if (Rules.fires(ExtractionRule.RECIPE_INGREDIENTS, with != blocks)) {
          blocks = with;
        }
      }
    } else {
      Element region = mainRegion(body);
      // Items a template names like furniture (product, category, widget) are the listing.
      Set<Element> furniture = RegionItems.release(boilerplate, region, stats, hints);
      if (!Rules.fires(ExtractionRule.REGION_ITEMS, furniture != boilerplate)) {
        furniture = boilerplate;
      }
      blocks = BlockFilter.filter(TextRenderer.render(region, furniture), md.title(), false);
      if (TextAssembler.join(blocks).length() < NEAR_EMPTY) {
        // Next to nothing is left: one element the page wraps its content in (a page built
        // inside one form, a category grid named like furniture) is that content.
        Set<Element> singles = RegionItems.release(boilerplate, region, stats, hints, 1);
        if (Rules.fires(ExtractionRule.NEAR_EMPTY, singles != furniture)) {
          blocks = BlockFilter.filter(TextRenderer.render(region, singles), md.title(), false);
        }
      }
    }
    String text = TextAssembler.join(blocks);
    if (Rules.fires(ExtractionRule.JSON_LD_BODY, text.length() < 200 && md.jsonLdBody() != null
        && md.jsonLdBody().length() > text.length() * 2)) {
      text = TextAssembler.plain(md.jsonLdBody());
    }
    PageType type = articleMode ? PageType.ARTICLE
        : pageLinkDensity > LISTING_LINKS ? PageType.LISTING : PageType.PAGE;
    return new Content(text, pageProse, pageLinkDensity, articleMode, byline, type);
  }

  /**
   * A hub's main block is teaser cards from top to bottom: many cards (fewer will do when the
   * page declares itself a collection), little prose beside them in that block, and at least
   * half of the page's prose in them. A short post with a teaser sidebar is not one: its main
   * block is the post; nor is a page that declares itself an article.
   */
  private static boolean isHub(Element main, TextStats stats, Metadata md, int pageProse) {
    if (md.declaredArticle() && !md.declaredCollection()) {
      return false;
    }
    TeaserCards.Cards cards = TeaserCards.in(main, stats);
    int needed = md.declaredCollection() ? 4 : HUB_CARDS;
    return cards.count() >= needed && stats.get(main).prose() - cards.prose() < HUB_OTHER_PROSE
        && cards.prose() * 2 >= pageProse;
  }

  private static List<TextBlock> judged(List<TextBlock> blocks, BlockJudge judge,
      double[][] features) {
    boolean[] keep = judge.keep(blocks, features);
    if (keep == null) {
      return blocks;
    }
    List<TextBlock> out = new java.util.ArrayList<>(blocks.size());
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        out.add(blocks.get(i));
      }
    }
    return out.isEmpty() ? blocks : out;
  }

  /** Least prose of an element outside the comments whose class names a thread's posts share. */
  private static final int THREAD_POST_PROSE = 150;
  /** Least prose of a reply that carries the opening post's class name. */
  private static final int THREAD_REPLY_PROSE = 50;

  /**
   * A forum thread that declares itself an article: the comment-named posts hold more prose
   * than the rest of the page (and at least 1,000 characters), and at least two of the posts
   * carry a class name of an element outside them that holds running text of its own (the
   * opening post and its replies come out of one editor). A news article's body and its
   * readers' comments are marked up apart.
   */
  private static boolean isThread(Element body, TextStats stats, ClassHints hints,
      Set<Element> boilerplate) {
    int removed = proseOf(boilerplate, stats);
    if (removed < 1000 || removed <= stats.get(body).prose() - removed) {
      return false;
    }
    Set<String> own = new HashSet<>();
    postClasses(body, stats, boilerplate, own);
    if (own.isEmpty()) {
      return false;
    }
    int replies = 0;
    for (Element b : boilerplate) {
      if (!DomCleaner.isCommentNamed(hints.namesOf(b))) {
        continue;
      }
      for (Element d : b.getAllElements()) {
        if (d != b && stats.get(d).prose() >= THREAD_REPLY_PROSE
            && !Collections.disjoint(d.classNames(), own) && ++replies >= 2) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Adds the class names of the elements under {@code e}, outside {@code boilerplate}, that hold
   * {@link #THREAD_POST_PROSE} characters of prose and running text of their own (a text of
   * over 40 characters, or paragraphs, as their own children).
   */
  private static void postClasses(Element e, TextStats stats, Set<Element> boilerplate,
      Set<String> into) {
    for (Element c : e.children()) {
      if (boilerplate.contains(c) || stats.get(c).prose() < THREAD_POST_PROSE) {
        continue;
      }
      if (hasOwnText(c)) {
        into.addAll(c.classNames());
      }
      postClasses(c, stats, boilerplate, into);
    }
  }

  private static boolean hasOwnText(Element e) {
    for (TextNode t : e.textNodes()) {
      if (t.text().trim().length() > 40) {
        return true;
      }
    }
    for (Element p : e.children()) {
      if (p.nameIs("p") || p.nameIs("br")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDiscussion(Element body, TextStats stats, Set<Element> boilerplate) {
    int total = stats.get(body).prose();
    int removed = proseOf(boilerplate, stats);
    return removed >= 1000 && total - removed < 600 && (total - removed) * 4 < total;
  }

  /** The prose of {@code elements} together (they do not nest: outermost boilerplate only). */
  private static int proseOf(Set<Element> elements, TextStats stats) {
    int prose = 0;
    for (Element e : elements) {
      prose += stats.get(e).prose();
    }
    return prose;
  }

  private static Element mainRegion(Element body) {
    Element main = body.selectFirst("main, [role=main], [itemprop=mainContentOfPage], #content, #main");
    return main != null && TextStats.visibleLength(main.text()) > 200 ? main : body;
  }
}
