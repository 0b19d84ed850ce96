package org.newsarc.extractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the seed fixtures against themselves, independently of the extractor: each gold
 * file matches its page, and the site's index, URL list and robots.txt agree with the gold
 * files. Keeps {@link SeedPagesTest} honest when a page or its gold is edited.
 */
class SeedGoldTest {

  static List<SeedGold> pages() {
    return SeedGold.all();
  }

  @Test
  void thereAreAtLeastTenPages() {
    assertTrue(pages().size() >= 10, "seed pages: " + pages().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void goldParagraphsAreOnThePageInOrder(SeedGold gold) throws IOException {
    String body = SeedGold.normalize(parse(gold).body().text());
    int from = 0;
    for (String paragraph : gold.paragraphs()) {
      int at = body.indexOf(SeedGold.normalize(paragraph), from);
      assertTrue(at >= 0, () -> "not on the page (or out of order): " + paragraph);
      from = at + paragraph.length();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void boilerplateIsOnThePageAndOutsideTheArticle(SeedGold gold) throws IOException {
    Document doc = parse(gold);
    String text = SeedGold.normalize(doc.text());
    String scripts = SeedGold.normalize(
        doc.select("script").stream().map(Element::data).collect(Collectors.joining(" ")));
    for (String b : gold.boilerplate()) {
      String n = SeedGold.normalize(b);
      assertFalse(n.isEmpty(), "empty boilerplate string");
      assertTrue(text.contains(n) || scripts.contains(n), () -> "not on the page: " + b);
      for (String p : gold.paragraphs()) {
        assertFalse(SeedGold.normalize(p).contains(n),
            () -> "boilerplate string inside a gold paragraph: " + b);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void metadataIsWellFormed(SeedGold gold) {
    assertFalse(gold.title().isBlank(), "title");
    assertFalse(gold.siteName().isBlank(), "site_name");
    assertTrue(gold.language().matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*"), "language");
    if (gold.published().length() == 10) {
      LocalDate.parse(gold.published());
    } else {
      OffsetDateTime.parse(gold.published());
    }
    int words = gold.paragraphs().stream().mapToInt(p -> p.split("\\s+").length).sum();
    assertTrue(words >= 300 && words <= 900, "article words: " + words);
    assertFalse(gold.path().startsWith("/") || gold.path().startsWith("private/"), "path");
  }

  @Test
  void urlListAndIndexNameEveryPage() throws IOException {
    Set<String> gold = pages().stream().map(SeedGold::path).collect(Collectors.toCollection(TreeSet::new));
    Set<String> listed = new TreeSet<>(Files.readAllLines(SeedGold.SEEDS.resolve("demo-urls.txt")));
    listed.remove("");
    assertEquals(gold, listed, "demo-urls.txt");

    Document index = Jsoup.parse(SeedGold.SEEDS.resolve("site/index.html").toFile(), "UTF-8",
        "http://127.0.0.1/");
    Set<String> linked = index.select("a[href]").stream().map(a -> a.attr("href"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(linked.containsAll(gold), "index.html links every article");
  }

  @Test
  void robotsDisallowsThePrivateArea() throws IOException {
    List<String> robots = Files.readAllLines(SeedGold.SEEDS.resolve("site/robots.txt"));
    assertTrue(robots.contains("Disallow: /private/"), "robots.txt");
    assertTrue(Files.exists(SeedGold.SEEDS.resolve("site/private/drafts/embargoed-budget-figures.html")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void pageDeclaresItsCharset(SeedGold gold) throws IOException {
    assertEquals(Charset.forName(gold.charset()), parse(gold).charset());
  }

  /** Parses the page the way a browser would: charset from the page's own declaration. */
  private static Document parse(SeedGold gold) throws IOException {
    return Jsoup.parse(new ByteArrayInputStream(gold.html()), null, gold.url());
  }
}
