package org.newsarc.extractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsarc.extractor.internal.Rules;

class ExtractionRuleTest {

  private static final String PARAGRAPH = "The council of the town voted on Tuesday evening on the"
      + " plan for the harbour, which the mayor had put forward after a long debate that lasted"
      + " for most of the spring.";

  /** A page whose headline stands again at the top of the article's text. */
  private static byte[] pageWithHeadline() {
    return ("<html><head><title>Council votes on the harbour plan</title></head><body><article>"
        + "<h1>Council votes on the harbour plan</h1><p>" + PARAGRAPH + "</p><p>"
        + PARAGRAPH.replace("Tuesday", "Wednesday") + "</p><p>"
        + PARAGRAPH.replace("Tuesday", "Friday") + "</p></article></body></html>")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void namesAreUniqueAndLowerCase() {
    Set<String> ids = new HashSet<>();
    for (ExtractionRule r : ExtractionRule.values()) {
      assertTrue(ids.add(r.id()), "two rules named " + r.id());
      assertTrue(r.id().matches("[a-z]+(-[a-z]+)*"), r.id());
      assertFalse(r.description().isBlank(), r.id());
    }
  }

  @Test
  void findsARuleByNameWhateverItsCase() {
    assertEquals(ExtractionRule.COMMENT_COUNT, ExtractionRule.byId(" Comment-Count "));
    assertEquals(EnumSet.of(ExtractionRule.HEADLINE, ExtractionRule.LEGAL_PRINT),
        ExtractionRule.parseList("headline, legal-print,"));
    assertTrue(ExtractionRule.parseList(null).isEmpty());
    assertTrue(ExtractionRule.parseList("  ").isEmpty());
  }

  @Test
  void anUnknownNameIsRefusedNamingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExtractionRule.parseList("headline,headlines"));
    assertTrue(e.getMessage().contains("no extraction rule named 'headlines'"), e.getMessage());
    assertTrue(e.getMessage().contains("comment-thread"), e.getMessage());
  }

  @Test
  void aRuleSwitchedOffNoLongerActs() throws ExtractionException {
    String on = new ArticleExtractor().extract(pageWithHeadline(), "https://example.org/a", Map.of())
        .text();
    String off = new ArticleExtractor(
        ExtractorOptions.DEFAULTS.withoutRules(EnumSet.of(ExtractionRule.HEADLINE)))
        .extract(pageWithHeadline(), "https://example.org/a", Map.of()).text();
    assertTrue(on.startsWith("The council"), on);
    assertTrue(off.startsWith("Council votes on the harbour plan\n"), off);
    assertTrue(off.endsWith(on), off);
  }

  @Test
  void aScopeRecordsTheRulesThatActedOnThePage() throws ExtractionException {
    try (Rules scope = Rules.open(Set.of())) {
      new ArticleExtractor().extract(pageWithHeadline(), "https://example.org/a", Map.of());
      assertTrue(scope.fired().contains(ExtractionRule.HEADLINE), scope.fired().toString());
      assertFalse(scope.fired().contains(ExtractionRule.COMMENT_THREAD), scope.fired().toString());
    }
  }
}
