package org.newsarc.crawler.daemon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds are revisited with If-None-Match / If-Modified-Since; an unchanged feed answers 304,
 * which is archived, and its revisit interval grows. Articles are fetched once.
 */
class ConditionalGetTest {
  @TempDir
  Path dir;

  WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.13").dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void revisitsSendValidatorsAndGet304() throws Exception {
    String base = "http://127.0.0.13:" + server.port();
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    server.stubFor(get("/feed.xml").atPriority(5).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/rss+xml").withHeader("ETag", "\"v1\"")
        .withHeader("Last-Modified", "Wed, 01 May 2024 12:00:00 GMT")
        .withBody("<rss version=\"2.0\"><channel><item><title>One</title><link>" + base
            + "/story</link></item></channel></rss>")));
    server.stubFor(get("/feed.xml").atPriority(1)
        .withHeader("If-None-Match", equalTo("\"v1\""))
        .withHeader("If-Modified-Since", equalTo("Wed, 01 May 2024 12:00:00 GMT"))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
    server.stubFor(get("/story").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html")
        .withBody(DiscoveryTest.article("Story"))));

    // Revisit every 300 ms at first; a 5-fetch budget covers the story and the feed four times.
    CrawlSummary summary = CrawlHarness.crawl(dir, "seeds:\n  urls: [" + base + "/feed.xml]\n"
        + "politeness:\n  delay: 10ms\nrecrawl:\n  initial-interval: 300ms\n"
        + "  min-interval: 100ms\n", 5, false);

    server.verify(1, getRequestedFor(urlEqualTo("/story")));
    int feedRequests = server.findAll(getRequestedFor(urlEqualTo("/feed.xml"))).size();
    assertTrue(feedRequests >= 3, "feed revisited: " + feedRequests + ", " + summary);
    server.verify(feedRequests - 1, getRequestedFor(urlEqualTo("/feed.xml"))
        .withHeader("If-None-Match", equalTo("\"v1\"")));
    List<List<String>> statuses = CrawlHarness.query(dir,
        "SELECT status FROM captures WHERE url LIKE '%/feed.xml' ORDER BY id");
    assertEquals("200", statuses.get(0).get(0));
    assertTrue(statuses.subList(1, statuses.size()).stream().allMatch(s -> s.get(0).equals("304")),
        "revisits answered 304 and were archived: " + statuses);
    long interval = Long.parseLong(CrawlHarness.query(dir,
        "SELECT revisit_seconds FROM frontier_urls WHERE url LIKE '%/feed.xml'").get(0).get(0));
    assertTrue(interval >= 0, "interval kept");
    assertEquals("done", CrawlHarness.query(dir,
        "SELECT state FROM frontier_urls WHERE url LIKE '%/story'").get(0).get(0));
  }
}
