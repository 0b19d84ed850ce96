package org.newsarc.crawler.politeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsarc.crawler.config.ConfigLoader;
import org.newsarc.crawler.config.PolitenessConfig;
import org.newsarc.crawler.frontier.QueueUpdate;

/** Retry-After parsing, the gap rule, back-off growth and jitter bounds, the cap, parking. */
class QueuePolicyTest {
  static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "120 | 2026-11-23T01:02:00Z",
      "0 | 2026-11-23T01:00:00Z",
      "Mon, 23 Nov 2026 01:30:00 GMT | 2026-11-23T01:30:00Z",
      "Sun, 22 Nov 2026 23:00:00 GMT | 2026-11-23T01:00:00Z",
      "soon | ",
      "-5 | ",
  })
  void retryAfter(String header, String expected) {
    assertEquals(expected == null ? Optional.empty() : Optional.of(Instant.parse(expected)),
        RetryAfter.until(header, NOW));
  }

  static PolitenessConfig config(String yaml) throws Exception {
    Path f = Files.createTempFile("politeness", ".yaml");
    Files.writeString(f, "politeness:\n" + yaml);
    return new ConfigLoader().load(f).politeness();
  }

  @Test
  void gapIsTheLargestOfDelayCrawlDelayAndResponseTimes() throws Exception {
    QueuePolicy p = new QueuePolicy(config("  delay: 2s\n  response-time-factor: 5\n"), CLOCK,
        RandomGenerator.getDefault());
    assertEquals(NOW.plusSeconds(2), p.answered(Duration.ofMillis(100), Duration.ZERO)
        .nextAllowedAt());
    assertEquals(NOW.plusSeconds(7), p.answered(Duration.ofMillis(100), Duration.ofSeconds(7))
        .nextAllowedAt());
    assertEquals(NOW.plusSeconds(10), p.answered(Duration.ofSeconds(2), Duration.ofSeconds(7))
        .nextAllowedAt());
  }

  @Test
  void retryAfterIsCappedAndBackOffDoublesWithBoundedJitter() throws Exception {
    PolitenessConfig c = config("  delay: 1s\n  retry-after-cap: 10m\n  backoff-base: 10s\n"
        + "  backoff-cap: 5m\n  park-after-failures: 20\n");
    QueuePolicy p = new QueuePolicy(c, CLOCK, RandomGenerator.getDefault());
    assertEquals(NOW.plus(Duration.ofMinutes(10)),
        p.overloaded(429, "86400", Duration.ZERO, Duration.ZERO, 0).nextAllowedAt());
    for (int failures = 1; failures <= 8; failures++) {
      long base = Math.min(300_000, 10_000L << (failures - 1));
      for (int i = 0; i < 50; i++) {
        long ms = p.backoff(failures).toMillis();
        assertTrue(ms >= base && ms <= Math.min(300_000, base * 3 / 2),
            failures + " failures: " + ms + " ms");
      }
    }
  }

  @Test
  void parkedAfterTooManyFailuresWithTheReason() throws Exception {
    QueuePolicy p = new QueuePolicy(config("  park-after-failures: 3\n  park-duration: 2h\n"),
        CLOCK, RandomGenerator.getDefault());
    QueueUpdate u = p.unreachable("connect", 2);
    assertTrue(u.parked());
    assertEquals(NOW.plus(Duration.ofHours(2)), u.nextAllowedAt());
    assertTrue(u.reason().startsWith("parked after 3 failures in a row (last: connect)"),
        u.reason());
  }
}
