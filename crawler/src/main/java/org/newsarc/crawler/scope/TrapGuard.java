package org.newsarc.crawler.scope;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsarc.crawler.config.TrapConfig;

/**
 * Recognises URL spaces without end from the URL alone: a path segment repeated again and
 * again (relative links resolving against themselves), too many query parameters, and
 * calendars that page into the far future or the distant past. The per-path limit on query
 * variants needs the frontier's counts and is kept there. Thread-safe.
 */
public final class TrapGuard {
  /** yyyy/mm(/dd), yyyy-mm(-dd), and year=/month= style calendar parameters. */
  private static final Pattern PATH_DATE =
      Pattern.compile("(?<![0-9])((?:1[0-9]|2[0-9])[0-9]{2})[/_-](0?[1-9]|1[0-2])(?:[/_-](0?[1-9]|[12][0-9]|3[01]))?(?![0-9])");
  private static final Pattern QUERY_YEAR =
      Pattern.compile("(?i)(?:^|&)(?:year|yr|y|date|day|month|cal[a-z]*)=((?:1[0-9]|2[0-9])[0-9]{2})");

  private final TrapConfig config;
  private final Clock clock;

  public TrapGuard(TrapConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Why {@code uri} looks like a trap, or null when it does not. */
  public String check(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (repeatedSegments(path)) {
      return "trap:repeated-segments";
    }
    String query = uri.getRawQuery();
    if (query != null && query.split("&").length > config.maxQueryParameters()) {
      return "trap:too-many-query-parameters";
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Matcher m = PATH_DATE.matcher(path);
    while (m.find()) {
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      if (outsideCalendar(year, month, day, today)) {
        return "trap:calendar";
      }
    }
    if (query != null) {
      Matcher q = QUERY_YEAR.matcher(query);
      while (q.find()) {
        if (outsideCalendar(Integer.parseInt(q.group(1)), 1, 1, today)) {
          return "trap:calendar";
        }
      }
    }
    return null;
  }

  private boolean outsideCalendar(int year, int month, int day, LocalDate today) {
    if (year < config.calendarMinYear()) {
      return true;
    }
    LocalDate date;
    try {
      date = LocalDate.of(year, month, Math.min(day, 28));
    } catch (java.time.DateTimeException e) {
      return false;
    }
    return date.isAfter(today.plusDays(config.calendarMaxDaysAhead()));
  }

  private boolean repeatedSegments(String path) {
    Map<String, Integer> counts = new HashMap<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (counts.merge(segment, 1, Integer::sum) > config.maxRepeatedSegments()) {
        return true;
      }
    }
    return false;
  }
}
