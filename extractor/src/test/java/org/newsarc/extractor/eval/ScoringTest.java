package org.newsarc.extractor.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring functions of the evaluation, on small hand-made cases. */
class ScoringTest {

  @Test
  void tokenF1CountsMultisetOverlapOfLowercasedWordTokens() {
    // pred: the(2) cat sat; gold: the cat sat on mat -> overlap 3, P=3/4, R=3/5
    double f1 = TokenF1.score("The the cat, sat!", "the cat sat on the_mat");
    // gold tokens: the, cat, sat, on, the_mat (underscore joins) -> overlap the,cat,sat = 3
    assertEquals(2 * 0.75 * 0.6 / (0.75 + 0.6), f1, 1e-9);
  }

  @Test
  void tokenF1EdgeCases() {
    assertEquals(1.0, TokenF1.score("", ""));
    assertEquals(1.0, TokenF1.score("...", " "));
    assertEquals(0.0, TokenF1.score("", "gold text"));
    assertEquals(0.0, TokenF1.score("something", ""));
    assertEquals(0.0, TokenF1.score("alpha", "beta"));
    assertEquals(1.0, TokenF1.score("Grüße aus Köln 2024", "grüße, aus köln — 2024"));
  }

  @Test
  void snippetCountsPoolOverPages() {
    SnippetCounts a = SnippetCounts.of("The quick  brown\nfox jumps.", List.of("quick brown fox", "lazy dog"),
        List.of("Impressum", "jumps."));
    assertEquals(new SnippetCounts(1, 1, 1, 1), a);
    SnippetCounts b = SnippetCounts.of("", List.of("x"), List.of("y"));
    assertEquals(new SnippetCounts(0, 0, 1, 1), b);
    SnippetCounts sum = a.plus(b);
    assertEquals(0.5, sum.precision(), 1e-9);
    assertEquals(1.0 / 3, sum.recall(), 1e-9);
    assertEquals(2.0 / (2 + 1 + 2), sum.f1(), 1e-9);
  }

  @Test
  void fieldsMatchAfterNfkcLowercaseAndPunctuationFolding() {
    assertTrue(FieldMatch.exact("Hello, World!", "hello world"));
    assertTrue(FieldMatch.exact("ﬁne – print", "fine print"));
    assertFalse(FieldMatch.exact("Hello World | Site", "hello world"));
    assertFalse(FieldMatch.exact(null, "x"));
    assertTrue(FieldMatch.exact("EN-us", "en-US"));
    assertFalse(FieldMatch.exact("en_US", "en-US"), "underscore is a word character");
  }

  @Test
  void authorMatchesWhenGoldNameIsContained() {
    assertTrue(FieldMatch.author("Jane Doe, John Roe", "John Roe"));
    assertTrue(FieldMatch.author("By JANE DOE", "jane doe"));
    assertFalse(FieldMatch.author("Jane", "Jane Doe"));
    assertFalse(FieldMatch.author(null, "Jane Doe"));
  }

  @Test
  void datesCompareOnTheirFirstTenCharacters() {
    assertTrue(FieldMatch.date("2022-03-15T13:59:00+08:00", "2022-03-15"));
    assertFalse(FieldMatch.date("2022-03-16", "2022-03-15"));
    assertFalse(FieldMatch.date("2022", "2022-03-15"));
    assertFalse(FieldMatch.date(null, "2022-03-15"));
  }

  @Test
  void floorsFailFiguresBelowThemAndMissingOnes() {
    Floors floors = Floors.parse(List.of("# comment", "", "setA\ttext_f1\t0.8",
        "setA\tdate_acc\t0.5", "setB\tsnippet_f1\t0.9"), "test");
    List<Metric> metrics = List.of(new Metric("setA", "text_f1", 0.79, 10));
    List<Floors.Breach> breaches = floors.check(metrics);
    assertEquals(2, breaches.size());
    assertEquals("text_f1", breaches.get(0).metric());
    assertNull(breaches.get(1).value());
    assertTrue(floors.check(List.of(new Metric("setA", "text_f1", 0.8, 1),
        new Metric("setA", "date_acc", 0.6, 1))).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> Floors.parse(List.of("a\tb"), "bad"));
  }
}
