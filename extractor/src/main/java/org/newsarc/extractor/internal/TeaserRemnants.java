package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.newsarc.extractor.ExtractionRule;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

/**
 * What is left of teaser cards after an article: a card's headline link goes with the link
 * rules, and its date, category and summary stay behind as short blocks after the article's
 * last long paragraph ("18. Nov 2021", "Kinderrechte", a one-sentence summary), too few cards
 * for the card-group rules or not shaped like cards. The template names such a card or its box
 * a teaser. Stateless and thread-safe.
 */
final class TeaserRemnants {

  /** A long paragraph: the article's running text. */
  private static final int LONG = 200;
  /** Most link share of a long paragraph. */
  private static final double LONG_LINKS = 0.3;
  /** Longest block taken: a card's summary. */
  private static final int MAX = 400;
  /**
   * Most of the text the remnants may hold: more is the page's content (a listing of courses
   * in an article's markup), not a box after it.
   */
  private static final double MAX_SHARE = 0.25;
  /** How many of a block's ancestors are looked at for the name. */
  private static final int DEPTH = 8;
  private static final String NAME = "teaser";

  private TeaserRemnants() {}

  /**
   * {@code blocks} (an article's, in order) without the short blocks after its last long
   * paragraph that sit inside an element of {@code main} named as a teaser.
   */
  static List<TextBlock> drop(List<TextBlock> blocks, Element main) {
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
    boolean[] remnant = new boolean[blocks.size()];
    int taken = 0;
    int total = 0;
    for (int i = 0; i < blocks.size(); i++) {
      TextBlock b = blocks.get(i);
      total += b.text().length();
      if (i > last && b.text().length() <= MAX && inTeaser(b.source(), main)) {
        remnant[i] = true;
        taken += b.text().length();
      }
    }
    if (!Rules.fires(ExtractionRule.TEASER_REMNANT, taken > 0 && taken <= MAX_SHARE * total)) {
      return blocks;
    }
    List<TextBlock> out = new ArrayList<>(blocks.size());
    for (int i = 0; i < blocks.size(); i++) {
      if (!remnant[i]) {
        out.add(blocks.get(i));
      }
    }
    return out;
  }

  /** Whether {@code e} or one of its near ancestors below {@code main} is named a teaser. */
  private static boolean inTeaser(Element e, Element main) {
    for (int d = 0; e != null && e != main && d < DEPTH; d++, e = e.parent()) {
      if (containsIgnoreCase(e.className(), NAME)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsIgnoreCase(String s, String lowerWord) {
    for (int i = 0, n = s.length() - lowerWord.length(); i <= n; i++) {
      if (s.regionMatches(true, i, lowerWord, 0, lowerWord.length())) {
        return true;
      }
    }
    return false;
  }
}
