package org.newsarc.crawler.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** URL checks at admission: invalid ports (issue 9, 9) and IDN hosts (issue 9, 10). */
class UrlTextTest {
  @ParameterizedTest
  @ValueSource(strings = {"http://example.org:99999/", "http://example.org:0/",
      "http://example.org:-1/", "http://example.org:80a/", "notaurl", "ftp://example.org/x",
      "mailto:a@example.org", "http://", "https:///path", "javascript:alert(1)"})
  void unfetchableUrlsAreRefusedWithAReason(String url) {
    assertNull(UrlText.ascii(url), url);
    assertNotNull(UrlText.problem(url), url);
  }

  @Test
  void tenKilobyteUrlsAreRefused() {
    assertNull(UrlText.ascii("http://example.org/?q=" + "a".repeat(10_000)));
  }

  @Test
  void idnHostsBecomePunycode() {
    assertEquals("https://xn--bcher-kva.example/b%C3%BCcher?x=1",
        UrlText.ascii("https://bücher.example/b%C3%BCcher?x=1"));
    assertEquals("http://xn--fiqs8s.xn--fiqz9s:8080/", UrlText.ascii("http://中国.中國:8080/"));
    assertEquals("http://example.org:65535/a", UrlText.ascii("http://example.org:65535/a"));
    assertEquals("http://[::1]:8080/", UrlText.ascii("http://[::1]:8080/"));
  }
}
