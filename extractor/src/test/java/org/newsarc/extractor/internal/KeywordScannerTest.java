package org.newsarc.extractor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeywordScannerTest {

  @Test
  void findsAKeywordInAnyCase() {
    KeywordScanner s = new KeywordScanner("newsletter", "abo", "ü");
    assertTrue(s.containsAnyIgnoreCase("Our NEWSLETTER, weekly"));
    assertTrue(s.containsAnyIgnoreCase("Probeabo"));
    assertTrue(s.containsAny("grün"));
    assertFalse(s.containsAnyIgnoreCase("News letter"));
    assertFalse(s.containsAnyIgnoreCase("a"));
  }

  @Test
  void tellsEveryGroupWhoseKeywordOccursInOnePass() {
    KeywordScanner s = KeywordScanner.ofGroups(
        new String[] {"newsletter", "inbox"},
        new String[] {"spende", "inbox"},
        new String[] {"einverständnis"});
    assertEquals(0b001L, s.groupsIn("Get the Newsletter"));
    assertEquals(0b011L, s.groupsIn("straight to your INBOX"));
    assertEquals(0b110L, s.groupsIn("Jede Spende ohne dein Einverständnis"));
    assertEquals(0b111L, s.groupsIn("newsletter, spende, EINVERSTÄNDNIS"));
    assertEquals(0L, s.groupsIn("nothing of the kind"));
    assertEquals(0L, s.groupsIn(""));
    KeywordScanner withSingle = KeywordScanner.ofGroups(new String[] {"©"}, new String[] {"rights"});
    assertEquals(0b11L, withSingle.groupsIn("© 2024 All rights reserved"));
    assertEquals(0b01L, withSingle.groupsIn("©"));
    assertTrue(KeywordScanner.has(0b10L, 1));
    assertFalse(KeywordScanner.has(0b10L, 0));
  }

  @Test
  void answersAsASearchAtEveryPositionWould() {
    // Keywords of two characters and of more, sharing their first two, with a third that is
    // ASCII or not: the pair and three-character tables must pass every real match through.
    // Pairs outside ASCII pass through their own bit table (Cyrillic here) before the map.
    String[][] groups = {{"ab", "abc", "gr\u00fcn"}, {"abd", "b\u00e4r", "zz"}, {"cab", "ba", "\u00fcb"},
        {"\u043f\u043e\u0434", "\u0434\u0430", "a\u043e"}};
    KeywordScanner scanner = KeywordScanner.ofGroups(groups);
    String alphabet = "abcdgrnzABCDGRNZ\u00fc\u00dc\u00e4\u00c4 \u043f\u043e\u0434\u0430\u041f\u0414";
    java.util.Random random = new java.util.Random(7);
    for (int run = 0; run < 20_000; run++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(9); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = text.toString();
      long expected = 0;
      for (int g = 0; g < groups.length; g++) {
        for (String k : groups[g]) {
          for (int at = 0; at + k.length() <= t.length(); at++) {
            if (t.regionMatches(true, at, k, 0, k.length())) {
              expected |= 1L << g;
            }
          }
        }
      }
      assertEquals(expected, scanner.groupsIn(t), t);
    }
  }

  @Test
  void refusesWhatItCannotAnswer() {
    assertThrows(IllegalArgumentException.class, () -> new KeywordScanner(""));
    assertThrows(IllegalArgumentException.class,
        () -> KeywordScanner.ofGroups(new String[65][0]));
    assertThrows(IllegalStateException.class, () -> new KeywordScanner("ab").groupsIn("ab"));
  }
}
