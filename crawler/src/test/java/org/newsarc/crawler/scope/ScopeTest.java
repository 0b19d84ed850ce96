package org.newsarc.crawler.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsarc.crawler.config.ConfigLoader;
import org.newsarc.crawler.config.ScopeConfig;

/** Scope rules and trap guards, one URL per row; "accept" or the rule that refuses it. */
class ScopeTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

  @TempDir
  static Path dir;

  static Scope scope() throws Exception {
    Path file = Files.createTempFile("scope", ".yaml");
    Files.writeString(file, """
        scope:
          allow-domains: [partner.org]
          deny-domains: [ads.news.example]
          deny-path-prefixes: [/login, /search]
          deny-patterns: ['\\.(jpg|png|pdf)$']
          max-depth: 3
          max-url-length: 80
        """, StandardCharsets.UTF_8);
    ScopeConfig config = new ConfigLoader().load(file).scope();
    return new Scope(config, List.of("https://www.news.example/"), CLOCK);
  }

  @ParameterizedTest(name = "{0} at depth {1}: {2}")
  @CsvSource({
      "https://www.news.example/world/story, 1, accept",
      "https://news.example/world/story, 1, accept",
      "https://video.partner.org/clip, 1, accept",
      "https://elsewhere.example/story, 1, off-site",
      "https://ads.news.example/x, 1, deny-domain",
      "https://www.news.example/login?next=/, 1, deny-path",
      "https://www.news.example/photo.jpg, 1, deny-pattern",
      "https://www.news.example/world/story, 4, max-depth",
      "https://www.news.example/a/b/a/b/a/b/story, 1, trap:repeated-segments",
      "https://www.news.example/tag/tag/x, 1, accept",
      "https://www.news.example/?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9, 1, trap:too-many-query-parameters",
      "https://www.news.example/calendar/2031/05/01, 1, trap:calendar",
      "https://www.news.example/archive/1066/10/14, 1, trap:calendar",
      "https://www.news.example/2024/05/01/story, 1, accept",
      "https://www.news.example/2026/12/01/preview, 1, accept",
      "https://www.news.example/events?year=2090, 1, trap:calendar",
      "https://www.news.example/a-very-long-path-that-goes-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on, 1, max-url-length",
  })
  void decides(String url, int depth, String expected) throws Exception {
    Verdict v = scope().check(url, depth);
    assertEquals(expected, v.accepted() ? "accept" : v.reason());
  }
}
