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
  void refusesWhatItCannotAnswer() {
    assertThrows(IllegalArgumentException.class, () -> new KeywordScanner(""));
    assertThrows(IllegalArgumentException.class,
        () -> KeywordScanner.ofGroups(new String[65][0]));
    assertThrows(IllegalStateException.class, () -> new KeywordScanner("ab").groupsIn("ab"));
  }
}
