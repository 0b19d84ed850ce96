package org.newsarc.extractor;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Limits that bound the work done on one page, so that hostile or broken input cannot stall
 * a crawl, and the extraction rules switched off. Immutable and thread-safe.
 *
 * @param maxInputBytes pages longer than this are cut to this many bytes before parsing
 *     (default 8 MiB; an article's text is never that far in)
 * @param maxDepth elements nested deeper than this are attached at this depth (default 256)
 * @param disabledRules the rules not applied (default none; see {@link ExtractionRule})
 */
public record ExtractorOptions(int maxInputBytes, int maxDepth, Set<ExtractionRule> disabledRules) {

  /** The defaults described above. */
  public static final ExtractorOptions DEFAULTS = new ExtractorOptions(8 << 20, 256);

  public ExtractorOptions {
    if (maxInputBytes <= 0 || maxDepth <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    disabledRules = disabledRules == null || disabledRules.isEmpty()
        ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(disabledRules));
  }

  /** These limits with every rule on. */
  public ExtractorOptions(int maxInputBytes, int maxDepth) {
    this(maxInputBytes, maxDepth, Set.of());
  }

  /** These options with {@code rules} switched off (and no others). */
  public ExtractorOptions withoutRules(Set<ExtractionRule> rules) {
    return new ExtractorOptions(maxInputBytes, maxDepth, rules);
  }
}
