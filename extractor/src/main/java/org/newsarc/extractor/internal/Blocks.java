package org.newsarc.extractor.internal;

import java.util.Set;
import org.jsoup.nodes.Element;

/** Which HTML elements start a new block of text, and of which kind. Thread-safe. */
public final class Blocks {

  /** The kinds of block the text renderer distinguishes. */
  public enum Kind { PARAGRAPH, HEADING, LIST_ITEM, QUOTE, PRE, ROW }

  private static final Set<String> BLOCK_TAGS = Set.of(
      "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote",
      "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td",
      "th", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "form", "fieldset",
      "address", "hr", "center", "details", "summary", "caption", "body", "html", "hgroup",
      "menu", "dir", "noscript", "legend", "output", "search");

  private static final Set<String> PARAGRAPH_TAGS = Set.of(
      "p", "pre", "blockquote", "li", "dd", "td", "h2", "h3", "h4");

  private Blocks() {}

  public static boolean isBlock(Element e) {
    return BLOCK_TAGS.contains(e.normalName());
  }

  /**
   * Elements whose text is counted as prose when it is long enough.
   *
   * @param blockDescendants how many block elements the element contains
   */
  public static boolean isParagraphLike(Element e, int blockDescendants) {
    String n = e.normalName();
    if (PARAGRAPH_TAGS.contains(n)) {
      return !n.equals("td") || blockDescendants < 3;
    }
    // A div holding only inline content is a paragraph in disguise.
    return (n.equals("div") || n.equals("section") || n.equals("span") || n.equals("font"))
        && blockDescendants == 0;
  }

  /** An inline element (a span, say) that wraps blocks acts as a block container. */
  public static boolean wrapsBlocks(Element e) {
    // Read the child nodes in place: children() would copy them into a list first.
    for (int i = 0, n = e.childNodeSize(); i < n; i++) {
      if (e.childNode(i) instanceof Element child && isBlock(child)) {
        return true;
      }
    }
    return false;
  }

  public static Kind kindOf(Element e) {
    switch (e.normalName()) {
      case "h1": case "h2": case "h3": case "h4": case "h5": case "h6":
        return Kind.HEADING;
      case "li": case "dt": case "dd":
        return Kind.LIST_ITEM;
      case "blockquote":
        return Kind.QUOTE;
      case "pre":
        return Kind.PRE;
      case "tr":
        return Kind.ROW;
      default:
        return Kind.PARAGRAPH;
    }
  }
}
