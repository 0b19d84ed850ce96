package org.newsarc.extractor;

/**
 * Limits that bound the work done on one page, so that hostile or broken input cannot stall
 * a crawl. Immutable and thread-safe.
 *
 * @param maxInputBytes pages longer than this are cut to this many bytes before parsing
 *     (default 8 MiB; an article's text is never that far in)
 * @param maxDepth elements nested deeper than this are attached at this depth (default 256)
 */
public record ExtractorOptions(int maxInputBytes, int maxDepth) {

  /** The defaults described above. */
  public static final ExtractorOptions DEFAULTS = new ExtractorOptions(8 << 20, 256);

  public ExtractorOptions {
    if (maxInputBytes <= 0 || maxDepth <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
