package org.newsarc.extractor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

/**
 * One line between two paragraphs of an article, put through {@link BlockFilter}: for the tests
 * of the rules that tell a line by what it says.
 */
final class ArticleLines {

  static final String PROSE = "The council voted on Tuesday to approve the new plan after a long "
      + "debate that lasted well into the night, and the mayor said the work would start in spring.";
  static final String MORE = "Work on the bus lanes starts in March and is to be finished "
      + "before the summer holidays begin, the city's transport office said in a statement.";

  private ArticleLines() {}

  /** What the filter keeps of the paragraphs around {@code line}, in an article. */
  static List<String> keptAround(String line) {
    TextBlock before = new TextBlock(PROSE, Blocks.Kind.PARAGRAPH, 0, false);
    TextBlock it = new TextBlock(line, Blocks.Kind.PARAGRAPH, 0, false);
    TextBlock after = new TextBlock(MORE, Blocks.Kind.PARAGRAPH, 0, false);
    return BlockFilter.filter(List.of(before, it, after), "Council approves plan", true)
        .stream().map(TextBlock::text).toList();
  }

  /** The filter takes {@code line} out of the article and keeps the paragraphs around it. */
  static void assertGoes(String line) {
    assertEquals(List.of(PROSE, MORE), keptAround(line), line);
  }

  /** The filter keeps {@code line} with the paragraphs around it. */
  static void assertStays(String line) {
    assertEquals(List.of(PROSE, line, MORE), keptAround(line), line);
  }
}
