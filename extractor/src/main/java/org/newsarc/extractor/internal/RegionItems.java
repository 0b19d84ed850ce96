package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * On a page rendered from its main region (a listing, a shop's category, a service page), what
 * holds a large share of that region's text is its content, whatever its class names say:
 * templates name the items of a list after what they are ({@code product}, {@code category},
 * {@code widget}, {@code summary-item}), and those names look like furniture. The elements set
 * aside by name inside the region are grouped by shape (the same tag and mostly the same class
 * names, wherever they sit), and a group of at least {@link #MIN_ITEMS} elements holding at
 * least {@link #SHARE} of the region's text is kept. Furniture tags ({@code header},
 * {@code footer}, {@code aside}), dialogs, comment- and review-named elements and elements with
 * an ARIA role are never kept. Stateless and thread-safe.
 */
public final class RegionItems {

  /** Least share of the region's text (set-aside parts included) a group must hold to be kept. */
  static final double SHARE = 0.3;
  /**
   * Least elements of one shape that hold that share: a single sidebar or footer can outweigh a
   * short post's own text, a list of items comes as several.
   */
  static final int MIN_ITEMS = 2;
  /** Most shapes told apart on one page. */
  private static final int MAX_GROUPS = 256;

  private RegionItems() {}

  /**
   * {@code boilerplate} less the groups of its elements inside {@code region} that hold at least
   * {@link #SHARE} of the region's text; {@code boilerplate} itself when none does.
   */
  public static Set<Element> release(Set<Element> boilerplate, Element region, TextStats stats,
      ClassHints hints) {
    return release(boilerplate, region, stats, hints, MIN_ITEMS);
  }

  /** As above, with groups of at least {@code minItems} elements. */
  public static Set<Element> release(Set<Element> boilerplate, Element region, TextStats stats,
      ClassHints hints, int minItems) {
    int[] total = {stats.get(region).text()};
    List<Element> candidates = new ArrayList<>();
    // In page order, so that the groups do not depend on the set's order.
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element b) || b == region || !boilerplate.contains(b)) {
          return FilterResult.CONTINUE;
        }
        total[0] += stats.get(b).text();
        if (!DomCleaner.isStructuralBoilerplate(b) && !DomCleaner.isOverlay(b)
            && b.attr("role").isEmpty() && !DomCleaner.isCommentNamed(hints.namesOf(b))
            && !DomCleaner.isReviewNamed(hints.namesOf(b))) {
          candidates.add(b);
        }
        return FilterResult.SKIP_ENTIRELY;
      }
    }, region);
    if (candidates.isEmpty()) {
      return boilerplate;
    }
    List<List<Element>> groups = new ArrayList<>();
    List<Set<String>> shapes = new ArrayList<>();
    List<Integer> texts = new ArrayList<>();
    for (Element b : candidates) {
      int text = stats.get(b).text();
      if (text == 0) {
        continue;
      }
      Set<String> classes = b.classNames();
      int found = -1;
      for (int i = 0; i < groups.size() && found < 0; i++) {
        if (groups.get(i).get(0).normalName().equals(b.normalName())
            && TeaserCards.similar(shapes.get(i), classes)) {
          found = i;
        }
      }
      if (found < 0) {
        if (groups.size() == MAX_GROUPS) {
          // Bounds the work on pages of thousands of unlike elements; those left are singles.
          continue;
        }
        groups.add(new ArrayList<>());
        shapes.add(classes);
        texts.add(0);
        found = groups.size() - 1;
      }
      groups.get(found).add(b);
      texts.set(found, texts.get(found) + text);
    }
    Set<Element> out = null;
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).size() < minItems || texts.get(i) < SHARE * total[0]) {
        continue;
      }
      if (out == null) {
        out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(boilerplate);
      }
      groups.get(i).forEach(out::remove);
    }
    return out == null ? boilerplate : out;
  }
}
