package org.newsarc.extractor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MojibakeTest {
  /** What a site that encodes UTF-8 twice serves: UTF-8 bytes read as Latin-1. */
  private static String twice(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  @Test
  void doublyEncodedPunctuationAndLettersAreDecoded() {
    String text = "I don’t think “café” costs 5 € — Émile said so.";
    assertEquals(text, Mojibake.repair(twice(text)));
  }

  @Test
  void lettersAloneAreNoEvidenceAndStayAsWritten() {
    // "Ã©" could be meant (no C1 control anywhere): left alone.
    String s = "PreÃ§o: SÃ£o Paulo";
    assertSame(s, Mojibake.repair(s));
    String clean = "Überall in São Paulo, naïve café – “quoted”";
    assertSame(clean, Mojibake.repair(clean));
  }

  @Test
  void aStrayControlCharacterThatDecodesToNothingChangesNothing() {
    String s = "value \u0085 next, and a lone Ã at the end Ã";
    assertEquals(s, Mojibake.repair(s));
    assertEquals(null, Mojibake.repair(null));
    assertEquals("", Mojibake.repair(""));
  }

  @Test
  void aRunCutAtTheEndOfTheTextIsKept() {
    String cut = twice("it’s") + "â\u0080";
    assertEquals("it’sâ\u0080", Mojibake.repair(cut));
  }
}
