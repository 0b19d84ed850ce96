package org.newsarc.crawler.politeness;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a Retry-After header (RFC 9110 section 10.2.3): either a number of seconds or an
 * HTTP-date. Lenient: anything else is ignored, so the caller falls back to its own back-off.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /** The time {@code value} asks to wait until, counted from {@code now}; empty when unreadable. */
  public static Optional<Instant> until(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(now.plus(Duration.ofSeconds(Long.parseLong(v))));
      } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
        // More seconds than any clock holds: as long as possible; the caller caps it.
        return Optional.of(Instant.MAX);
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isBefore(now) ? now : at);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
