package org.newsarc.extractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input: the extractor answers with an {@link ExtractionException} or an
 * empty result, never another exception, and never hangs. The time limits here guard against
 * hangs only; they are far above normal extraction times.
 */
class BadInputTest {

  private static final Duration NO_HANG = Duration.ofSeconds(30);
  private final ArticleExtractor extractor = new ArticleExtractor();

  @Test
  void emptyInputIsAClearError() {
    ExtractionException e = assertThrows(ExtractionException.class,
        () -> extractor.extract(new byte[0], "https://example.org/a", Map.of()));
    assertTrue(e.getMessage().contains("empty"));
    assertThrows(ExtractionException.class, () -> extractor.extract(null, null, null));
  }

  @Test
  void binaryDataIsAClearError() {
    byte[] junk = new byte[50_000];
    new Random(42).nextBytes(junk);
    ExtractionException e = assertThrows(ExtractionException.class,
        () -> extractor.extract(junk, "https://example.org/x.bin", Map.of()));
    assertTrue(e.getMessage().contains("binary"));
  }

  @Test
  void whitespaceOnlyPageGivesAnEmptyArticle() throws ExtractionException {
    Article a = extractor.extract("   \n\t ".getBytes(StandardCharsets.UTF_8), "https://example.org/", Map.of());
    assertEquals("", a.text());
    assertFalse(a.isArticle());
  }

  @Test
  void twentyMegabytePageIsBoundedInTime() {
    StringBuilder sb = new StringBuilder(21 << 20);
    sb.append("<html><head><title>Big</title></head><body><article>");
    String para = "All work and no play makes a very long page indeed. ".repeat(8) + "</p>\n";
    // Numbered, because a paragraph the page repeats word for word is kept only once.
    for (int i = 0; sb.length() < 20 << 20; i++) {
      sb.append("<p>Part ").append(i).append(". ").append(para);
    }
    sb.append("</article></body></html>");
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    Article a = assertTimeoutPreemptively(NO_HANG,
        () -> extractor.extract(bytes, "https://example.org/big", Map.of()));
    assertTrue(a.text().length() > 1000);
    assertTrue(a.text().length() <= ExtractorOptions.DEFAULTS.maxInputBytes());
  }

  @Test
  void tenThousandLevelsOfNestingDoNotOverflow() {
    String deep = "<div>".repeat(10_000) + "<p>" + "Deep inside the markup there is a sentence. ".repeat(5)
        + "</p>" + "</div>".repeat(10_000);
    String page = "<html><body>" + deep + "</body></html>";
    Article a = assertTimeoutPreemptively(NO_HANG,
        () -> extractor.extract(page.getBytes(StandardCharsets.UTF_8), "https://example.org/deep", Map.of()));
    assertTrue(a.text().contains("Deep inside the markup"));
  }

  @Test
  void unclosedInlineTagsRepeatedDoNotBlowUp() {
    String page = "<html><body>" + "<b><i><span>x".repeat(20_000) + "</body></html>";
    assertTimeoutPreemptively(NO_HANG, () -> {
      try {
        extractor.extract(page.getBytes(StandardCharsets.UTF_8), "https://example.org/tags", Map.of());
      } catch (ExtractionException e) {
        assertFalse(e.getMessage().isEmpty());
      }
    });
  }

  @Test
  void utf8PageDeclaredAsLatin1IsReadAsUtf8() throws ExtractionException {
    String html = "<html><head><meta charset=\"iso-8859-1\"><title>Café</title></head><body><p>"
        + "Grüße aus Köln, sagte die Bürgermeisterin, und die Übergabe des Schlüssels begann.</p></body></html>";
    Article a = extractor.extract(html.getBytes(StandardCharsets.UTF_8), "https://example.org/",
        Map.of("Content-Type", "text/html; charset=ISO-8859-1"));
    assertTrue(a.text().contains("Grüße aus Köln"), a.text());
    assertEquals("Café", a.title());
  }

  @Test
  void latin1PageDeclaredAsUtf8IsNotMojibake() throws ExtractionException {
    String html = "<html><head><meta charset=\"utf-8\"><title>Été</title></head><body><p>"
        + "La dernière corderie du port ferme ses portes après un siècle à Saint-Aubin, à l'été.</p></body></html>";
    Article a = extractor.extract(html.getBytes(StandardCharsets.ISO_8859_1), "https://example.org/", Map.of());
    assertTrue(a.text().contains("La dernière corderie"), a.text());
    assertFalse(a.text().contains("\uFFFD"));
  }

  @Test
  void unknownOrLyingCharsetLabelsFallBackToTheBytes() throws ExtractionException {
    String html = "<html><body><p>Ünïcödé text that is long enough to be kept as a paragraph of prose.</p></body></html>";
    byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
    Article a = extractor.extract(utf8, "https://example.org/",
        Map.of("content-type", "text/html; charset=x-no-such-charset"));
    assertTrue(a.text().contains("Ünïcödé"), a.text());
    Article b = extractor.extract(utf8, "https://example.org/", Map.of("Content-Type", "text/html; charset=utf-16"));
    assertTrue(b.text().contains("Ünïcödé"), b.text());
  }

  @Test
  void brokenJsonLdAndMetaAreIgnored() throws ExtractionException {
    String html = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script>"
        + "<meta property=\"article:published_time\" content=\"not a date\"></head><body><p>"
        + "A paragraph that is long enough to be counted as the body of the article, surely.</p></body></html>";
    Article a = extractor.extract(html.getBytes(StandardCharsets.UTF_8), "https://example.org/", Map.of());
    assertTrue(a.text().startsWith("A paragraph"));
  }
}
