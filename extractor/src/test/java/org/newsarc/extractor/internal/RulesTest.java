package org.newsarc.extractor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsarc.extractor.ExtractionRule;

class RulesTest {

  @Test
  void withNoScopeEveryRuleActsWhereItApplies() {
    assertTrue(Rules.fires(ExtractionRule.HEADLINE, true));
    assertFalse(Rules.fires(ExtractionRule.HEADLINE, false));
  }

  @Test
  void aScopeSwitchesRulesOffAndRecordsTheOnesThatApplied() {
    try (Rules scope = Rules.open(EnumSet.of(ExtractionRule.LABELS))) {
      assertFalse(Rules.fires(ExtractionRule.LABELS, true));
      assertTrue(Rules.fires(ExtractionRule.HEADLINE, true));
      assertFalse(Rules.fires(ExtractionRule.SIGN_OFF, false));
      assertEquals(EnumSet.of(ExtractionRule.LABELS, ExtractionRule.HEADLINE), scope.fired());
    }
    assertTrue(Rules.fires(ExtractionRule.LABELS, true), "the scope ended with close()");
  }

  @Test
  void anInnerScopeGivesWayToTheOuterOneWhenClosed() {
    try (Rules outer = Rules.open(Set.of())) {
      try (Rules inner = Rules.open(EnumSet.of(ExtractionRule.HEADLINE))) {
        assertFalse(Rules.fires(ExtractionRule.HEADLINE, true));
        assertEquals(EnumSet.of(ExtractionRule.HEADLINE), inner.fired());
      }
      assertTrue(Rules.fires(ExtractionRule.HEADLINE, true));
      assertEquals(EnumSet.of(ExtractionRule.HEADLINE), outer.fired());
    }
  }
}
