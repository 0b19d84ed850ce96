package org.newsarc.extractor.internal;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
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
      String byline) {}

  public static Content extract(Element body, Metadata md) {
    DomCleaner.removeNonContent(body);
    TextStats stats = TextStats.of(body);
    double pageLinkDensity = stats.get(body).linkDensity();
    ClassHints hints = new ClassHints();
    Element densest = ContentFinder.find(body, stats, hints).element();
    Set<Element> boilerplate = DomCleaner.namedBoilerplate(body, stats, hints, densest, false);
    if (isDiscussion(body, stats, boilerplate)) {
      // Most of the prose sits in comment-named posts: on a forum or Q&A page they are the content.
      boilerplate = DomCleaner.namedBoilerplate(body, stats, hints, densest, true);
    }
    stats.exclude(boilerplate);
    ContentFinder.Choice choice = ContentFinder.find(body, stats, hints);
    boolean articleMode = choice.prose() >= ARTICLE_PROSE
        || md.declaredArticle() && choice.prose() >= 150;
    List<TextBlock> blocks;
    String byline = null;
    if (articleMode) {
      List<TextBlock> rendered = TextRenderer.render(choice.element(), boilerplate);
      byline = BlockFilter.findByline(rendered);
      blocks = BlockFilter.filter(rendered, md.title(), true);
    } else {
      Element region = mainRegion(body);
      blocks = BlockFilter.filter(TextRenderer.render(region, boilerplate), md.title(), false);
    }
    String text = TextAssembler.join(blocks);
    if (text.length() < 200 && md.jsonLdBody() != null && md.jsonLdBody().length() > text.length() * 2) {
      text = TextAssembler.plain(md.jsonLdBody());
    }
    return new Content(text, stats.get(body).prose(), pageLinkDensity, articleMode, byline);
  }

  private static boolean isDiscussion(Element body, TextStats stats, Set<Element> boilerplate) {
    int total = stats.get(body).prose();
    int removed = 0;
    for (Element e : boilerplate) {
      removed += stats.get(e).prose();
    }
    return removed >= 1000 && total - removed < 600 && (total - removed) * 4 < total;
  }

  private static Element mainRegion(Element body) {
    Element main = body.selectFirst("main, [role=main], [itemprop=mainContentOfPage], #content, #main");
    return main != null && TextStats.visibleLength(main.text()) > 200 ? main : body;
  }
}
