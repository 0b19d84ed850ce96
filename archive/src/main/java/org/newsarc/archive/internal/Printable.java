package org.newsarc.archive.internal;

/**
 * Makes text from a damaged file safe to print: control characters and bytes that are not
 * printable become {@code \xNN}, and long text is cut. Stateless.
 */
public final class Printable {
  private static final int MAX = 300;

  private Printable() {}

  /** {@code text} with every character outside printable ASCII escaped; "" for null. */
  public static String of(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 16);
    for (int i = 0; i < text.length() && out.length() < MAX; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else if (c < 0x100) {
        out.append(String.format("\\x%02X", (int) c));
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    if (out.length() >= MAX) {
      out.append("...");
    }
    return out.toString();
  }
}
