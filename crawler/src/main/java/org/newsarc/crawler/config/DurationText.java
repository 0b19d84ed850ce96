package org.newsarc.crawler.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads durations as people write them: "500ms", "2s", "5m", "1h", "7d", or ISO 8601 "PT2S". */
public final class DurationText {
  private DurationText() {}

  /**
   * Parses {@code value}.
   *
   * @throws IllegalArgumentException with a readable message when it is not a duration
   */
  public static Duration parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
      }
      char unit = v.charAt(v.length() - 1);
      String number = Character.isDigit(unit) ? v : v.substring(0, v.length() - 1).strip();
      double amount = Double.parseDouble(number);
      if (amount < 0) {
        throw new IllegalArgumentException("negative duration: " + value);
      }
      double seconds = switch (unit) {
        case 's' -> amount;
        case 'm' -> amount * 60;
        case 'h' -> amount * 3600;
        case 'd' -> amount * 86400;
        default -> {
          if (Character.isDigit(unit)) {
            yield amount;
          }
          throw new IllegalArgumentException("unknown duration unit in '" + value + "'");
        }
      };
      return Duration.ofMillis(Math.round(seconds * 1000));
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("not a duration: '" + value
          + "' (write e.g. 500ms, 2s, 5m, 1h, 7d)");
    }
  }

  /** Formats {@code d} the way {@link #parse} reads it, e.g. "90s" or "2h". */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000 == 0 && ms > 0) {
      return ms / 86_400_000 + "d";
    }
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
