package org.newsarc.crawler.config;

/**
 * Guards against crawler traps: URL spaces without end that would fill the frontier. Immutable.
 *
 * @param maxRepeatedSegments a path in which one segment occurs more often than this is a trap
 *     (default 2: /a/b/a/b/a is refused)
 * @param maxQueryParameters URLs with more query parameters than this are refused (default 8)
 * @param maxQueryVariantsPerPath at most this many distinct query strings per host and path
 *     are admitted (default 50); stops endless sort/filter/session permutations
 * @param calendarMinYear dates in a path or query before this year are a calendar trap
 *     (default 1990)
 * @param calendarMaxDaysAhead dates in a path or query further in the future than this many
 *     days are a calendar trap (default 31)
 */
public record TrapConfig(
    Integer maxRepeatedSegments,
    Integer maxQueryParameters,
    Integer maxQueryVariantsPerPath,
    Integer calendarMinYear,
    Integer calendarMaxDaysAhead) {
  public TrapConfig {
    maxRepeatedSegments = Defaults.atLeast(Defaults.or(maxRepeatedSegments, 2), 1,
        "traps.max-repeated-segments");
    maxQueryParameters = Defaults.atLeast(Defaults.or(maxQueryParameters, 8), 0,
        "traps.max-query-parameters");
    maxQueryVariantsPerPath = Defaults.atLeast(Defaults.or(maxQueryVariantsPerPath, 50), 1,
        "traps.max-query-variants-per-path");
    calendarMinYear = Defaults.or(calendarMinYear, 1990);
    calendarMaxDaysAhead = Defaults.atLeast(Defaults.or(calendarMaxDaysAhead, 31), 0,
        "traps.calendar-max-days-ahead");
  }

  static TrapConfig defaults() {
    return new TrapConfig(null, null, null, null, null);
  }
}
