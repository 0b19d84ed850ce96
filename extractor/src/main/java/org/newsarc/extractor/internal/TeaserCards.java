package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.newsarc.extractor.ExtractionRule;

/**
 * Measures how much of a region is made of teaser cards: sibling elements of one shape (same
 * tag, mostly the same class names) that each hold a link, typically a headline, beside a short summary, and
 * little else. A section or front page is such cards from top to bottom; an article with a
 * "related stories" box has a few of them next to much longer prose. Stateless, thread-safe.
 */
public final class TeaserCards {

  /** Siblings of one shape needed before a group counts as a card list. */
  private static final int MIN_GROUP = 4;
  /** Longest text a single card may hold; longer siblings are articles or sections. */
  private static final int MAX_CARD_TEXT = 700;
  /** Shortest link text (a headline) and unlinked text (a summary) of a card. */
  private static final int MIN_HEADLINE = 15;
  private static final int MIN_SUMMARY = 40;

  /**
   * Most prose characters between two cards of one box. Teasers in a box stand side by side;
   * one shape repeated between an article's sections (a facts list after each product of a
   * round-up) belongs to the article, unless each is headed by a linked headline: a related
   * story set into the text.
   */
  private static final int MAX_GAP = 200;

  /** Share of a card's text its links must hold at least (a headline beside a summary). */
  private static final double MIN_LINK_SHARE = 0.12;
  /** Elements that hold running text rather than wrap blocks. */
  private static final Set<String> TEXT_TAGS = Set.of("p", "span", "a", "em", "strong", "b", "i",
      "font", "blockquote", "dd", "td", "pre", "h1", "h2", "h3", "h4", "h5", "h6");

  private TeaserCards() {}

  /** Cards found under a region and the characters of text and of prose they hold. */
  public record Cards(int count, int text, int prose) {}

  /**
   * Finds the teaser cards under {@code region}, counting text with {@code stats}. Groups named
   * as comments are not counted: a reader's comment looks like a card (a linked name beside a
   * paragraph), and a short post under many of them is still a post.
   */
  public static Cards in(Element region, TextStats stats) {
    int count = 0;
    int text = 0;
    int prose = 0;
    for (Element parent : parents(region, MIN_GROUP)) {
      for (List<Element> g : shapeGroups(parent, stats, false)) {
        if (g.size() >= MIN_GROUP && !DomCleaner.isCommentNamed(ClassHints.names(g.get(0)))) {
          count += g.size();
          for (Element e : g) {
            TextStats.Counts c = stats.get(e);
            text += c.text();
            prose += c.prose();
          }
        }
      }
    }
    return new Cards(count, text, prose);
  }

  /**
   * The cards of every group of at least {@code minGroup} same-shape teaser cards under
   * {@code region} that hold at most {@code maxShare} of its text, for leaving "more stories"
   * boxes out of an article.
   */
  public static Set<Element> cardElements(Element region, TextStats stats, int minGroup,
      double maxShare) {
    return groups(region, stats, minGroup, maxShare, false, -1);
  }

  /**
   * As {@link #cardElements}, but only the groups that close the region: no more than
   * {@code maxProseAfter} characters of prose follow their last card in it. A "more stories"
   * box after a post that does not declare itself an article.
   */
  public static Set<Element> trailingCardElements(Element region, TextStats stats, int minGroup,
      double maxShare, int maxProseAfter) {
    return groups(region, stats, minGroup, maxShare, true, maxProseAfter);
  }

  /**
   * The groups of at least {@code minGroup} same-shape cards under {@code region} holding at
   * most {@code maxShare} of its text, seen through one inner wrapper when {@code
   * throughWrappers}, each split into its runs of cards side by side ({@link #runs}); with
   * {@code maxProseAfter} of 0 or more, only those followed by no more prose than that.
   */
  private static Set<Element> groups(Element region, TextStats stats, int minGroup,
      double maxShare, boolean throughWrappers, int maxProseAfter) {
    double maxText = maxShare * stats.get(region).text();
    Set<Element> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Element parent : parents(region, minGroup)) {
      for (List<Element> whole : shapeGroups(parent, stats, throughWrappers)) {
        if (whole.size() < minGroup) {
          continue;
        }
        int text = 0;
        for (Element e : whole) {
          text += stats.get(e).text();
        }
        if (text > maxText) {
          continue;
        }
        for (List<Element> g : runs(whole, stats)) {
          if (g.size() >= minGroup && (maxProseAfter < 0
              || proseAfter(g.get(g.size() - 1), region, stats) <= maxProseAfter)) {
            out.addAll(g);
          }
        }
      }
    }
    return out;
  }

  /**
   * {@code g} split where more than {@link #MAX_GAP} characters of prose stand between two of
   * its cards, unless its cards carry linked headlines.
   */
  private static List<List<Element>> runs(List<Element> g, TextStats stats) {
    if (linkedHeading(g.get(0), stats)) {
      return List.of(g);
    }
    List<List<Element>> out = new ArrayList<>();
    List<Element> run = new ArrayList<>();
    for (Element card : g) {
      if (!run.isEmpty() && Rules.fires(ExtractionRule.CARD_RUNS,
          proseBetween(run.get(run.size() - 1), card, stats) > MAX_GAP)) {
        out.add(run);
        run = new ArrayList<>();
      }
      run.add(card);
    }
    out.add(run);
    return out;
  }

  /** Whether a heading under {@code card} is (nine tenths) link text: a teaser's headline. */
  private static boolean linkedHeading(Element card, TextStats stats) {
    for (Element h = card.firstElementChild(); h != null; h = next(h, card)) {
      if (h.normalName().length() == 2 && h.normalName().charAt(0) == 'h'
          && Character.isDigit(h.normalName().charAt(1))) {
        TextStats.Counts c = stats.get(h);
        if (c.text() >= MIN_HEADLINE && c.links() * 10 >= c.text() * 9) {
          return true;
        }
      }
    }
    return false;
  }

  /** The element after {@code e} in document order inside {@code root}, or null. */
  private static Element next(Element e, Element root) {
    Element first = e.firstElementChild();
    if (first != null) {
      return first;
    }
    while (e != root && e.nextElementSibling() == null) {
      e = e.parent();
    }
    return e == root ? null : e.nextElementSibling();
  }

  /** Prose characters in the siblings between {@code from} and {@code to}. */
  private static int proseBetween(Element from, Element to, TextStats stats) {
    int prose = 0;
    for (Element s = from.nextElementSibling(); s != null && s != to; s = s.nextElementSibling()) {
      prose += stats.get(s).prose();
    }
    return prose;
  }

  /**
   * {@code region} and the elements under it that have at least {@code minChildren} element
   * children, in document order. Walked by sibling links: the parse tree's own lists of
   * children are made and cached on first use, which costs more than the walk.
   */
  private static List<Element> parents(Element region, int minChildren) {
    List<Element> out = new ArrayList<>();
    for (Element e = region; e != null; e = next(e, region)) {
      int children = 0;
      for (Element c = e.firstElementChild(); c != null && children < minChildren;
          c = c.nextElementSibling()) {
        children++;
      }
      if (children >= minChildren) {
        out.add(e);
      }
    }
    return out;
  }

  /** Prose characters that follow {@code e} inside {@code region}, in document order. */
  private static int proseAfter(Element e, Element region, TextStats stats) {
    int prose = 0;
    for (Element a = e; a != null && a != region; a = a.parent()) {
      for (Element s = a.nextElementSibling(); s != null; s = s.nextElementSibling()) {
        prose += stats.get(s).prose();
      }
    }
    return prose;
  }

  /**
   * The card children of {@code parent} in groups of one shape: the same tag and mostly the same
   * class names (at least half of their names shared), so that cards a template tags with their
   * own post number or categories still count as one list.
   */
  private static List<List<Element>> shapeGroups(Element parent, TextStats stats,
      boolean throughWrappers) {
    List<List<Element>> groups = new ArrayList<>();
    List<Set<String>> shapes = new ArrayList<>();
    for (Element child = parent.firstElementChild(); child != null;
        child = child.nextElementSibling()) {
      if (!isCard(throughWrappers ? unwrapped(child) : child, stats.get(child))) {
        continue;
      }
      Set<String> classes = child.classNames();
      int found = -1;
      for (int i = 0; i < groups.size() && found < 0; i++) {
        if (groups.get(i).get(0).normalName().equals(child.normalName())
            && similar(shapes.get(i), classes)) {
          found = i;
        }
      }
      if (found < 0) {
        groups.add(new ArrayList<>());
        shapes.add(classes);
        found = groups.size() - 1;
      }
      groups.get(found).add(child);
    }
    return groups;
  }

  static boolean similar(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    int shared = 0;
    for (String name : a) {
      if (b.contains(name)) {
        shared++;
      }
    }
    return shared * 2 >= a.size() + b.size() - shared;
  }

  /**
   * The element inside {@code e} that holds its blocks: templates often wrap a card's headline,
   * date and summary in one inner element (or a chain of them).
   */
  private static Element unwrapped(Element e) {
    Element inner = e;
    for (int i = 0; i < 4 && inner.childrenSize() == 1
        && !TEXT_TAGS.contains(inner.child(0).normalName()); i++) {
      inner = inner.child(0);
    }
    return inner;
  }

  /**
   * A card is a container of at least two blocks (a headline and a summary), not a paragraph
   * with a link in its running text, and its link is a sizeable part of it.
   */
  private static boolean isCard(Element e, TextStats.Counts c) {
    return c.text() <= MAX_CARD_TEXT && c.links() >= MIN_HEADLINE
        && c.text() - c.links() >= MIN_SUMMARY && c.linkDensity() >= MIN_LINK_SHARE
        && e.childrenSize() >= 2 && !TEXT_TAGS.contains(e.normalName());
  }
}
