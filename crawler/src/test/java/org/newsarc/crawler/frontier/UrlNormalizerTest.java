package org.newsarc.crawler.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** URL variants that must fold into one frontier entry. */
class UrlNormalizerTest {
  private final UrlNormalizer normalizer = new UrlNormalizer();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "HTTPS://WWW.News.Example:443/a/../b/story#comments | https://www.news.example/b/story",
      "https://news.example/s?utm_source=tw&utm_medium=social&id=7 | https://news.example/s?id=7",
      "https://news.example/s?fbclid=abc&gclid=def | https://news.example/s",
      "https://news.example/s?b=2&a=1 | https://news.example/s?a=1&b=2",
      "http://news.example:80/ | http://news.example/",
      "mailto:someone@news.example | ",
      "javascript:void(0) | ",
  })
  void normalises(String in, String expected) {
    assertEquals(expected, normalizer.normalize(in));
  }
}
