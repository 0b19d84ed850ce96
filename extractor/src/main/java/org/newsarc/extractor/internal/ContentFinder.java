package org.newsarc.extractor.internal;

import org.jsoup.nodes.Element;
import org.newsarc.extractor.ExtractionRule;

/**
 * Finds the element that holds the main content: the subtree that gathers the most prose while
 * taking in the least other text. Prose counts for an element, every other character (menus,
 * link lists, captions left over after cleaning) counts against it, so the winner is the
 * tightest wrapper around the article's paragraphs. The data in table cells counts neither
 * way, so an article's tables do not push the choice down to the paragraphs around them.
 * Body-like names and semantic markup
 * ({@code itemprop=articleBody}, {@code <article>}, {@code <main>}) tip close calls.
 * Stateless and thread-safe.
 */
public final class ContentFinder {

  /** How much one character of non-prose text weighs against one of prose. */
  private static final double NOISE_WEIGHT = 0.2;

  private ContentFinder() {}

  /** The chosen element and what it holds. */
  public record Choice(Element element, double score, int prose) {}

  public static Choice find(Element root, TextStats stats, ClassHints hints) {
    Element best = root;
    double bestScore = score(root, stats, hints);
    // Descendants come first, so on a tie the wrapper wins: it loses nothing.
    for (Element e : stats.withProse()) {
      double s = score(e, stats, hints);
      if (s >= bestScore && e != root) {
        bestScore = s;
        best = e;
      }
    }
    return new Choice(best, bestScore, stats.get(best).prose());
  }

  static double score(Element e, TextStats stats, ClassHints hints) {
    TextStats.Counts c = stats.get(e);
    double noise = c.text() - c.prose()
        - (Rules.fires(ExtractionRule.TABLE_CELLS, c.cells() > 0) ? c.cells() : 0);
    double s = c.prose() - NOISE_WEIGHT * noise;
    if (isSemanticBody(e)) {
      s *= 1.15;
    } else if (hints.weight(e) > 0) {
      s *= 1.05;
    }
    return s;
  }

  static boolean isSemanticBody(Element e) {
    return e.attr("itemprop").equalsIgnoreCase("articleBody") || e.nameIs("article")
        || e.nameIs("main") || e.attr("role").equalsIgnoreCase("main");
  }
}
