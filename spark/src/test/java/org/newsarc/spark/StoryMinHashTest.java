package org.newsarc.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoryMinHashTest {
  private static final String STORY = "The river rose by two metres overnight as snow melted in"
      + " the hills, and farmers moved their animals to higher ground before dawn. The council"
      + " opened the school gym for families from the lower streets, and volunteers brought"
      + " blankets, soup and dry clothes until the water began to fall on Sunday afternoon.";

  @Test
  void wordsAreLowerCasedRunsOfLettersOrDigits() {
    assertEquals(List.of("état", "2024", "s", "ok"), StoryMinHash.words("État—2024's OK!"));
  }

  @Test
  void sameTextSameSignatureWhateverTheSpacingAndCase() {
    assertArrayEquals(StoryMinHash.signature(STORY),
        StoryMinHash.signature("  " + STORY.toUpperCase(java.util.Locale.ROOT).replace(" ", "\n")));
  }

  @Test
  void aLightlyEditedCopyIsLinkedAnotherStoryIsNot() {
    long[] story = StoryMinHash.signature(STORY);
    long[] edited = StoryMinHash.signature(STORY.replace("Sunday", "Monday")
        + " Updated at noon.");
    long[] other = StoryMinHash.signature("Ferry fares on the island link rise by a tenth from"
        + " May, the operator said, blaming fuel costs and a new harbour levy that the port"
        + " authority introduced after two years of losses on the winter crossings.");
    assertTrue(StoryMinHash.linked(story, edited), "similarity "
        + StoryMinHash.similarity(story, edited));
    assertFalse(StoryMinHash.linked(story, other), "similarity "
        + StoryMinHash.similarity(story, other));
  }

  @Test
  void aTextWithoutWordsHasNoSignatureAndAShortOneHasOne() {
    assertNull(StoryMinHash.signature(" -- "));
    assertNull(StoryMinHash.signature(null));
    assertEquals(StoryMinHash.HASHES, StoryMinHash.signature("two words").length);
  }

  @Test
  void bandsCoverTheSignature() {
    long[] sig = StoryMinHash.signature(STORY);
    assertEquals(StoryMinHash.HASHES, StoryMinHash.BANDS * StoryMinHash.ROWS);
    assertFalse(StoryMinHash.bandKey(sig, 0).equals(StoryMinHash.bandKey(sig, 1)));
  }
}
