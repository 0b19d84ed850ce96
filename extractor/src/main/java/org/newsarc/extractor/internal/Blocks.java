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

  /** Elements whose text is counted as prose when it is long enough. */
  public static boolean isParagraphLike(Element e) {
    String n = e.normalName();
    if (PARAGRAPH_TAGS.contains(n)) {
      return !n.equals("td") || e.childrenSize() < 3;
    }
    // A div holding text directly, without block children, is a paragraph in disguise.
    if (n.equals("div") || n.equals("section")) {
      for (Element child : e.children()) {
        if (isBlock(child)) {
          return false;
        }
      }
      return e.childNodeSize() > 0;
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
