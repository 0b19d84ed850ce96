package org.newsarc.extractor.internal;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reads the publication date a page states in words next to a label, for {@link DateFinder}.
 * Stateless and thread-safe.
 */
final class PublicationLabel {

  /** Words that label the day a page was published, in the languages of the corpora. */
  private static final String[] PUBLICATION_LABELS = {
      "veröffentlicht am", "erschienen am", "erstellt am", "publiziert am", "published on",
      "posted on", "publié le", "publicado el", "pubblicato il", "gepubliceerd op",
      "opublikowano", "date de publication", "data di pubblicazione", "fecha de publicación"};
  private static final KeywordScanner PUBLICATION_LABEL_SCAN = new KeywordScanner(PUBLICATION_LABELS);

  /** Text nodes looked at for a publication label; the label sits near the top. */
  private static final int MAX_LABEL_NODES = 4000;

  private PublicationLabel() {}

  /**
   * A date the page labels as its publication in words ("Veröffentlicht am 16.08.2019",
   * "Published on March 3, 2021"): the first such label in the body whose next 40 characters
   * hold a date. Labels of changes ("updated", "Stand") are not among them.
   */
  static String find(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return null;
    }
    String[] found = new String[1];
    NodeTraversor.filter(new NodeFilter() {
      private int seen;

      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Element e && (e.nameIs("script") || e.nameIs("style"))) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (!(node instanceof TextNode t)) {
          return FilterResult.CONTINUE;
        }
        if (++seen > MAX_LABEL_NODES) {
          return FilterResult.STOP;
        }
        String text = t.getWholeText();
        if (text.length() < 8 || !PUBLICATION_LABEL_SCAN.containsAnyIgnoreCase(text)) {
          return FilterResult.CONTINUE;
        }
        int at = labelAt(text.toLowerCase(Locale.ROOT));
        if (at < 0) {
          return FilterResult.CONTINUE;
        }
        String after = text.substring(at) + " " + followingText(t, 60);
        String d = DateParser.parseHuman(after.substring(0, Math.min(after.length(), 70)));
        if (d != null) {
          found[0] = d;
          return FilterResult.STOP;
        }
        return FilterResult.CONTINUE;
      }
    }, body);
    return found[0];
  }

  private static int labelAt(String lower) {
    int best = -1;
    for (String label : PUBLICATION_LABELS) {
      int i = lower.indexOf(label);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }

  /** Up to {@code max} characters of the text after {@code t} in document order. */
  private static String followingText(TextNode t, int max) {
    StringBuilder out = new StringBuilder();
    Node n = t;
    while (out.length() < max && (n = nextNode(n)) != null) {
      if (n instanceof TextNode next) {
        out.append(next.getWholeText()).append(' ');
      }
    }
    return out.toString();
  }

  private static Node nextNode(Node n) {
    if (n.childNodeSize() > 0) {
      return n.childNode(0);
    }
    for (Node x = n; x != null; x = x.parent()) {
      Node next = x.nextSibling();
      if (next != null) {
        return next;
      }
    }
    return null;
  }
}
