package org.newsarc.extractor.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs text that a site encoded as UTF-8 twice: UTF-8 bytes read back as Latin-1 and
 * encoded again, so that a page declaring and holding valid UTF-8 shows "donâ\u0080\u0099t" for
 * "don’t". Such a run is a lead character U+00C2–U+00F4 followed by the continuation characters
 * U+0080–U+00BF that UTF-8 asks for, and together they decode as UTF-8. A text is repaired only
 * when at least one run holds a C1 control character (U+0080–U+009F), which no written text
 * uses: that is the evidence, and then every run of the text is decoded ("Ã©" as "é" too). A
 * text without C1 controls is returned as it is after one scan of its characters.
 */
public final class Mojibake {
  private Mojibake() {}

  /** {@code s} with its doubly encoded runs decoded; {@code s} itself when it has none. */
  public static String repair(String s) {
    if (s == null || !hasC1(s, 0, s.length())) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean evidence = false;
    int i = 0;
    while (i < s.length()) {
      int n = runLength(s, i);
      String decoded = n > 0 ? decode(s, i, n) : null;
      if (decoded != null) {
        evidence |= hasC1(s, i, i + n);
        out.append(decoded);
        i += n;
      } else {
        out.append(s.charAt(i++));
      }
    }
    return evidence ? out.toString() : s;
  }

  /** Whether a C1 control character lies in {@code s} from {@code from} up to {@code to}. */
  private static boolean hasC1(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 && c <= 0x9F) {
        return true;
      }
    }
    return false;
  }

  /** Length of the lead-plus-continuations run at {@code i}, or 0 when there is none. */
  private static int runLength(String s, int i) {
    char lead = s.charAt(i);
    int continuations = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2
        : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
    if (continuations == 0 || i + continuations >= s.length()) {
      return 0;
    }
    for (int k = 1; k <= continuations; k++) {
      char c = s.charAt(i + k);
      if (c < 0x80 || c > 0xBF) {
        return 0;
      }
    }
    return continuations + 1;
  }

  /** The run at {@code i} of {@code n} characters decoded as UTF-8 bytes, or null if invalid. */
  private static String decode(String s, int i, int n) {
    byte[] bytes = new byte[n];
    for (int k = 0; k < n; k++) {
      bytes[k] = (byte) s.charAt(i + k);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
