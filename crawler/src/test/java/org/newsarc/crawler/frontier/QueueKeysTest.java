package org.newsarc.crawler.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One queue per host, or per registered domain (public suffix list). */
class QueueKeysTest {
  @ParameterizedTest
  @CsvSource({
      "https://www.bbc.co.uk/news/1, www.bbc.co.uk, bbc.co.uk",
      "https://feeds.bbci.co.uk/news/rss.xml, feeds.bbci.co.uk, bbci.co.uk",
      "http://WWW.RT.COM:8080/x, www.rt.com, rt.com",
      "http://127.0.0.2:4000/, 127.0.0.2, 127.0.0.2",
  })
  void queues(String url, String byHost, String byDomain) {
    assertEquals(byHost, new QueueKeys(false).queueOf(url));
    assertEquals(byDomain, new QueueKeys(true).queueOf(url));
  }
}
