package org.newsarc.archive.stories;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-pass word hashing and the MinHash loops give exactly what the first definitions
 * gave (kept here as the reference): signatures already stored in catalogs stay comparable
 * with new ones.
 */
class StoryWordHashesTest {

  @Test
  void wordHashesAreTheHashesOfTheContentWords() throws IOException {
    List<String> texts = labelledTexts();
    texts.add("");
    texts.add(null);
    texts.add("Ünïcödé WÖRTER und ZAHLEN 2024 über über Straße STRASSE ﬁnden Ⅻ ①②③ ½ x²");
    texts.add("İstanbul'da İSTANBUL ǅemal ǲ 𝐀𝐁𝐂𝐃 𐐀𐐁𐐂𐐃𐐄 𠀀𠀁𠀂𠀃 ١٢٣٤ ๑๒ abc1 a1 ab 12");
    texts.add("that with from this have were will said nicht eine dans pour THAT With Thats");
    texts.add("e\u0301cole e\u0301cole école naïve cafe\u0301 \uD800 lone \uDC00 halves \uD83D\uDE00x");
    Random random = new Random(20261206);
    for (int i = 0; i < 300; i++) {
      texts.add(randomText(random));
    }
    for (String t : texts) {
      long[] expected = StorySignature.hashed(StorySignature.shingles(t, 1));
      assertArrayEquals(expected, StorySignature.wordHashes(t), String.valueOf(t));
    }
  }

  @Test
  void signaturesAreTheFirstDefinitionsValues() throws IOException {
    int signed = 0;
    List<String> texts = labelledTexts();
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      texts.add(randomText(random));
    }
    for (String t : texts) {
      Set<String> words = StorySignature.shingles(t, 1);
      long[] expected = referenceSignature(words);
      assertArrayEquals(expected, StorySignature.signature(words));
      assertArrayEquals(expected, StorySignature.signatureOfHashed(StorySignature.wordHashes(t)));
      StoryText story = StoryText.of(t);
      assertArrayEquals(expected, story.signature());
      assertArrayEquals(StorySignature.hashed(words), story.words());
      signed += expected == null ? 0 : 1;
    }
    assertTrue(signed >= 10, "texts long enough to sign: " + signed);
  }

  @Test
  void aKnownTextKeepsItsSignature() {
    // Pinned values: a change here means stored signatures no longer meet new ones.
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      sb.append("word").append(i).append(' ');
    }
    long[] sig = StorySignature.signature(sb.toString());
    assertEquals(StorySignature.HASHES, sig.length);
    assertEquals(-8041992952183353576L, sig[0]);
    assertEquals(-8953049507461336673L, sig[1]);
    assertEquals(-8420030720389687997L, sig[254]);
    assertArrayEquals(sig, StoryText.of(sb.toString()).signature());
  }

  private static List<String> labelledTexts() throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("..", "seeds", "stories"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        texts.add(Files.readString(f));
      }
    }
    assertTrue(texts.size() >= 10, "labelled texts found: " + texts.size());
    return texts;
  }

  /** Words from several scripts and number forms, with punctuation, case and stray marks. */
  private static String randomText(Random random) {
    String[] pieces = {"the", "that", "with", "nicht", "über", "Straße", "École", "naïve",
        "2024", "x2", "ab", "abc", "abcd", "ΑΘΗΝΑ", "αθηνα", "Москва", "東京都", "서울특별시",
        "१२३४", "٣٤", "Ⅻ", "½", "①", "𝐀𝐁𝐂𝐃", "𐐀𐐁", "𠀀𠀁𠀂", "İzmir", "ǅ", "ﬁne", "e\u0301t\u0301e",
        "don't", "e-mail", "U.S.", "\uD800", "\uDC01", "😀", "—", "…", "\u00A0", "\t", "\n"};
    StringBuilder sb = new StringBuilder();
    int n = 5 + random.nextInt(120);
    for (int i = 0; i < n; i++) {
      if (random.nextInt(10) == 0) {
        sb.appendCodePoint(random.nextInt(0x2FFFF) + 1);
      } else {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      sb.append(random.nextInt(4) == 0 ? "" : " ");
    }
    return sb.toString();
  }

  /** MinHash as first written: one loop, a branch per value, FNV-1a over UTF-8 bytes. */
  private static long[] referenceSignature(Set<String> words) {
    if (words.size() < StorySignature.MIN_WORDS) {
      return null;
    }
    long[] sig = new long[StorySignature.HASHES];
    java.util.Arrays.fill(sig, Long.MAX_VALUE);
    for (String w : words) {
      long base = 0xCBF29CE484222325L;
      for (byte b : w.getBytes(StandardCharsets.UTF_8)) {
        base ^= b & 0xff;
        base *= 0x100000001B3L;
      }
      for (int i = 0; i < StorySignature.HASHES; i++) {
        long z = base + 0x9E3779B97F4A7C15L * (i + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        if (z < sig[i]) {
          sig[i] = z;
        }
      }
    }
    return sig;
  }
}
