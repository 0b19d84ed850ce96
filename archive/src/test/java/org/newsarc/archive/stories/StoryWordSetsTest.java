package org.newsarc.archive.stories;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hashed word sets the catalog keeps for story matching give the same counts, and so the
 * same verdicts, as the word sets themselves, on every pair of the labelled texts.
 */
class StoryWordSetsTest {
  @Test
  void hashedSetsAgreeWithTheWordSetsOnEveryPair() throws IOException {
    List<Set<String>> sets = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("..", "seeds", "stories"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        sets.add(StorySignature.shingles(Files.readString(f), StorySignature.SHINGLE));
      }
    }
    assertTrue(sets.size() >= 10, "labelled texts found: " + sets.size());
    int same = 0;
    for (Set<String> a : sets) {
      long[] ha = StorySignature.hashed(a);
      assertEquals(a.size(), ha.length);
      for (Set<String> b : sets) {
        long[] hb = StorySignature.hashed(b);
        int inter = StorySignature.intersection(ha, hb);
        assertEquals(StorySignature.intersection(a, b), inter);
        boolean verdict = StorySignature.sameStory(a, b);
        assertEquals(verdict, StorySignature.sameStory(ha.length, hb.length, inter));
        same += verdict && a != b ? 1 : 0;
      }
    }
    assertTrue(same > 0, "some pairs tell one story");
  }

  @Test
  void signatureFromTheHashedSetIsTheSignatureOfTheWords() throws IOException {
    int signed = 0;
    try (Stream<Path> files = Files.list(Path.of("..", "seeds", "stories"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        Set<String> words = StorySignature.shingles(Files.readString(f), StorySignature.SHINGLE);
        long[] expected = StorySignature.signature(words);
        long[] got = StorySignature.signatureOfHashed(StorySignature.hashed(words));
        assertArrayEquals(expected, got, f.toString());
        signed += expected == null ? 0 : 1;
      }
    }
    assertTrue(signed >= 10, "texts long enough to sign: " + signed);
    Set<String> few = StorySignature.shingles("only a handful of words here", 1);
    assertNull(StorySignature.signatureOfHashed(StorySignature.hashed(few)));
  }
}
