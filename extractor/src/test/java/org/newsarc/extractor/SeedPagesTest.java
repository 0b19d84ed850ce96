package org.newsarc.extractor;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the extractor over every seed page in {@code seeds/site} and compares the result with
 * the page's gold record: every gold paragraph is extracted, in order; no boilerplate string
 * is; title, publication date and language match. Tagged {@code seeds} so that it can be
 * switched on once the extractor is meant to pass it.
 */
@Tag("seeds")
class SeedPagesTest {

  private static final Map<String, String> HEADERS = Map.of("Content-Type", "text/html");

  private final ArticleExtractor extractor = new ArticleExtractor();

  static List<SeedGold> pages() {
    return SeedGold.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void extractsEveryGoldParagraphInOrder(SeedGold gold) throws IOException {
    String text = SeedGold.normalize(extract(gold).text());
    List<String> missing = new ArrayList<>();
    int from = 0;
    for (String paragraph : gold.paragraphs()) {
      String p = SeedGold.normalize(paragraph);
      int at = text.indexOf(p, from);
      if (at < 0) {
        missing.add(text.contains(p) ? "out of order: " + p : p);
      } else {
        from = at + p.length();
      }
    }
    if (!missing.isEmpty()) {
      fail(missing.size() + " of " + gold.paragraphs().size() + " gold paragraphs not extracted:\n  "
          + String.join("\n  ", missing) + "\nextracted text starts: " + head(text));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void extractsNoBoilerplate(SeedGold gold) throws IOException {
    String text = SeedGold.normalize(extract(gold).text());
    List<String> leaked = gold.boilerplate().stream()
        .map(SeedGold::normalize)
        .filter(text::contains)
        .toList();
    assertTrue(leaked.isEmpty(), () -> "boilerplate in extracted text:\n  "
        + String.join("\n  ", leaked));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void extractsTitleDateAndLanguage(SeedGold gold) throws IOException {
    Article article = extract(gold);
    assertAll(
        () -> assertEquals(SeedGold.normalize(gold.title()), SeedGold.normalize(article.title()),
            "title"),
        () -> assertSamePublication(gold.published(), article.published()),
        () -> assertEquals(primaryLanguage(gold.language()), primaryLanguage(article.language()),
            () -> "language: gold " + gold.language() + ", extracted " + article.language()));
  }

  private Article extract(SeedGold gold) throws IOException {
    return extractor.extract(gold.html(), gold.url(), HEADERS);
  }

  /**
   * A gold date-time must be met by the same instant (any offset); a gold date by any value
   * on that calendar day, since the page gives no time.
   */
  static void assertSamePublication(String gold, String extracted) {
    if (extracted == null || extracted.isBlank()) {
      fail("published: gold " + gold + ", extracted nothing");
    }
    if (gold.length() == 10) {
      assertEquals(LocalDate.parse(gold).toString(), extracted.substring(0, Math.min(10, extracted.length())),
          () -> "published: gold " + gold + ", extracted " + extracted);
      return;
    }
    OffsetDateTime want = OffsetDateTime.parse(gold);
    try {
      OffsetDateTime got = OffsetDateTime.parse(extracted);
      assertTrue(want.isEqual(got), () -> "published: gold " + gold + ", extracted " + extracted);
    } catch (DateTimeParseException e) {
      fail("published: gold " + gold + ", extracted " + extracted
          + " (not an ISO 8601 date-time with offset)");
    }
  }

  private static String primaryLanguage(String tag) {
    if (tag == null) {
      return null;
    }
    String t = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = t.indexOf('-');
    return dash < 0 ? t : t.substring(0, dash);
  }

  private static String head(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
