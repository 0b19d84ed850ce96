package org.newsarc.extractor.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsarc.extractor.ExtractionRule;

class RuleAblationTest {

  private static final List<String> SETS = List.of("a", "b", "c");

  private static Map<ExtractionRule, Map<String, Double>> gains(ExtractionRule rule, double a,
      double b, double c) {
    Map<ExtractionRule, Map<String, Double>> g = new EnumMap<>(ExtractionRule.class);
    for (ExtractionRule r : ExtractionRule.values()) {
      g.put(r, Map.of("a", 0.0, "b", 0.001, "c", 0.001));
    }
    g.put(rule, Map.of("a", a, "b", b, "c", c));
    return g;
  }

  @Test
  void aRuleIsChosenWhenTheOtherCorporaGainOnTheWhole() {
    // Held out a: b gains, c loses no more than the tolerance.
    assertFalse(RuleAblation.notChosen("a", SETS,
        gains(ExtractionRule.LABELS, -0.05, 0.003, -0.002), true).contains(ExtractionRule.LABELS));
    // c loses more than the tolerance: not chosen, whatever b gains.
    assertTrue(RuleAblation.notChosen("a", SETS,
        gains(ExtractionRule.LABELS, 0.05, 0.01, -0.0021), true).contains(ExtractionRule.LABELS));
    // The others lose on the whole.
    assertTrue(RuleAblation.notChosen("a", SETS,
        gains(ExtractionRule.LABELS, 0.05, 0.001, -0.0015), true).contains(ExtractionRule.LABELS));
    // The held-out corpus's own gain does not count.
    assertTrue(RuleAblation.notChosen("c", SETS,
        gains(ExtractionRule.LABELS, 0, 0, 0.05), false).contains(ExtractionRule.LABELS));
  }

  @Test
  void aRuleTheOthersDoNotMoveIsChosenOnlyWhenTheIssueNamesIt() {
    Map<ExtractionRule, Map<String, Double>> g = gains(ExtractionRule.COMMENT_THREAD, 0.01, 0, 0);
    g.put(ExtractionRule.LEGAL_PRINT, Map.of("a", 0.01, "b", 0.0, "c", 0.0));
    Set<ExtractionRule> strict = RuleAblation.notChosen("a", SETS, g, true);
    Set<ExtractionRule> issue = RuleAblation.notChosen("a", SETS, g, false);
    assertTrue(strict.contains(ExtractionRule.COMMENT_THREAD));
    assertTrue(strict.contains(ExtractionRule.LEGAL_PRINT));
    assertFalse(issue.contains(ExtractionRule.COMMENT_THREAD));
    assertTrue(issue.contains(ExtractionRule.LEGAL_PRINT));
    assertFalse(strict.contains(ExtractionRule.HEADLINE), "rules both others gain on stay");
  }

  @Test
  void eachCorpusIsJudgedByItsMainFigure() {
    Metric text = new Metric("s", "text_f1", 0.9, 10);
    Metric date = new Metric("s", "date_acc", 0.9, 10);
    Metric title = new Metric("s", "title_match", 0.7, 10);
    assertEquals("text_f1", RuleAblation.mainFigure(List.of(date, title, text)));
    assertEquals("title_match", RuleAblation.mainFigure(List.of(date, title)));
    assertEquals("date_acc", RuleAblation.mainFigure(List.of(date)));
    assertThrows(IllegalArgumentException.class, () -> RuleAblation.mainFigure(List.of()));
  }
}
