package org.newsarc.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations as people write them: "500ms", "2s", "5m", "1h", "1d", or ISO 8601 "PT2S". */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /** Parses {@code value}; throws {@link TypeConversionException} with a readable message. */
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
        throw new TypeConversionException("negative duration: " + value);
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
          throw new TypeConversionException("unknown duration unit in '" + value + "'");
        }
      };
      return Duration.ofMillis(Math.round(seconds * 1000));
    } catch (NumberFormatException | java.time.format.DateTimeParseException
        | StringIndexOutOfBoundsException e) {
      throw new TypeConversionException("not a duration: '" + value
          + "' (write e.g. 500ms, 2s, 5m, 1h)");
    }
  }
}
