package org.newsarc.extractor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pages that are not news articles: landing pages whose sections carry furniture-like names,
 * and shop item pages whose customer reviews are not the page's text.
 */
class PageSectionsTest {

  private static final String SERVICE =
      "Our team plans, builds and runs the cloud systems your business depends on, so that you can "
          + "spend your time on your customers instead of on servers and late-night outages. ";
  private static final String TAB =
      "Every project starts with a two-week review of what you run today, what it costs you and "
          + "where it fails, followed by a written plan that you keep whether or not you hire us. ";
  private static final String DESCRIPTION =
      "A lightweight daypack made from recycled nylon, with a padded laptop sleeve, two side "
          + "pockets for bottles and a chest strap that keeps the load steady on rough trails. ";
  private static final String REVIEW =
      "I have carried this pack to work and up three mountains this summer and the straps are "
          + "still as comfortable as on the first day, although the side pockets are a bit small. ";

  private final ArticleExtractor extractor = new ArticleExtractor();

  private Article extract(String html) throws ExtractionException {
    return extractor.extract(html.getBytes(StandardCharsets.UTF_8), "https://example.com/page",
        Map.of());
  }

  private static String landingPage(String head) {
    return "<!doctype html><html lang=\"en\"><head><title>Cloud services</title>" + head
        + "</head><body><nav><a href=\"/\">Home</a></nav><main>"
        + "<section class=\"hero\"><h1>Cloud services</h1><p>" + SERVICE + "</p></section>"
        + "<section class=\"features\"><h2>How we work</h2><p>" + SERVICE + SERVICE + "</p></section>"
        + "<div class=\"infobox tab-panel\"><h2>Discovery</h2><p>" + TAB + "</p></div>"
        + "<div class=\"sidebar-links\"><a href=\"/a\">Pricing</a> <a href=\"/b\">Contact us today"
        + " for a quote on our services</a> <a href=\"/c\">Careers</a></div>"
        + "</main><footer><p>" + TAB + "</p></footer></body></html>";
  }

  @Test
  void keepsAProseSectionWithAFurnitureNameInsideTheMainElement() throws ExtractionException {
    Article a = extract(landingPage(""));
    assertTrue(a.text().contains(TAB.strip()), a.text());
    assertTrue(a.text().contains("Discovery"), a.text());
    assertFalse(a.text().contains("Careers"), "a link box stays furniture");
  }

  @Test
  void leavesSuchASectionOutOfADeclaredArticle() throws ExtractionException {
    String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        + "\"headline\":\"Cloud services\"}</script>";
    Article a = extract(landingPage(ld));
    assertTrue(a.text().contains(SERVICE.strip()), a.text());
    assertFalse(a.text().contains(TAB.strip()), a.text());
  }

  @Test
  void keepsAProseParagraphWithAFurnitureNameInADeclaredArticle() throws ExtractionException {
    String html = "<!doctype html><html lang=\"en\"><head><title>Winter garden</title>"
        + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>"
        + "<body><article><h1>Winter garden</h1><p class=\"contextmenu body\">" + SERVICE
        + "</p><p class=\"contextmenu body\">" + TAB + "</p><p class=\"contextmenu body\">"
        + SERVICE + "</p><p class=\"contextmenu body\">" + TAB + "</p></article></body></html>";
    Article a = extract(html);
    assertTrue(a.text().contains(TAB.strip()), a.text());
    assertTrue(a.text().contains(SERVICE.strip()), a.text());
  }

  private static String productPage(String head, int reviews) {
    StringBuilder r = new StringBuilder("<section id=\"reviews\"><h2>Customer reviews</h2>");
    for (int i = 0; i < reviews; i++) {
      r.append("<div class=\"review-item\"><p>").append(REVIEW).append("</p></div>");
    }
    r.append("</section>");
    return "<!doctype html><html lang=\"en\"><head><title>Trail 25 pack</title>" + head
        + "</head><body><main><h1>Trail 25 pack</h1><div class=\"description\"><p>" + DESCRIPTION
        + "</p><p>" + DESCRIPTION + "</p></div>" + r + "</main></body></html>";
  }

  private static final String PRODUCT_LD = "<script type=\"application/ld+json\">{\"@context\":"
      + "\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Trail 25 pack\"}</script>";

  @Test
  void leavesCustomerReviewsOutOfAProductPage() throws ExtractionException {
    Article a = extract(productPage(PRODUCT_LD, 2));
    assertTrue(a.text().contains(DESCRIPTION.strip()), a.text());
    assertFalse(a.text().contains("three mountains"), a.text());
  }

  @Test
  void readsMicrodataAsAProductToo() throws ExtractionException {
    String html = productPage("", 2).replace("<main>",
        "<main itemscope itemtype=\"https://schema.org/Product\">");
    Article a = extract(html);
    assertTrue(a.text().contains(DESCRIPTION.strip()), a.text());
    assertFalse(a.text().contains("three mountains"), a.text());
  }

  @Test
  void keepsReviewsOnPagesThatDoNotDescribeAProduct() throws ExtractionException {
    Article a = extract(productPage("", 2));
    assertTrue(a.text().contains("three mountains"), a.text());
  }

  @Test
  void keepsAReviewThatHoldsMostOfTheProductPage() throws ExtractionException {
    String html = productPage(PRODUCT_LD, 0).replace("</main>",
        "<div class=\"editor-review\"><p>" + REVIEW + REVIEW + "</p><p>" + REVIEW + REVIEW
            + "</p><p>" + REVIEW + "</p></div></main>");
    Article a = extract(html);
    assertTrue(a.text().contains("three mountains"), a.text());
  }
}
