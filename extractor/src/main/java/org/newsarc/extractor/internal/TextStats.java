package org.newsarc.extractor.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/**
 * Character counts for every element of a tree, gathered in one iterative walk (deep trees
 * cannot overflow the stack): visible text, text inside links, and "prose" — text in
 * paragraph-like blocks long enough and free enough of links to read as running text.
 * Not thread-safe; build one per page.
 */
public final class TextStats {

  /** Counts for one element. */
  public static final class Counts {
    int text;
    int links;
    int prose;
    int paragraphs;
    int blocks;
    int cells;

    public int text() { return text; }
    public int links() { return links; }
    public int prose() { return prose; }
    public int paragraphs() { return paragraphs; }
    /** Text outside links in table cells that is not prose: the data of tables. */
    public int cells() { return cells; }

    /** Share of the text that sits inside links, 0 to 1. */
    public double linkDensity() {
      return text == 0 ? 0 : (double) links / text;
    }
  }

  private static final Counts EMPTY = new Counts();
  private final Map<Element, Counts> counts = new IdentityHashMap<>();
  /** Elements holding prose, children before their parents. */
  private final List<Element> withProse = new ArrayList<>();

  private TextStats() {}

  /** Counts every element under (and including) {@code root}. */
  public static TextStats of(Element root) {
    return of(root, Set.of());
  }

  /** Counts every element under {@code root}, leaving out the subtrees in {@code skipped}. */
  public static TextStats of(Element root, Set<Element> skipped) {
    TextStats stats = new TextStats();
    NodeTraversor.filter(stats.new Collector(skipped), root);
    return stats;
  }

  /**
   * Takes the subtrees in {@code skipped} out of these counts, as if they had not been
   * walked: their ancestors lose what they held, and neither they nor anything inside them
   * is listed as holding prose any more. Cheaper than a second walk of the page.
   */
  public void exclude(Set<Element> skipped) {
    if (skipped.isEmpty()) {
      return;
    }
    for (Element b : skipped) {
      Counts cb = counts.get(b);
      if (cb == null) {
        continue;
      }
      for (Element a = b.parent(); a != null; a = a.parent()) {
        Counts ca = counts.get(a);
        if (ca == null) {
          break;
        }
        ca.text -= cb.text;
        ca.links -= cb.links;
        ca.prose -= cb.prose;
        ca.paragraphs -= cb.paragraphs;
        ca.cells -= cb.cells;
      }
    }
    List<Element> kept = new ArrayList<>(withProse.size());
    for (Element e : withProse) {
      if (counts.get(e).prose > 0 && !inside(e, skipped)) {
        kept.add(e);
      }
    }
    withProse.clear();
    withProse.addAll(kept);
  }

  private boolean inside(Element e, Set<Element> skipped) {
    for (Element a = e; a != null && counts.containsKey(a); a = a.parent()) {
      if (skipped.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /** The elements that hold some prose, each after its descendants. */
  public List<Element> withProse() {
    return withProse;
  }

  public Counts get(Element e) {
    Counts c = counts.get(e);
    return c == null ? EMPTY : c;
  }

  private final class Collector implements NodeFilter {
    private final Set<Element> skipped;
    private final Deque<Element> blocks = new ArrayDeque<>();
    /** The counts of the elements being walked, innermost on top: a text's parent is on top. */
    private final Deque<Counts> open = new ArrayDeque<>();
    private int linkDepth;
    private int cellDepth;
    private int runChars;
    private int runLinks;

    Collector(Set<Element> skipped) {
      this.skipped = skipped;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof Element e) {
        if (!skipped.isEmpty() && skipped.contains(e)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        Counts c = new Counts();
        counts.put(e, c);
        open.push(c);
        if (Blocks.isBlock(e) || blocks.isEmpty() || Blocks.wrapsBlocks(e)) {
          flushRun();
          blocks.push(e);
        }
        if (e.nameIs("a")) {
          linkDepth++;
        } else if (e.nameIs("td") || e.nameIs("th")) {
          cellDepth++;
        }
      } else if (node instanceof TextNode t && !open.isEmpty()) {
        int n = visibleLength(t.getWholeText());
        Counts c = open.peek();
        if (n > 0) {
          c.text += n;
          runChars += n;
          if (linkDepth > 0) {
            c.links += n;
            runLinks += n;
          }
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (!(node instanceof Element e)) {
        return FilterResult.CONTINUE;
      }
      Counts c = open.pop();
      if (!blocks.isEmpty() && blocks.peek() == e) {
        flushRun();
        blocks.pop();
      }
      if (e.nameIs("a")) {
        linkDepth--;
      } else if (e.nameIs("td") || e.nameIs("th")) {
        cellDepth--;
      }
      if (c.prose > 0) {
        withProse.add(e);
      }
      if (!open.isEmpty()) {
        Counts p = open.peek();
        p.text += c.text;
        p.links += c.links;
        p.prose += c.prose;
        p.paragraphs += c.paragraphs;
        p.cells += c.cells;
      }
      return FilterResult.CONTINUE;
    }

    /** A run of inline text between block boundaries is prose when long and not mostly links. */
    private void flushRun() {
      if (!blocks.isEmpty() && runChars >= 60 && runLinks * 3 < runChars) {
        Counts owner = counts.get(blocks.peek());
        owner.prose += runChars - runLinks;
        owner.paragraphs++;
      } else if (!blocks.isEmpty() && cellDepth > 0) {
        counts.get(blocks.peek()).cells += runChars - runLinks;
      }
      runChars = 0;
      runLinks = 0;
    }
  }

  /** Whether {@code c} is one of the characters that {@code \s} matches in a pattern. */
  static boolean isPatternSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** Length of a text with every run of whitespace counted as one character. */
  static int visibleLength(String s) {
    int n = 0;
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean ws = Character.isWhitespace(ch) || ch == '\u00A0';
      if (ws) {
        if (!space) {
          n++;
        }
        space = true;
      } else {
        n++;
        space = false;
      }
    }
    return n;
  }
}
