package org.newsarc.extractor.internal;

import java.util.List;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

/**
 * Joins text blocks into the article text: paragraphs, headings and quotes separated by a
 * blank line, consecutive list items and table rows by a single line break. Thread-safe.
 */
public final class TextAssembler {

  private TextAssembler() {}

  public static String join(List<TextBlock> blocks) {
    StringBuilder out = new StringBuilder();
    TextBlock previous = null;
    for (TextBlock b : blocks) {
      if (previous != null) {
        boolean tight = sameRun(previous, b);
        out.append(tight ? "\n" : "\n\n");
      }
      out.append(b.text());
      previous = b;
    }
    return out.toString();
  }

  private static boolean sameRun(TextBlock a, TextBlock b) {
    return a.kind() == b.kind()
        && (a.kind() == Blocks.Kind.LIST_ITEM || a.kind() == Blocks.Kind.ROW);
  }

  /** Normalises a plain text (such as a JSON-LD article body) to the same paragraph layout. */
  public static String plain(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\\R")) {
      String l = line.replaceAll("[\\s\\u00A0]+", " ").strip();
      if (!l.isEmpty()) {
        if (out.length() > 0) {
          out.append("\n\n");
        }
        out.append(l);
      }
    }
    return out.toString();
  }
}
