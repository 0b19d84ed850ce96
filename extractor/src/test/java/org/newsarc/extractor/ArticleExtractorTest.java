package org.newsarc.extractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The extractor on small hand-made pages, one behaviour per test. */
class ArticleExtractorTest {

  private static final String PROSE =
      "The council voted on Tuesday to approve the new plan after a long debate that lasted well into the night. ";
  /** A second paragraph: a paragraph the page repeats word for word is kept once. */
  private static final String PROSE_2 =
      "Work on the first bus lanes is to start in March, and the new crossings will follow before the summer. ";
  private final ArticleExtractor extractor = new ArticleExtractor();

  private Article extract(String html, String url) throws ExtractionException {
    return extractor.extract(html.getBytes(StandardCharsets.UTF_8), url, Map.of());
  }

  /** As {@link #extract}, with {@code rule} switched off. */
  private static Article extractWithout(ExtractionRule rule, String html, String url)
      throws ExtractionException {
    return new ArticleExtractor(ExtractorOptions.DEFAULTS.withoutRules(EnumSet.of(rule)))
        .extract(html.getBytes(StandardCharsets.UTF_8), url, Map.of());
  }

  private static String page(String head, String body) {
    return "<!doctype html><html lang=\"en-gb\"><head>" + head + "</head><body>"
        + "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>" + body
        + "<footer>© 2024 Example Media. All rights reserved.</footer></body></html>";
  }

  @Test
  void keepsParagraphsHeadingsListsAndQuotesInTheirOwnBlocks() throws ExtractionException {
    String html = page("<title>Council approves plan | Example News</title>",
        "<article><h1>Council approves plan</h1><p class=\"byline\">By Jane Doe</p>"
            + "<p>" + PROSE + "</p><h2>What changes</h2><ul><li>Bus lanes on Mill Road</li>"
            + "<li>New crossings near schools</li></ul><blockquote><p>" + PROSE_2 + "</p></blockquote>"
            + "<p>" + PROSE + PROSE_2 + "</p></article>");
    Article a = extract(html, "https://example.org/news/2024/05/07/plan.html");
    String[] blocks = a.text().split("\n\n");
    assertEquals(PROSE.strip(), blocks[0]);
    assertEquals("What changes", blocks[1]);
    assertEquals("Bus lanes on Mill Road\nNew crossings near schools", blocks[2]);
    assertEquals(5, blocks.length, a.text());
    assertFalse(a.text().contains("Council approves plan"), "headline not in text");
    assertFalse(a.text().contains("Jane Doe"), "byline not in text");
    assertEquals("Council approves plan", a.title());
    assertEquals("2024-05-07", a.published());
    assertEquals("en-GB", a.language());
  }

  @Test
  void softHyphensAreLeftOutOfTheText() throws ExtractionException {
    String html = page("<title>Weinbau</title>", "<article><p>Schon im Mit&shy;tel&shy;al&shy;ter"
        + " war der Wein das Aus\u00ADhän\u00ADge\u00ADschild der Region. " + PROSE + "</p><p>" + PROSE_2
        + "</p></article>");
    String text = extract(html, "https://example.org/wein").text();
    assertTrue(text.startsWith("Schon im Mittelalter war der Wein das Aushängeschild der Region."),
        text);
    assertFalse(text.contains("\u00AD"), text);
  }

  @Test
  void aDataTableBetweenTheArticlesParagraphsIsKeptWithThem() throws ExtractionException {
    StringBuilder rows = new StringBuilder("<tr><th>Rank</th><th>School</th><th>Rate</th><th>GMAT</th></tr>");
    for (int i = 1; i <= 40; i++) {
      rows.append("<tr><td>").append(i).append("</td><td>Example School of Business number ")
          .append(i).append("</td><td>").append(10 + i).append("%</td><td>7").append(i % 10)
          .append("0</td></tr>");
    }
    String html = page("<title>Rankings</title>",
        "<article><div class=\"entry-content\"><p>" + PROSE + PROSE_2 + PROSE + PROSE_2 + PROSE
            + PROSE_2 + "</p><p>"
            + "The ranking data for the top twenty programs can be found in the chart below, with dates.</p>"
            + "<table>" + rows + "</table></div></article>");
    String text = extract(html, "https://example.org/rankings").text();
    assertTrue(text.contains("found in the chart below"), text);
    assertTrue(text.contains("Example School of Business number 40"), text);
  }

  @Test
  void shortTableRowsClosingAnArticleAreNotTrimmedAsFurniture() throws ExtractionException {
    String html = page("<title>Certificate or certification</title>",
        "<main><p>" + PROSE + PROSE_2 + "</p><p>" + PROSE_2 + PROSE + "</p><p>" + PROSE
            + "It was the third vote on the plan this year, and the first to pass.</p><table>"
            + "<tr><td><p>Certificate</p></td><td><p>Certification</p></td></tr>"
            + "<tr><td><p>Result of an educational process</p></td><td><p>Result of an assessment</p></td></tr>"
            + "<tr><td><p>For newcomers</p></td><td><p>Typically requires some experience</p></td></tr>"
            + "</table></main>");
    String text = extract(html, "https://example.org/difference").text();
    assertTrue(text.contains("Result of an educational process"), text);
    assertTrue(text.contains("Typically requires some experience"), text);
  }

  @Test
  void aBemElementOfAWidgetIsNotASidebarWidget() throws ExtractionException {
    String pick = "This year we award the brand as the most reliable maker of dishwashers, after years of"
        + " reviews, reader feedback and the opinions of repair technicians we spoke to.";
    String html = page("<title>Best appliances</title><script type=\"application/ld+json\">"
            + "{\"@context\":\"https://schema.org\",\"@type\":\"Article\",\"headline\":\"Best appliances\"}"
            + "</script>",
        "<article><p>" + PROSE + PROSE_2 + PROSE + "</p><p>" + PROSE_2 + PROSE + PROSE_2 + "</p>"
            + "<div class=\"c-product-widget\"><div class=\"c-product-widget__content\"><p>" + pick
            + "</p></div></div><div class=\"widget_recent_entries\"><p>Recent posts: the ten"
            + " things every reader asked us about this spring, and what we answered them.</p></div>"
            + "</article>");
    String text = extract(html, "https://example.org/best-appliances").text();
    assertTrue(text.contains("most reliable maker of dishwashers"), text);
    assertFalse(text.contains("Recent posts"), text);
  }

  @Test
  void paragraphsThatATemplateWrapsInItsBylineElementAreStillTheText() throws ExtractionException {
    String html = page("<title>Updates to the news edition</title>",
        "<div class=\"post\"><h3>Updates to the news edition</h3><div class=\"post-body\">"
            + "<span class=\"byline-author\">Posted by Jane Doe</span><br>"
            + "<span class=\"byline-author\">" + PROSE + PROSE_2 + "<br><br>" + PROSE_2 + PROSE
            + "</span><br><span class=\"byline-author\">" + PROSE + PROSE_2 + PROSE + "</span>"
            + "</div></div>");
    String text = extract(html, "https://example.org/2012/05/updates.html").text();
    assertTrue(text.contains(PROSE_2.strip()), text);
    assertFalse(text.contains("Posted by Jane Doe"), text);
  }

  @Test
  void aConsentManagersPanelIsNotThePagesText() throws ExtractionException {
    StringBuilder items = new StringBuilder("<main><h1>Dinner recipes</h1><ul>");
    for (int i = 1; i <= 12; i++) {
      items.append("<li><a href=\"/recipe/").append(i).append("\">Quick dinner number ").append(i)
          .append("</a></li>");
    }
    items.append("</ul></main>");
    String panel = "We process your data to deliver content or advertisements and measure the"
        + " delivery of such content to extract insights about our website. We share this"
        + " information with our partners on the basis of consent and legitimate interest. ";
    String html = page("<title>Dinner recipes</title>", items + "<div id=\"onetrust-consent-sdk\">"
        + "<div class=\"pc-content\"><h2>Your privacy</h2><p>" + panel + panel + "</p><p>" + panel
        + "</p></div></div>");
    String text = extract(html, "https://example.org/recipes/dinner").text();
    assertFalse(text.contains("We process your data"), text);
    assertTrue(text.contains("Quick dinner number 12"), text);
  }

  @Test
  void aSegmentStreamedHiddenForItsScriptToPlaceIsContent() throws ExtractionException {
    // Two segments, each with less than half of the page's text; React numbers them in hex.
    String html = page("<title>Your fastest path to production</title>",
        "<main><template id=\"B:0\"></template><template id=\"B:1b\"></template><p>Loading…</p>"
            + "</main><div hidden id=\"S:0\"><h1>Your fastest path to production</h1><p>" + PROSE
            + PROSE_2 + "</p><p>" + PROSE_2 + PROSE + "</p><p>" + PROSE + PROSE_2 + "</p></div>"
            + "<div hidden id=\"S:1b\"><p>" + PROSE_2 + PROSE + " Deploys take a minute.</p><p>"
            + PROSE + PROSE_2 + " Scaling is one click.</p><p>" + PROSE_2 + PROSE + "</p></div>"
            + "<script>$RC(\"B:0\",\"S:0\");$RC(\"B:1b\",\"S:1b\")</script><div hidden><p>"
            + PROSE_2 + " This copy is hidden for good.</p></div>");
    String text = extract(html, "https://example.org/").text();
    assertTrue(text.contains("The council voted"), text);
    assertTrue(text.contains("Scaling is one click."), text);
    assertFalse(text.contains("hidden for good"), text);
  }


  @Test
  void aHiddenContainerKeptForItsTextIsCleanedInsideButAHiddenDialogIsNot()
      throws ExtractionException {
    // A page shipped hidden for its script to reveal holds most of the text: it stays, and
    // what is hidden inside it goes.
    String shipped = page("<title>Bus lanes approved</title>",
        "<div class=\"loading\">Loading</div><div style=\"display:none\" class=\"app\"><p>"
            + PROSE + PROSE_2 + "</p><p>" + PROSE_2 + PROSE + "</p><div hidden><p>" + PROSE
            + " A hidden teaser inside.</p></div><p>" + PROSE + " The last paragraph stays.</p>"
            + "</div>");
    String text = extract(shipped, "https://example.org/2024/bus-lanes").text();
    assertTrue(text.contains("The last paragraph stays."), text);
    assertFalse(text.contains("A hidden teaser inside"), text);
    // A republishing dialog carries a copy of the article and more text than the article
    // itself; it is not the page.
    String dialog = page("<title>Bus lanes approved</title>",
        "<article><h1>Bus lanes approved</h1><p>" + PROSE + " The article itself.</p><p>"
            + PROSE_2 + "</p></article><div role=\"dialog\" style=\"display: none\"><h2>"
            + "Republish this story</h2><p>Copy the text below. " + PROSE_2 + PROSE + "</p><p>"
            + PROSE + PROSE_2 + "</p><p>" + PROSE_2 + PROSE_2 + "</p><p>" + PROSE + PROSE
            + "</p></div>");
    Article a = extract(dialog, "https://example.org/2024/bus-lanes");
    assertTrue(a.text().contains("The article itself."), a.text());
    assertFalse(a.text().contains("Republish this story"), a.text());
    assertFalse(a.text().contains("Copy the text below"), a.text());
    String off = extractWithout(ExtractionRule.DIALOG, dialog,
        "https://example.org/2024/bus-lanes").text();
    assertTrue(off.contains("Copy the text below"), off);
  }

  @Test
  void outsideTheMarkedMainBlockALongSidebarIsStillASidebar() throws ExtractionException {
    // A short post marked by hAtom; the sidebar's "about me" box has more prose than the post.
    String about = "I have written advertising copy in this city for nineteen years and I keep"
        + " a long list of the things I cannot stand, which grows every single week. ";
    String html = page("<title>Top posts of the week</title>",
        "<div id=\"content\"><div id=\"main\"><div class=\"post hentry\"><h2>Top posts of"
            + " the week</h2><div class=\"post-body entry-content\"><p>" + PROSE + " Five posts"
            + " made the list this week.</p></div></div></div><div id=\"sidebar\"><h2>About"
            + " me</h2><p class=\"profile-textblock\">" + about + about.toUpperCase() + about
            + "</p><p>" + about + "</p></div></div>");
    String text = extract(html, "https://example.org/2012/10/top-posts.html").text();
    assertTrue(text.contains("Five posts made the list"), text);
    assertFalse(text.contains("advertising copy"), text);
    String off = extractWithout(ExtractionRule.MARKED_MAIN, html,
        "https://example.org/2012/10/top-posts.html").text();
    assertTrue(off.contains("advertising copy"), off);
  }

  @Test
  void aForumThreadDeclaredAnArticleKeepsItsRepliesButAnArticleDoesNotKeepItsComments()
      throws ExtractionException {
    String head = "<title>Will a simple method work?</title>"
        + "<meta property=\"og:type\" content=\"article\">";
    StringBuilder replies = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      replies.append("<li class=\"board-item\"><div class=\"board-author\">member").append(i)
          .append("</div><div class=\"board-message editor-text\">Reply ").append(i)
          .append(": ").append(i % 2 == 0 ? PROSE : PROSE_2).append(PROSE).append("</div></li>");
    }
    String thread = page(head, "<main><article><div class=\"thread-post editor-text\">Could it"
        + " be as simple as finding a product and running ads on it? " + PROSE_2 + PROSE
        + "</div><section id=\"comments\"><ul>" + replies + "</ul></section></article></main>");
    String text = extract(thread, "https://forum.example.org/beginners/1488296-simple.html").text();
    assertTrue(text.contains("Could it be as simple"), text);
    assertTrue(text.contains("Reply 5:"), text);
    String off = extractWithout(ExtractionRule.DISCUSSION, thread,
        "https://forum.example.org/beginners/1488296-simple.html").text();
    assertFalse(off.contains("Reply 5:"), off);
    // The same comments under an article whose body is marked up apart stay out.
    String article = page(head, "<main><article><div class=\"article-body\"><p>Could it be as"
        + " simple as finding a product and running ads on it? " + PROSE_2 + PROSE + "</p></div>"
        + "<section id=\"comments\"><ul>" + replies + "</ul></section></article></main>");
    String news = extract(article, "https://example.org/2024/05/simple.html").text();
    assertTrue(news.contains("Could it be as simple"), news);
    assertFalse(news.contains("Reply 5:"), news);
  }

  @Test
  void aCollapsedPanelThatAControlOpensIsContent() throws ExtractionException {
    // An accordion: each heading's button names the panel it opens; the panels ship hidden.
    String html = page("<title>Choosing a tent</title>",
        "<main><h1>Choosing a tent</h1><p>" + PROSE + PROSE_2 + "</p>"
            + "<h3><button aria-expanded=\"false\" aria-controls=\"panel-1\">Sizes</button></h3>"
            + "<div id=\"panel-1\" aria-hidden=\"true\"><p>" + PROSE_2 + " A tent for two sleeps"
            + " two only when both are small.</p></div>"
            + "<h3><button aria-controls=\"panel-2 extra\">Seasons</button></h3>"
            + "<div id=\"panel-2\" style=\"display: none\"><p>" + PROSE + " Three-season tents"
            + " suit most trips.</p></div>"
            + "<div id=\"never-opened\" hidden><p>" + PROSE_2 + " No control opens this.</p></div>"
            + "<a href=\"#signup\" aria-controls=\"signup\">Sign up</a>"
            + "<div id=\"signup\" role=\"dialog\" hidden><p>" + PROSE + " Join our club today and"
            + " save.</p></div></main>");
    String text = extract(html, "https://example.org/guides/tents").text();
    assertTrue(text.contains("both are small"), text);
    assertTrue(text.contains("suit most trips"), text);
    assertFalse(text.contains("No control opens this"), text);
    assertFalse(text.contains("Join our club"), text);
    String without = extractWithout(ExtractionRule.DISCLOSED_PANEL, html,
        "https://example.org/guides/tents").text();
    assertFalse(without.contains("both are small"), without);
  }
  @Test
  void aListingInAnArticlesMarkupIsRenderedAsAListing() throws ExtractionException {
    StringBuilder winners = new StringBuilder("<div class=\"winners\">");
    for (int i = 1; i <= 24; i++) {
      winners.append("<div class=\"winner\"><h3>Winner ").append(i).append("</h3><span>Studio ")
          .append(i).append(" for the lobby of a hotel</span> <span>in a city by the sea</span>")
          .append("</div>");
    }
    winners.append("</div>");
    String html = page("<title>Best of Year winners</title><script type=\"application/ld+json\">"
            + "{\"@context\":\"https://schema.org\",\"@type\":\"Article\",\"headline\":"
            + "\"Best of Year winners\"}</script>",
        "<main><div class=\"intro\"><p>" + PROSE + PROSE_2 + "</p></div>" + winners + "</main>");
    Article a = extract(html, "https://example.org/awards/best-of-year/");
    assertTrue(a.text().contains("Studio 24 for the lobby of a hotel"), a.text());
    assertTrue(a.text().contains("The council voted"), a.text());
  }

  @Test
  void repairsTextThatTheSiteEncodedAsUtf8Twice() throws ExtractionException {
    String prose = "The council’s plan “will not” pass, said Émile. " + PROSE;
    // The page declares UTF-8 and is valid UTF-8, but its text was encoded twice.
    String twice = new String(prose.getBytes(StandardCharsets.UTF_8),
        StandardCharsets.ISO_8859_1);
    String html = page("<meta charset=\"utf-8\"><title>Council’s plan</title>".replace("’",
        new String("’".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)),
        "<article><p>" + twice + "</p><p>" + PROSE_2 + PROSE + "</p></article>");
    Article a = extract(html, "https://example.org/news/plan");
    assertTrue(a.text().startsWith(prose.strip()), a.text());
    assertEquals("Council’s plan", a.title());
  }

  @Test
  void dropsRelatedBoxesAdsAndNewsletterPitchesInsideTheArticle() throws ExtractionException {
    String html = page("<title>Ferry fares rise</title>",
        "<article><p>" + PROSE + PROSE + "</p><div class=\"related-articles\"><h3>Related</h3>"
            + "<p><a href=\"/a\">Something else entirely that happened</a></p></div>"
            + "<p>Advertisement</p><div class=\"ad-slot\">Buy things now</div>"
            + "<p>" + PROSE_2 + PROSE + "</p><p><strong>Also read:</strong> <a href=\"/b\">Another story</a></p>"
            + "<aside><p>Sign up for our newsletter to get the news in your inbox every morning.</p></aside>"
            + "<p>" + PROSE + "</p></article><section class=\"comments\"><p>" + PROSE + "</p></section>");
    Article a = extract(html, "https://example.org/ferry");
    assertEquals(3, a.text().split("\n\n").length, a.text());
    for (String noise : List.of("Related", "Something else", "Advertisement", "Buy things",
        "Also read", "newsletter", "All rights reserved", "Home")) {
      assertFalse(a.text().contains(noise), noise);
    }
    assertTrue(a.isArticle());
  }

  @Test
  void readsJsonLdGraphWithAuthorReferences() throws ExtractionException {
    String ld = "{\"@context\":\"https://schema.org\",\"@graph\":["
        + "{\"@type\":\"WebSite\",\"name\":\"Example Daily\"},"
        + "{\"@type\":\"Person\",\"@id\":\"#jane\",\"name\":\"Jane Doe\"},"
        + "{\"@type\":[\"NewsArticle\"],\"headline\":\"Tugboats go electric &amp; quiet\","
        + "\"datePublished\":\"2024-03-15T09:30:00+08:00\",\"dateModified\":\"2024-03-16T10:00:00+08:00\","
        + "\"author\":[{\"@id\":\"#jane\"},{\"@type\":\"Person\",\"name\":\"John Roe\"}],"
        + "\"image\":{\"@type\":\"ImageObject\",\"url\":\"/img/tug.jpg\"},\"keywords\":\"ports, energy\"}]}";
    String html = page("<title>Tugboats go electric &amp; quiet - Example Daily</title>"
        + "<script type=\"application/ld+json\">" + ld + "</script>"
        + "<link rel=\"canonical\" href=\"/asia/tugboats\"><meta name=\"description\" content=\"A trial.\">",
        "<main><p>" + PROSE + PROSE + PROSE + "</p></main>");
    Article a = extract(html, "https://example.org/asia/tugboats?utm=x");
    assertEquals("Tugboats go electric & quiet", a.title());
    assertEquals(List.of("Jane Doe", "John Roe"), a.authors());
    assertEquals("2024-03-15T09:30:00+08:00", a.published());
    assertEquals("2024-03-16T10:00:00+08:00", a.modified());
    assertEquals("Example Daily", a.siteName());
    assertEquals("https://example.org/asia/tugboats", a.canonicalUrl());
    assertEquals("https://example.org/img/tug.jpg", a.imageUrl());
    assertEquals(List.of("ports", "energy"), a.tags());
    assertEquals("A trial.", a.description());
  }

  @Test
  void fallsBackToOpenGraphMetaAndVisibleDates() throws ExtractionException {
    String html = page("<title>Stadtrat beschließt Fähre – Rheinpost</title>"
        + "<meta property=\"og:site_name\" content=\"Rheinpost\"><meta name=\"author\" content=\"Von Anna Beck\">",
        "<div class=\"story\"><h1>Stadtrat beschließt Fähre</h1><span class=\"date\">8. November 2023</span>"
            + "<p>" + PROSE + PROSE + "</p><p>" + PROSE + "</p></div>");
    Article a = extract(html, "https://example.org/politik/faehre");
    assertEquals("Stadtrat beschließt Fähre", a.title());
    assertEquals(List.of("Anna Beck"), a.authors());
    assertEquals("2023-11-08", a.published());
    assertEquals("Rheinpost", a.siteName());
  }

  @Test
  void datesAUtcTimeNearMidnightByTheLocalDayThePageShows() throws ExtractionException {
    String html = page("<title>Senate vote delayed</title>"
        + "<meta property=\"article:published_time\" content=\"2022-05-04T00:53:29Z\">",
        "<article><h1>Senate vote delayed</h1><p class=\"meta\">May 3, 2022 9:53 pm</p>"
            + "<p>" + PROSE + PROSE + "</p><p>" + PROSE + "</p></article>");
    Article a = extract(html, "https://example.org/politics/senate-vote");
    assertEquals("2022-05-03", a.published());
  }

  @Test
  void prefersTheBylineToAnAuthorThatNamesTheSite() throws ExtractionException {
    String html = page("<title>Ferry approved</title><meta property=\"og:site_name\" content=\"Rheinpost\">"
        + "<meta name=\"author\" content=\"Rheinpost\">",
        "<article><h1>Ferry approved</h1><p class=\"byline\">Von <a href=\"/autoren/anna-beck\">Anna Beck</a>"
            + " am 8. November 2023</p><p>" + PROSE + PROSE + "</p><p>" + PROSE + "</p></article>");
    Article a = extract(html, "https://example.org/politik/faehre");
    assertEquals(List.of("Anna Beck"), a.authors());
  }

  @Test
  void leavesTheKickerOutOfTheHeadline() throws ExtractionException {
    String html = page("<title>Klimaschutz: Bohren, bis es heiß wird | Rheinpost</title>",
        "<article><h1><span class=\"article-heading__kicker\">Klimaschutz</span>"
            + "<span class=\"visually-hidden\">: </span><span>Bohren, bis es heiß wird</span></h1>"
            + "<p>" + PROSE + PROSE + "</p><p>" + PROSE + "</p></article>");
    Article a = extract(html, "https://example.org/politik/bohren");
    assertEquals("Bohren, bis es heiß wird", a.title());
  }

  @Test
  void cutsTheSiteNamedByTheHostFromTheTitle() throws ExtractionException {
    String html = "<html><head><title>Dental Care | ONE Health Ohio</title></head><body>"
        + "<div><p>" + PROSE + PROSE + "</p><p>" + PROSE + "</p></div></body></html>";
    Article a = extract(html, "https://onehealthohio.org/dental-care/");
    assertEquals("Dental Care", a.title());
  }

  @Test
  void readsADayWithATwoDigitYearWhenThePageGivesNoOtherDate() throws ExtractionException {
    String html = page("<title>Neue Regeln</title>",
        "<article><h1>Neue Regeln</h1><p>Version 1.02.12.19 &middot; 28.09.19 12:44</p>"
            + "<p>" + PROSE + PROSE + "</p><p>" + PROSE + "</p></article>");
    Article a = extract(html, "https://example.org/forum/neue-regeln");
    assertEquals("2019-09-28", a.published());
  }

  @Test
  void listingPageHasALowArticleSignal() throws ExtractionException {
    StringBuilder items = new StringBuilder("<ul>");
    for (int i = 0; i < 40; i++) {
      items.append("<li><a href=\"/story/").append(i).append("\">Headline number ").append(i)
          .append(" about things</a></li>");
    }
    Article a = extract(page("<title>Latest news</title>", items + "</ul>"), "https://example.org/latest");
    assertFalse(a.isArticle(), "signal " + a.articleSignal());
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    List<String> pages = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      pages.add(page("<title>Story " + i + "</title>", "<article><p>" + i + " " + PROSE + PROSE + "</p></article>"));
    }
    List<String> sequential = new ArrayList<>();
    for (String p : pages) {
      sequential.add(extract(p, "https://example.org/").text());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (String p : pages) {
        results.add(pool.submit(() -> extract(p, "https://example.org/").text()));
      }
      for (int i = 0; i < pages.size(); i++) {
        assertEquals(sequential.get(i), results.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String teasers(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      b.append("<div class=\"card\"><h3><a href=\"/world/2024/05/0").append(i % 9 + 1)
          .append("/story-").append(i).append(".html\">Ferry operator number ").append(i)
          .append(" changes its timetable</a></h3><p>Passengers on the northern route will see ")
          .append("fewer crossings from June, the operator said on Monday.</p></div>");
    }
    return b.toString();
  }

  /** A post that does not declare itself an article, with four teaser cards in its block. */
  private static String undeclaredPostWithCards(boolean cardsLast) {
    StringBuilder post = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      post.append("<p>").append(i % 2 == 0 ? PROSE + PROSE_2 : PROSE_2 + PROSE).append(i)
          .append("</p>");
    }
    String tail = "<p>" + PROSE + PROSE_2 + "The end.</p>";
    return page("<title>Bus lanes approved</title>", "<div class=\"entry\"><h1>Bus lanes"
        + " approved</h1>" + post + (cardsLast ? tail + teasers(4) : teasers(4) + tail) + "</div>");
  }

  @Test
  void aShortPostUnderManyCommentsIsNotAHub() throws ExtractionException {
    // Each comment reads like a card (a linked name beside a paragraph), and together they hold
    // more prose than the post.
    StringBuilder comments = new StringBuilder("<ol class=\"comment-list\">");
    for (int i = 1; i <= 8; i++) {
      comments.append("<li class=\"comment\"><div class=\"who\"><a href=\"https://blog")
          .append(i).append(".example/\">Reader number ").append(i).append(" of the blog</a> ")
          .append("October ").append(i + 10).append(", 2012 3:45 PM</div><p>We always keep it in")
          .append(" a tin with a slice of bread, and it stays soft for ").append(i)
          .append(" days or more.</p></li>");
    }
    comments.append("</ol>");
    String html = page("<title>Maple pecan pie</title>", "<div class=\"blog-posts\">"
        + "<div class=\"post\"><h3>Maple pecan pie</h3><p>" + PROSE + PROSE_2 + "</p><p>"
        + PROSE_2 + "</p></div>" + comments + "</div>");
    Article a = extract(html, "https://example.org/2012/10/maple-pecan-pie.html");
    assertNotEquals(PageType.HUB, a.pageType(), a.text());
    assertTrue(a.text().startsWith(PROSE.strip()), a.text());
    assertFalse(a.text().contains("slice of bread"), a.text());
  }

  @Test
  void teaserCardsClosingAnUndeclaredPostAreLeftOut() throws ExtractionException {
    Article a = extract(undeclaredPostWithCards(true), "https://example.org/2024/05/bus-lanes");
    assertTrue(a.text().contains("The end."), a.text());
    assertFalse(a.text().contains("Passengers on the northern route"), a.text());
    // Cards with the post's prose after them may be its own list; they stay.
    Article b = extract(undeclaredPostWithCards(false), "https://example.org/2024/05/bus-lanes");
    assertTrue(b.text().contains("Passengers on the northern route"), b.text());
  }

  @Test
  void aCardBoxClosingADeclaredArticleGoesEvenWhenItHoldsMuchOfTheBlock()
      throws ExtractionException {
    String ld = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        + "\"@type\":\"NewsArticle\",\"headline\":\"Bus lanes approved\"}</script>";
    String body = "<article><h1>Bus lanes approved</h1><p>" + PROSE + PROSE_2 + "</p><p>" + PROSE_2
        + PROSE + "</p><p>" + PROSE + "The end.</p>" + teasers(4) + "</article>";
    Article a = extract(page("<title>Bus lanes approved</title>" + ld, body),
        "https://example.org/2024/05/bus-lanes");
    assertTrue(a.text().contains("The end."), a.text());
    assertFalse(a.text().contains("Passengers on the northern route"), a.text());
  }

  /**
   * A declared round-up of four hotels: each a heading, prose and a box of the same shape with
   * links (with {@code headed}, each box is a related story under a linked headline instead).
   */
  private static String roundUp(boolean headed) {
    String ld = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        + "\"@type\":\"Article\",\"headline\":\"The best hotel brands\"}</script>";
    StringBuilder body = new StringBuilder("<article><h1>The best hotel brands</h1>");
    for (int i = 1; i <= 4; i++) {
      body.append("<h2>").append(i).append(". Brand number ").append(i).append("</h2><p>Brand ")
          .append(i).append(": ").append(PROSE).append(PROSE_2).append("</p><p>Brand ").append(i)
          .append(" again: ").append(PROSE_2).append("</p>");
      if (headed) {
        body.append("<div class=\"box\"><h3><a href=\"/news/story-").append(i)
            .append(".html\">Ferry operator number ").append(i).append(" changes its timetable")
            .append("</a></h3><p>Passengers on the northern route will see fewer crossings from")
            .append(" June, the operator said.</p></div>");
      } else {
        body.append("<ul><li><strong>Flagship</strong>: <a href=\"https://hotels.example/")
            .append(i).append("\">Grand Hotel number ").append(i).append("</a>, Lisbon</li>")
            .append("<li>This hotel features in my list of the quietest city hotels, and I")
            .append(" stayed there ").append(i + 1).append(" times. Read my review <a href=")
            .append("\"/review-").append(i).append("\">here</a>.</li></ul>");
      }
    }
    body.append("<p>").append(PROSE).append("The end.</p></article>");
    return page("<title>The best hotel brands</title>" + ld, body.toString());
  }

  @Test
  void boxesOfOneShapeBetweenAnArticlesSectionsAreTheArticle() throws ExtractionException {
    String url = "https://example.org/2024/05/best-hotel-brands";
    Article a = extract(roundUp(false), url);
    for (int i = 1; i <= 4; i++) {
      assertTrue(a.text().contains("stayed there " + (i + 1) + " times. Read my review here."),
          a.text());
    }
    assertTrue(a.text().contains("The end."), a.text());
    // Without the rule the four boxes read as a teaser box and go.
    Article off = extractWithout(ExtractionRule.CARD_RUNS, roundUp(false), url);
    assertFalse(off.text().contains("Read my review"), off.text());
    assertTrue(off.text().contains("The end."), off.text());

    // Related stories set between the sections under linked headlines still go.
    Article related = extract(roundUp(true), url);
    assertFalse(related.text().contains("Ferry operator"), related.text());
    assertFalse(related.text().contains("northern route"), related.text());
    assertTrue(related.text().contains("The end."), related.text());
  }

  @Test
  void closingCardsThatWrapTheirContentInOneInnerElementAreCardsToo() throws ExtractionException {
    String wrapped = teasers(4)
        .replace("<div class=\"card\">", "<div class=\"card\"><div class=\"inner\">")
        .replace("</p></div>", "</p></div></div>");
    String html = undeclaredPostWithCards(true).replace(teasers(4), wrapped);
    assertTrue(html.contains("class=\"inner\""));
    Article a = extract(html, "https://example.org/2024/05/bus-lanes");
    assertTrue(a.text().contains("The end."), a.text());
    assertFalse(a.text().contains("Passengers on the northern route"), a.text());
  }

  @Test
  void listItemsNamedLikeFurnitureAreTheListingsText() throws ExtractionException {
    StringBuilder items = new StringBuilder();
    String[] names = {"Tents and shelters", "Sleeping bags", "Camping stoves", "Rucksacks",
        "Head torches", "Walking poles"};
    for (int i = 0; i < names.length; i++) {
      items.append("<li class=\"product-category category\"><a href=\"/c/").append(i)
          .append("\">").append(names[i]).append("</a> <span>").append(10 + i)
          .append(" items in stock</span></li>");
    }
    String body = "<main><h1>Outdoor gear</h1><ul class=\"grid\">" + items + "</ul>"
        + "<div class=\"sidebar\"><a href=\"/a\">Gift cards and vouchers for every occasion</a> "
        + "<a href=\"/b\">Store finder and opening hours near you</a></div></main>";
    Article a = extract(page("<title>Outdoor gear | Example Shop</title>", body),
        "https://shop.example.org/outdoor/");
    assertTrue(a.text().contains("Camping stoves"), a.text());
    assertTrue(a.text().contains("15 items in stock"), a.text());
    // One element alone is not a list: the sidebar stays out.
    assertFalse(a.text().contains("Store finder"), a.text());
  }

  @Test
  void aListingBuiltInsideOneFormKeepsItsText() throws ExtractionException {
    StringBuilder rows = new StringBuilder();
    String[] towns = {"Aberdeen", "Bristol", "Cardiff", "Dundee", "Exeter", "Glasgow"};
    for (String town : towns) {
      rows.append("<li><a href=\"/branches/").append(town).append("\">").append(town)
          .append(" branch</a> Mon to Fri 9 to 5</li>");
    }
    String body = "<form id=\"mainform\" action=\"/branches\"><h1>Our branches</h1><ul>" + rows
        + "</ul><input type=\"hidden\" name=\"state\" value=\"x\"></form>";
    Article a = extract(page("<title>Our branches | Example Bank</title>", body),
        "https://bank.example.org/branches");
    assertTrue(a.text().contains("Dundee branch"), a.text());
  }

  @Test
  void aSectionPageOfTeaserCardsIsAHubWithoutText() throws ExtractionException {
    String html = page("<title>World | Example News</title><script type=\"application/ld+json\">"
        + "{\"@context\":\"https://schema.org\",\"@type\":\"CollectionPage\",\"name\":\"World\"}"
        + "</script>", "<main><h1>World</h1><section class=\"teasers\">" + teasers(20)
        + "</section></main>");
    Article a = extract(html, "https://example.org/world/");
    assertEquals(PageType.HUB, a.pageType());
    assertEquals("", a.text());
    assertTrue(a.articleSignal() < 0.5, "signal " + a.articleSignal());
  }

  @Test
  void teaserCardsAloneMakeAHubWithoutDeclaredTypes() throws ExtractionException {
    String html = page("<title>Latest | Example News</title>",
        "<div id=\"content\"><ul class=\"list\">" + teasers(12).replace("<div class=\"card\">", "<li class=\"item\">")
            .replace("</div>", "</li>") + "</ul></div>");
    Article a = extract(html, "https://example.org/latest/");
    assertEquals(PageType.HUB, a.pageType());
    assertEquals("", a.text());
  }

  @Test
  void cardsTaggedWithTheirOwnPostNumberAndCategoriesAreOneList() throws ExtractionException {
    String[] categories = {"world", "travel", "business", "world travel"};
    StringBuilder cards = new StringBuilder();
    String[] parts = teasers(12).split("(?=<div class=\"card\">)");
    for (int i = 0; i < parts.length; i++) {
      String own = "card post post-" + (4180 + i) + " type-post status-publish category-"
          + categories[i % categories.length].replace(" ", " category-");
      cards.append(parts[i].replace("<div class=\"card\">", "<div class=\"" + own + "\">"));
    }
    Article a = extract(page("<title>Latest | Example News</title>",
        "<div id=\"content\">" + cards + "</div>"), "https://example.org/latest/");
    assertEquals(PageType.HUB, a.pageType());
    assertEquals("", a.text());
  }

  /** A short blog post followed, in its wrapper, by readers' comments that are not named so. */
  private static String postWithComments(String head) {
    StringBuilder thread = new StringBuilder("<h3>4 Responses</h3>");
    String[] names = {"Jane Roe", "Tom Poe", "Ann Lee", "Bo Chan"};
    for (int i = 0; i < names.length; i++) {
      thread.append("<div class=\"entry-note\"><p>").append(names[i]).append(" July ")
          .append(5 + i).append(", 2012 at 9:4").append(i).append(" am</p><p>Thank you for")
          .append(" this, reply number ").append(i).append(", I have been waiting for the new")
          .append(" lanes for years and my street will be much calmer now.</p></div>");
    }
    return page("<title>Bus lanes approved</title>" + head, "<div class=\"entry\"><h1>Bus"
        + " lanes approved</h1><p>" + PROSE + PROSE_2 + "</p>" + thread + "</div>");
  }

  @Test
  void commentsSignedWithDayAndTimeEndAnArticle() throws ExtractionException {
    Article a = extract(postWithComments(""), "https://example.org/2012/07/bus-lanes");
    assertTrue(a.text().contains("The council voted"), a.text());
    assertFalse(a.text().contains("Thank you for this"), a.text());
    assertFalse(a.text().contains("Jane Roe"), a.text());
  }

  @Test
  void linksToTheSitesForumDoNotMakeABlogPostAForumThread() throws ExtractionException {
    String html = postWithComments("").replace("<a href=\"/news\">News</a>",
        "<a href=\"/forums/\">Forums</a> <a href=\"/forums/new\">New posts</a>"
            + " <a href=\"/forum/rules\">Forum rules</a>");
    Article a = extract(html, "https://example.org/2012/07/bus-lanes");
    assertTrue(a.text().contains("The council voted"), a.text());
    assertFalse(a.text().contains("Thank you for this"), a.text());
  }

  @Test
  void aHeadingCountingTheCommentsOpensTheirThread() throws ExtractionException {
    Article a = extract(page("<title>Bus lanes approved</title>", "<div class=\"entry\"><h1>Bus"
        + " lanes approved</h1><p>" + PROSE + PROSE_2 + "</p><p>" + PROSE_2 + PROSE
        + "</p><h3>3 Responses to \u201cBus lanes"
        + " approved\u201d</h3><p>Jane says: thank you for this post, I have waited years for the"
        + " lanes and my whole street will be much calmer now, really.</p><p>Tom says: the"
        + " crossings matter even more than the lanes for the children who walk to school.</p>"
        + "</div>"), "https://example.org/2012/07/bus-lanes");
    assertTrue(a.text().contains("The council voted"), a.text());
    assertFalse(a.text().contains("Jane says"), a.text());
    assertFalse(a.text().contains("Responses"), a.text());
  }

  @Test
  void aCountOfTheCommentsAfterTheLineThatDatesThePostOpensTheThread() throws ExtractionException {
    Article a = extract(page("<title>Bus lanes approved</title>", "<div class=\"entry\"><p>"
        + PROSE + PROSE_2 + "</p><p>" + PROSE_2 + PROSE + "</p><p>Seen by Jane Doe on November 7"
        + " 2012. There are 2 comments.</p><p>Radex: thank you for this post, I have waited years"
        + " for the lanes and my whole street will be much calmer now, really.</p><p>Tom: the"
        + " crossings matter even more than the lanes for the children who walk to school.</p>"
        + "</div>"), "https://example.org/2012/11/bus-lanes");
    assertTrue(a.text().contains("The council voted"), a.text());
    assertFalse(a.text().contains("waited years"), a.text());
  }

  @Test
  void commentsHeadedByTheirAuthorsSaidLineEndAnArticle() throws ExtractionException {
    StringBuilder thread = new StringBuilder();
    String[] names = {"Jane Roe", "Tom Poe", "dragoncar", "Bo Chan"};
    for (int i = 0; i < names.length; i++) {
      thread.append("<p>").append(names[i]).append(" said,</p><p>Thank you for this, reply")
          .append(" number ").append(i).append(", I have been waiting for the new lanes for years")
          .append(" and my street will be much calmer now.</p>");
    }
    Article a = extract(page("<title>Bus lanes approved</title>", "<div class=\"entry\"><p>"
        + PROSE + PROSE_2 + "</p><p>" + PROSE_2 + PROSE + "</p>" + thread + "</div>"),
        "https://example.org/2012/08/bus-lanes");
    assertTrue(a.text().contains("The council voted"), a.text());
    assertFalse(a.text().contains("Thank you for this"), a.text());
  }

  @Test
  void aHeadingCountingTheCommentsWithAWordBetweenOpensTheirThread() throws ExtractionException {
    Article a = extract(page("<title>Bus lanes approved</title>", "<div class=\"entry\"><p>"
        + PROSE + PROSE_2 + "</p><p>" + PROSE_2 + PROSE + "</p><h3>8 appreciated comments on"
        + " \u201cBus lanes approved\u201d</h3><p>Thank you for this post, I have waited years"
        + " for the lanes and my whole street will be much calmer now, really.</p></div>"),
        "https://example.org/2012/11/bus-lanes");
    assertTrue(a.text().contains("The council voted"), a.text());
    assertFalse(a.text().contains("waited years"), a.text());
  }

  @Test
  void aCommentCountInANamedAnchorOpensTheThread() throws ExtractionException {
    String thread = "<p>Rene</p><p>I use this service and love the variety of items, they"
        + " recently added more sizes and I have built up a whole wardrobe with it.</p>"
        + "<button>Reply</button><p>Kat</p><p>That is so good to hear, thanks for letting us"
        + " know about the new sizes, we will try a box of our own soon.</p><button>Reply"
        + "</button>";
    for (String count : List.of("<a id=\"comments\" name=\"comments\"><p>2 comments</p></a>",
        "<p><a name=\"comments\">2 comments</a></p>")) {
      Article a = extract(page("<title>Bus lanes approved</title>", "<div class=\"entry\"><p>"
          + PROSE + PROSE_2 + "</p><p>" + PROSE_2 + PROSE + "</p>" + count + thread + "</div>"),
          "https://example.org/2012/11/bus-lanes");
      assertTrue(a.text().contains("The council voted"), a.text());
      assertFalse(a.text().contains("variety of items"), count + ": " + a.text());
    }
  }

  @Test
  void aCommentCountThatLinksElsewhereDoesNotEndTheArticle() throws ExtractionException {
    Article a = extract(page("<title>Bus lanes approved</title>", "<div class=\"entry\"><p>"
        + PROSE + PROSE_2 + "</p><p><a href=\"/2012/10/tram-plans#comments\">12 comments</a>"
        + "</p><p>" + PROSE_2 + PROSE + " The last paragraph stays.</p></div>"),
        "https://example.org/2012/11/bus-lanes");
    assertTrue(a.text().contains("The last paragraph stays."), a.text());
  }

  @Test
  void aCommentCountUnderAPostTooShortForProseStillOpensTheThread() throws ExtractionException {
    StringBuilder comments = new StringBuilder("<h3>3 Comments</h3>");
    for (int i = 0; i < 3; i++) {
      comments.append("<p>").append(PROSE_2).append(PROSE).append("Reply ").append(i)
          .append("</p>");
    }
    Article a = extract(page("<title>My new project</title>", "<div class=\"entry\"><h1>My new"
        + " project</h1><p>Max was born on Tuesday. Photos follow soon.</p>" + comments + "</div>"),
        "https://example.org/2012/11/my-new-project");
    assertTrue(a.text().contains("Max was born"), a.text());
    assertFalse(a.text().contains("Reply 1"), a.text());
  }

  @Test
  void aNumberedCommentsSignatureEndsEvenAShortPost() throws ExtractionException {
    String html = page("<title>Chapter 121 online</title>", "<div><p>Chapter 121 is online now."
        + " As always the pictures are for members only. Chapter 122 follows on Friday.</p>"
        + "<div class=\"titlebar\">Kommentare</div><div><h3>#1 Kommentar von Naru-chan</h3>"
        + "26. M&auml;rz 2004, 16:19<p>Danke f&uuml;r dieses Kapitel, wie immer super!</p></div>"
        + "<div><h3>#2 Kommentar von Keitaro</h3>27. M&auml;rz 2004, 09:02<p>Ich warte schon"
        + " auf Freitag.</p></div></div>");
    Article a = extract(html, "https://example.org/news/0409.html");
    assertTrue(a.text().contains("Chapter 121 is online"), a.text());
    assertFalse(a.text().contains("Danke"), a.text());
    Article off = extractWithout(ExtractionRule.NUMBERED_COMMENT, html,
        "https://example.org/news/0409.html");
    assertTrue(off.text().contains("Danke"), off.text());
    // An opinion piece's kicker names its author the same way, without a number.
    Article opinion = extract(page("<title>Bus lanes approved</title>", "<div class=\"entry\">"
        + "<h2>Kommentar von Jan Weber</h2><p>" + PROSE + PROSE_2 + "</p><p>" + PROSE_2 + PROSE
        + " The last paragraph stays.</p></div>"), "https://example.org/2012/11/bus-lanes");
    assertTrue(opinion.text().contains("The last paragraph stays."), opinion.text());
  }

  @Test
  void rubyReadingsAreNotPartOfTheText() throws ExtractionException {
    String sentence = "<ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt>"
        + "</ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができました。";
    StringBuilder body = new StringBuilder("<article><h1>法律</h1>");
    for (int i = 0; i < 6; i++) {
      body.append("<p>").append(sentence.repeat(4)).append(i).append("</p>");
    }
    Article a = extract(page("<title>法律</title>", body + "</article>"),
        "https://example.jp/news/1");
    assertTrue(a.text().contains("子どもへの虐待をなくすための法律ができました。"), a.text());
    assertFalse(a.text().contains("ぎゃくたい"), a.text());
  }

  @Test
  void datedLinesUnderHeadingsAreBylinesOfPostsNotCommentSignatures() throws ExtractionException {
    StringBuilder posts = new StringBuilder("<div class=\"front\"><p>" + PROSE + PROSE_2 + "</p>");
    for (int i = 1; i <= 5; i++) {
      posts.append("<h2>Kernel news, part ").append(i).append("</h2><p>Posted Mar ").append(i)
          .append(", 2026 19:1").append(i).append(" UTC by editor</p><p>").append(PROSE_2)
          .append(PROSE).append("Story ").append(i).append(".</p>");
    }
    Article a = extract(page("<title>Weekly news</title>", posts + "</div>"),
        "https://example.org/");
    assertTrue(a.text().contains("Story 5."), a.text());
  }

  @Test
  void aPageDeclaredAForumThreadKeepsItsSignedPosts() throws ExtractionException {
    Article a = extract(postWithComments("<script type=\"application/ld+json\">{\"@context\":"
        + "\"https://schema.org\",\"@type\":\"DiscussionForumPosting\",\"headline\":"
        + "\"Bus lanes approved\"}</script>"), "https://example.org/t/bus-lanes");
    assertTrue(a.text().contains("Thank you for this, reply number 3"), a.text());
  }

  /** A recipe page: its ingredients in a table box of their own, the method as prose. */
  private static String recipe(boolean declared, boolean listInMethod) {
    String[][] ingredients = {{"500 ml", "Milk"}, {"2 packs", "Vanilla pudding powder"},
        {"200 g", "Caster sugar"}, {"3 cups", "Sour cream"}, {"2 tins", "Mandarin oranges"}};
    StringBuilder ld = new StringBuilder("<script type=\"application/ld+json\">{\"@context\":"
        + "\"https://schema.org\",\"@type\":\"Recipe\",\"name\":\"Mandarin cake\","
        + "\"recipeIngredient\":[");
    StringBuilder box = new StringBuilder("<div class=\"recipe-box\"><h2>Ingredients</h2>"
        + "<table class=\"ingredients table-header\">");
    for (int i = 0; i < ingredients.length; i++) {
      ld.append(i == 0 ? "" : ",").append('"').append(ingredients[i][0]).append(' ')
          .append(ingredients[i][1]).append('"');
      box.append("<tr><td>").append(ingredients[i][0]).append("</td><td>")
          .append(ingredients[i][1]).append("</td></tr>");
    }
    ld.append("]}</script>");
    box.append("</table></div>");
    String method = "<article><h2>Method</h2><p>" + PROSE + PROSE_2 + "</p><p>" + PROSE_2 + PROSE
        + "</p>" + (listInMethod ? "<p>You need milk, vanilla pudding powder, caster sugar, sour"
        + " cream and mandarin oranges, nothing else.</p>" : "") + "<p>" + PROSE + "</p></article>";
    return page("<title>Mandarin cake</title>" + (declared ? ld : ""), box + method);
  }

  @Test
  void aDeclaredRecipeKeepsItsIngredientListSetApartFromTheMethod() throws ExtractionException {
    Article a = extract(recipe(true, false), "https://example.org/mandarin-cake");
    // The list comes first, as on the page, one ingredient a line, and the method follows.
    String[] lines = a.text().split("\n");
    assertTrue(lines[0].matches("500 ml\\s+Milk"), a.text());
    assertTrue(lines[4].matches("2 tins\\s+Mandarin oranges"), a.text());
    assertTrue(a.text().indexOf(PROSE_2.strip()) > a.text().indexOf("Mandarin oranges"), a.text());

    Article undeclared = extract(recipe(false, false), "https://example.org/mandarin-cake");
    assertFalse(undeclared.text().contains("Mandarin oranges"), undeclared.text());

    // Ingredients the method already names are not added again.
    Article named = extract(recipe(true, true), "https://example.org/mandarin-cake");
    assertFalse(named.text().contains("Caster sugar"), named.text());
  }

  @Test
  void aLongArticleWithRelatedCardsKeepsItsBody() throws ExtractionException {
    StringBuilder body = new StringBuilder("<article><h1>Council approves plan</h1>");
    for (int i = 0; i < 8; i++) {
      body.append("<p>").append(PROSE).append(PROSE).append("</p>");
    }
    body.append("</article><aside><h2>More news</h2>").append(teasers(4)).append("</aside>");
    Article a = extract(page("<title>Council approves plan | Example News</title>", body.toString()),
        "https://example.org/news/2024/05/07/plan.html");
    assertEquals(PageType.ARTICLE, a.pageType());
    assertTrue(a.text().startsWith(PROSE.strip()), a.text());
    assertTrue(a.articleSignal() >= 0.5, "signal " + a.articleSignal());
  }

  @Test
  void aFormOfLabelsIsFurnitureButAFormWrappingProseIsKept() throws ExtractionException {
    String form = "<form action=\"/subscribe\"><h3>Stay informed</h3><p>Your name</p>"
        + "<input name=\"n\"><p>Your e-mail address</p><input name=\"e\"><p>Weekly digest</p>"
        + "<button>Go</button></form>";
    String html = page("<title>Ferry fares rise</title>",
        "<article><p>" + PROSE + PROSE + "</p>" + form + "<p>" + PROSE_2 + PROSE + "</p>"
            + "<p>" + PROSE_2 + PROSE_2 + "</p></article>");
    Article a = extract(html, "https://example.org/ferry");
    assertEquals(3, a.text().split("\n\n").length, a.text());
    for (String noise : List.of("Stay informed", "Your name", "e-mail", "Weekly digest")) {
      assertFalse(a.text().contains(noise), noise);
    }

    String wrapped = page("<title>Ferry fares rise</title>", "<form id=\"page\"><article><p>"
        + PROSE + PROSE + "</p><p>" + PROSE_2 + PROSE + "</p></article></form>");
    Article b = extract(wrapped, "https://example.org/ferry");
    assertTrue(b.text().startsWith(PROSE.strip()), b.text());
    assertEquals(2, b.text().split("\n\n").length, b.text());
  }

  @Test
  void aConsentDialogIsNeverTheContentOfAPageWithLittleProse() throws ExtractionException {
    String consent = "We use cookies and similar technologies to measure the use of this website and to "
        + "show you offers that match your interests, and we share this information with partners. ";
    String html = page("<title>Staple Tee | Example Shop</title>",
        "<div role=\"dialog\" aria-label=\"Privacy choices\"><h2>Your privacy</h2><p>" + consent
            + consent + "</p><p>" + consent + "</p></div>"
            + "<main><h1>Staple Tee</h1><p>Regular fit, 100% combed cotton.</p><ul><li>Fit: regular</li>"
            + "<li>Fabric: mid weight</li><li>Colours: 70</li><li>Price: $20.00</li></ul>"
            + sizes() + "</main>");
    Article a = extract(html, "https://example.org/staple-tee");
    assertFalse(a.text().contains("cookies"), a.text());
    assertTrue(a.text().contains("Fabric: mid weight"), "[" + a.text() + "] " + a.pageType());
  }

  /** A size chart: much text, none of it prose. */
  private static String sizes() {
    StringBuilder b = new StringBuilder("<table>");
    for (int i = 1; i <= 40; i++) {
      b.append("<tr><td>Size ").append(i).append("</td><td>Chest ").append(80 + 2 * i)
          .append(" cm</td><td>Length ").append(60 + i).append(" cm</td></tr>");
    }
    return b.append("</table>").toString();
  }

  @Test
  void readerCommentsAreLeftOutEvenWhenTheyHoldMuchOfThePage() throws ExtractionException {
    StringBuilder body = new StringBuilder("<div class=\"wrap\"><div class=\"entry\">");
    for (int i = 0; i < 5; i++) {
      body.append("<p>").append(i % 2 == 0 ? PROSE + PROSE_2 : PROSE_2 + PROSE).append(i).append("</p>");
    }
    body.append("</div><div id=\"comments\">");
    for (int i = 0; i < 5; i++) {
      body.append("<div class=\"c\"><p class=\"who\">Reader ").append(i).append(" said:</p><p>")
          .append("I drove along Mill Road every day for years and I cannot believe the council took so long ")
          .append("to decide, but better late than never I suppose, comment ").append(i).append(".</p></div>");
    }
    body.append("</div></div>");
    Article a = extract(page("<title>Council approves plan</title>", body.toString()),
        "https://example.org/2024/05/07/plan.html");
    assertTrue(a.text().startsWith((PROSE + PROSE_2).strip()), a.text());
    assertFalse(a.text().contains("Mill Road every day"), a.text());
  }

  @Test
  void commentsUnderAShortDeclaredArticleAreNotTakenForAForum() throws ExtractionException {
    StringBuilder body = new StringBuilder("<div class=\"wrap\"><div class=\"entry\"><p>")
        .append(PROSE).append(PROSE_2).append("</p></div><ol class=\"commentlist\">");
    for (int i = 0; i < 8; i++) {
      body.append("<li class=\"comment\"><p>I drove along Mill Road every day for years and I cannot ")
          .append("believe the council took so long to decide, but better late than never I suppose, ")
          .append("reader ").append(i).append(".</p></li>");
    }
    body.append("</ol></div>");
    String head = "<title>Council approves plan</title><meta property=\"og:type\" content=\"article\">";
    Article a = extract(page(head, body.toString()), "https://example.org/2024/05/07/plan.html");
    assertEquals((PROSE + PROSE_2).strip(), a.text());

    Article forum = extract(page("<title>Council approves plan</title>", body.toString()),
        "https://example.org/forum/plan");
    assertTrue(forum.text().contains("Mill Road every day"), "a thread keeps its posts: " + forum.text());
  }

  @Test
  void aHeadingWhoseSectionWasAllLinksGoesWithIt() throws ExtractionException {
    String links = "<h2>Trips in the north</h2>"
        + "<ul><li><a href=\"/a\">Along the coast by bike</a></li>"
        + "<li><a href=\"/b\">Three days on the lakes</a></li>"
        + "<li><a href=\"/c\">A night in the forest hut</a></li></ul>";
    String body = "<article><h1>Council approves plan</h1><p>" + PROSE + PROSE_2 + "</p>" + links
        + "<h2>What the council said</h2><p>" + PROSE_2 + PROSE + "</p></article>";
    String head = "<title>Council approves plan</title>"
        + "<meta property=\"og:type\" content=\"article\">";
    Article a = extract(page(head, body), "https://example.org/2024/05/07/plan.html");
    assertFalse(a.text().contains("Along the coast"), a.text());
    assertFalse(a.text().contains("Trips in the north"),
        "the heading over the dropped links: " + a.text());
    assertTrue(a.text().contains("What the council said"), a.text());
  }

  @Test
  void anAsideBesideAShortArticleGoesEvenWhenItHoldsMuchOfThePage() throws ExtractionException {
    String promo = "Our magazine was founded in 1998 by a group of friends who wanted to "
        + "write about their city, and it has grown into the largest independent "
        + "publication of the region, "
        + "read by thousands every week in print and online, with a team of twelve writers. ";
    String body = "<div class=\"main\"><article><h1>Council approves plan</h1><p>" + PROSE + PROSE_2
        + PROSE + "</p><p>" + PROSE_2 + PROSE + PROSE_2 + "</p></article><aside><p>" + promo + promo
        + "</p></aside></div>";
    Article a = extract(page("<title>Council approves plan</title>", body),
        "https://example.org/2024/05/07/plan.html");
    assertTrue(a.text().contains("Work on the first bus lanes"), a.text());
    assertFalse(a.text().contains("Our magazine was founded"), a.text());

    Article footer = extract(page("<title>Council approves plan</title>",
        body.replace("aside>", "footer>")), "https://example.org/2024/05/07/plan.html");
    assertFalse(footer.text().contains("Our magazine was founded"), footer.text());
  }
}
