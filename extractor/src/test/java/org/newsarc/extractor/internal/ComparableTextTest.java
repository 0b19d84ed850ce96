package org.newsarc.extractor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link BlockFilter#comparable} folds text exactly as its definition by regular expression. */
class ComparableTextTest {

  private static String byDefinition(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return n.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "Hello, World!", "  -- Über Straße — 2024 ½ Ⅻ ",
      "ﬁnance ＡＢＣ １２３", "İstanbul DİYARBAKIR", "𝐁𝐨𝐥𝐝 😀 text", "a\u0301b\u00A0c", "\uD800 lone"})
  void foldsAsDefined(String s) {
    assertEquals(byDefinition(s), BlockFilter.comparable(s));
  }

  @Test
  void foldsRandomTextAsDefined() {
    String alphabet = "aZ09 -_.,!?\t\nÄöüßéÉçñ東京한국ἈΣσς½²Ⅻ١٢ﬁＡ１\u0301\u00A0\u2003😀𝐁\uD800";
    Random random = new Random(12);
    for (int round = 0; round < 2000; round++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(40);
      while (b.length() < length) {
        int at = random.nextInt(alphabet.length());
        char c = alphabet.charAt(at);
        if (Character.isHighSurrogate(c) && at + 1 < alphabet.length()
            && Character.isLowSurrogate(alphabet.charAt(at + 1)) && random.nextBoolean()) {
          b.append(c).append(alphabet.charAt(at + 1));
        } else {
          b.append(c);
        }
      }
      String s = b.toString();
      assertEquals(byDefinition(s), BlockFilter.comparable(s), s);
    }
  }
}
