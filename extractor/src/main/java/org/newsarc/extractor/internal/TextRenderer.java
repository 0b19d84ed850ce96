package org.newsarc.extractor.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import java.util.Set;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns a DOM subtree into a list of text blocks, one per paragraph, heading, list item, quote
 * or table row, with whitespace normalised and the share of each block's text that sits in
 * links. Not thread-safe; use one per rendering.
 */
public final class TextRenderer implements NodeFilter {

  /**
   * One block of rendered text; {@code source} is the innermost block element it was rendered
   * from (null when unknown).
   */
  public record TextBlock(String text, Blocks.Kind kind, int linkChars, boolean inList,
      Element source) {
    public TextBlock(String text, Blocks.Kind kind, int linkChars, boolean inList) {
      this(text, kind, linkChars, inList, null);
    }

    public double linkDensity() {
      return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
    }
  }

  private final List<TextBlock> blocks = new ArrayList<>();
  private final Deque<Blocks.Kind> kinds = new ArrayDeque<>();
  private final Deque<Element> sources = new ArrayDeque<>();
  private final StringBuilder current = new StringBuilder();
  private int currentLinks;
  private int linkDepth;
  private int preDepth;
  private int listDepth;

  private final Set<Element> skipped;

  private TextRenderer(Set<Element> skipped) {
    this.skipped = skipped;
  }

  /** Renders {@code root}, leaving out the subtrees in {@code skipped}. */
  public static List<TextBlock> render(Element root, Set<Element> skipped) {
    TextRenderer r = new TextRenderer(skipped);
    NodeTraversor.filter(r, root);
    r.flush();
    return r.blocks;
  }

  @Override
  public FilterResult head(Node node, int depth) {
    if (node instanceof Element e && !skipped.isEmpty() && skipped.contains(e)) {
      flush();
      return FilterResult.SKIP_ENTIRELY;
    }
    if (node instanceof TextNode t) {
      append(t.getWholeText());
    } else if (node instanceof Element e) {
      String n = e.normalName();
      if (n.equals("br")) {
        if (preDepth > 0) {
          current.append('\n');
        } else {
          flush();
        }
      } else if (n.equals("td") || n.equals("th")) {
        kinds.push(Blocks.Kind.PARAGRAPH);
        sources.push(e);
        current.append(' ');
      } else if (Blocks.isBlock(e)) {
        flush();
        kinds.push(Blocks.kindOf(e));
        sources.push(e);
        if (n.equals("pre")) {
          preDepth++;
        } else if (n.equals("ul") || n.equals("ol") || n.equals("dl")) {
          listDepth++;
        }
      } else if (n.equals("a")) {
        linkDepth++;
      }
    }
    return FilterResult.CONTINUE;
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    if (node instanceof Element e) {
      String n = e.normalName();
      if (Blocks.isBlock(e) && !n.equals("br")) {
        if (n.equals("td") || n.equals("th")) {
          current.append(' ');
          if (!kinds.isEmpty()) {
            kinds.pop();
            sources.pop();
          }
          return FilterResult.CONTINUE;
        }
        flush();
        if (!kinds.isEmpty()) {
          kinds.pop();
          sources.pop();
        }
        if (n.equals("pre")) {
          preDepth--;
        } else if (n.equals("ul") || n.equals("ol") || n.equals("dl")) {
          listDepth--;
        }
      } else if (n.equals("a")) {
        linkDepth--;
      }
    }
    return FilterResult.CONTINUE;
  }

  private void append(String text) {
    if (preDepth > 0) {
      current.append(text);
      if (linkDepth > 0) {
        currentLinks += text.length();
      }
      return;
    }
    int before = current.length();
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (isSpace(text.charAt(i))) {
        if (current.length() > 0 && current.charAt(current.length() - 1) != ' ') {
          current.append(' ');
        }
        i++;
      } else {
        // Copy the whole run up to the next space at once, leaving out soft hyphens: they
        // only mark where a browser may break a word, and split it for every reader of the text.
        int start = i;
        while (i < n && !isSpace(text.charAt(i))) {
          if (text.charAt(i) == SOFT_HYPHEN) {
            current.append(text, start, i);
            start = i + 1;
          }
          i++;
        }
        current.append(text, start, i);
      }
    }
    if (linkDepth > 0) {
      currentLinks += current.length() - before;
    }
  }

  /** U+00AD, {@code &shy;}: a place where a word may be broken, invisible otherwise. */
  private static final char SOFT_HYPHEN = '\u00AD';

  private static boolean isSpace(char ch) {
    return Character.isWhitespace(ch) || ch == '\u00A0' || ch == '\u200B';
  }

  private void flush() {
    String text = preDepth > 0 ? stripBlankLines(current.toString()) : current.toString().strip();
    if (!text.isEmpty()) {
      Blocks.Kind kind = kinds.isEmpty() ? Blocks.Kind.PARAGRAPH : kinds.peek();
      Element source = sources.isEmpty() ? null : sources.peek();
      blocks.add(new TextBlock(text, kind, Math.min(currentLinks, text.length()), listDepth > 0,
          source));
    }
    current.setLength(0);
    currentLinks = 0;
  }

  private static String stripBlankLines(String s) {
    String t = s.replaceAll("^\\s*\\n", "");
    return t.stripTrailing();
  }
}
