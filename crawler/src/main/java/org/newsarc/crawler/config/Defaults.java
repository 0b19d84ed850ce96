package org.newsarc.crawler.config;

import java.util.List;

/** Null-coalescing for the config records' compact constructors, where defaults are set. */
final class Defaults {
  private Defaults() {}

  static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }

  static <T> List<T> list(List<T> value) {
    return value == null ? List.of() : List.copyOf(value);
  }

  static java.time.Duration positive(java.time.Duration d, String name) {
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return d;
  }

  /** Timeouts: zero would mean "wait forever" to the HTTP client, so it is refused too. */
  static java.time.Duration nonZero(java.time.Duration d, String name) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be more than zero: " + d);
    }
    return d;
  }

  static int atLeast(int value, int min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
    }
    return value;
  }
}
