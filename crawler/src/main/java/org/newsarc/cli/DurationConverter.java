package org.newsarc.cli;

import java.time.Duration;
import org.newsarc.crawler.config.DurationText;
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
    try {
      return DurationText.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
