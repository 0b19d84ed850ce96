package org.newsarc.crawler.daemon;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injection hook for crash tests: the environment variable {@code NEWSARC_CRASH_AT}
 * set to {@code POINT:N} halts the JVM, as {@code kill -9} would (no shutdown hooks, nothing
 * flushed or rolled back by the process), the N-th time the crawl reaches POINT. Points:
 * {@code capture-written} (a response is forced to the WARC, its catalog transaction not yet
 * begun), {@code metadata-written} (its metadata record is written too, still no commit),
 * {@code group-commit} (the rows of a group of captures are written in their transaction, not
 * yet committed) and
 * {@code robots-written} (a robots.txt record is in the WARC, its catalog row not yet added).
 * Unset, every call is a no-op. Thread-safe.
 */
final class CrashPoint {
  /** The exit code of a halt at a crash point: that of a process ended by SIGKILL. */
  static final int EXIT_CODE = 137;

  private static final String POINT;
  private static final int NTH;
  private static final AtomicInteger REACHED = new AtomicInteger();

  static {
    String spec = System.getenv("NEWSARC_CRASH_AT");
    String point = null;
    int nth = 0;
    if (spec != null && !spec.isBlank()) {
      int colon = spec.lastIndexOf(':');
      try {
        point = (colon < 0 ? spec : spec.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        nth = colon < 0 ? 1 : Integer.parseInt(spec.substring(colon + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalStateException("NEWSARC_CRASH_AT must be POINT:N, not " + spec, e);
      }
    }
    POINT = point;
    NTH = nth;
  }

  private CrashPoint() {}

  /** Halts the JVM when {@code point} is the configured one and this is its N-th time. */
  static void reached(String point) {
    if (POINT != null && POINT.equals(point) && REACHED.incrementAndGet() == NTH) {
      Runtime.getRuntime().halt(EXIT_CODE);
    }
  }
}
