package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.newsarc.extractor.ExtractionRule;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

/**
 * What is left of teaser cards after an article, too few of them for the card-group rules or
 * not shaped alike: a card's headline link goes with the link rules, and its date, category and
 * summary stay behind as short blocks after the article's last long paragraph ("18. Nov 2021",
 * "Kinderrechte", a one-sentence summary). Two rules tell them: the template names the card or
 * its box a teaser, or the box holding the block has a card's shape (a linked headline over a
 * short summary) though it is alone. Neither takes more than a quarter of the text: more is the
 * page's content (a listing in an article's markup). Stateless and thread-safe.
 */
final class TeaserRemnants {

  /** A long paragraph: the article's running text. */
  private static final int LONG = 200;
  /** Most link share of a long paragraph, and of a block taken for a card's summary. */
  private static final double LONG_LINKS = 0.3;
  /** Longest block taken: a card's summary. */
  private static final int MAX = 400;
  /** Most of the text the remnants may hold. */
  private static final double MAX_SHARE = 0.25;
  /** How many of a block's ancestors are looked at for the name. */
  private static final int NAME_DEPTH = 8;
  private static final KeywordScanner NAME = new KeywordScanner("teaser");
  /** How many of a block's ancestors are looked at for the box holding it. */
  private static final int BOX_DEPTH = 4;
  /** A card's shape: most text, least headline link, least summary, least link share. */
  private static final int CARD_MAX = 700;
  private static final int CARD_HEADLINE = 15;
  private static final int CARD_SUMMARY = 40;
  private static final double CARD_LINKS = 0.12;

  private TeaserRemnants() {}

  /**
   * {@code blocks} (an article's, in order, rendered from {@code main}) without the remnants of
   * teaser cards after its last long paragraph.
   */
  static List<TextBlock> drop(List<TextBlock> blocks, Element main, TextStats stats) {
    int last = -1;
    for (int i = blocks.size() - 1; i >= 0 && last < 0; i--) {
      TextBlock b = blocks.get(i);
      if (b.text().length() >= LONG && b.linkDensity() < LONG_LINKS) {
        last = i;
      }
    }
    if (last < 0 || last == blocks.size() - 1) {
      return blocks;
    }
    boolean[] named = new boolean[blocks.size()];
    boolean[] card = new boolean[blocks.size()];
    int namedText = 0;
    int cardText = 0;
    int total = 0;
    for (int i = 0; i < blocks.size(); i++) {
      TextBlock b = blocks.get(i);
      total += b.text().length();
      if (i <= last || b.text().length() > MAX) {
        continue;
      }
      if (inTeaser(b.source(), main)) {
        named[i] = true;
        namedText += b.text().length();
      } else if (inLoneCard(b, main, stats)) {
        card[i] = true;
        cardText += b.text().length();
      }
    }
    boolean few = namedText + cardText <= MAX_SHARE * total;
    boolean dropNamed = Rules.fires(ExtractionRule.TEASER_REMNANT, namedText > 0 && few);
    boolean dropCards = Rules.fires(ExtractionRule.LONE_CARD, cardText > 0 && few);
    if (!dropNamed && !dropCards) {
      return blocks;
    }
    List<TextBlock> out = new ArrayList<>(blocks.size());
    for (int i = 0; i < blocks.size(); i++) {
      if (!(dropNamed && named[i] || dropCards && card[i])) {
        out.add(blocks.get(i));
      }
    }
    return out;
  }

  /** Whether {@code e} or one of its near ancestors below {@code main} is named a teaser. */
  private static boolean inTeaser(Element e, Element main) {
    for (int d = 0; e != null && e != main && d < NAME_DEPTH; d++, e = e.parent()) {
      if (NAME.containsAnyIgnoreCase(e.className())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the box holding {@code b} (its nearest ancestor below {@code main} with more text
   * than it) has a teaser card's shape: short, a linked headline, a summary beside it.
   */
  private static boolean inLoneCard(TextBlock b, Element main, TextStats stats) {
    Element e = b.source();
    if (e == null || b.linkDensity() >= LONG_LINKS) {
      return false;
    }
    int own = stats.get(e).text();
    for (int d = 0; d < BOX_DEPTH && e.parent() != null; d++) {
      e = e.parent();
      if (e == main) {
        return false;
      }
      TextStats.Counts c = stats.get(e);
      if (c.text() > own) {
        return c.text() <= CARD_MAX && c.links() >= CARD_HEADLINE
            && c.text() - c.links() >= CARD_SUMMARY && c.linkDensity() >= CARD_LINKS
            && e.childrenSize() >= 2 && hasLinkedHeadline(e);
      }
    }
    return false;
  }

  /** Whether {@code box} holds a heading that is a link, or holds one, of a headline's length. */
  private static boolean hasLinkedHeadline(Element box) {
    for (Element h : box.select("h1, h2, h3, h4, h5, h6")) {
      if (h.text().length() >= CARD_HEADLINE && h.parent() != null && h.parent().nameIs("a")) {
        return true;
      }
      for (Element a : h.select("a[href]")) {
        if (a.text().length() >= CARD_HEADLINE) {
          return true;
        }
      }
    }
    return false;
  }
}
