package org.newsarc.extractor.internal;

import java.util.EnumSet;
import java.util.Set;
import org.newsarc.extractor.ExtractionRule;

/**
 * The extraction rules in force for the page being extracted on this thread, and the record of
 * which of them acted on it. The rule code is static and deep, so the rules switched off travel
 * beside it rather than through every call: {@link #open} starts a scope for one page, and
 * every rule asks {@link #fires} at the point where it would change the outcome. With no scope
 * open every rule is on and nothing is recorded. Each scope belongs to one thread.
 */
public final class Rules implements AutoCloseable {

  private static final ThreadLocal<Rules> CURRENT = new ThreadLocal<>();

  private final Set<ExtractionRule> disabled;
  private final EnumSet<ExtractionRule> fired = EnumSet.noneOf(ExtractionRule.class);
  private final Rules outer;

  private Rules(Set<ExtractionRule> disabled, Rules outer) {
    this.disabled = disabled;
    this.outer = outer;
  }

  /** Starts a scope on this thread with {@code disabled} switched off; close it when done. */
  public static Rules open(Set<ExtractionRule> disabled) {
    Rules scope = new Rules(disabled.isEmpty() ? Set.of() : EnumSet.copyOf(disabled),
        CURRENT.get());
    CURRENT.set(scope);
    return scope;
  }

  /**
   * Whether {@code rule} acts here: {@code condition} is whether it applies at this point. A
   * rule that applies is recorded as having acted on the page, and acts unless switched off.
   */
  public static boolean fires(ExtractionRule rule, boolean condition) {
    if (!condition) {
      return false;
    }
    Rules scope = CURRENT.get();
    if (scope == null) {
      return true;
    }
    scope.fired.add(rule);
    return !scope.disabled.contains(rule);
  }

  /** The rules that applied somewhere on the page so far (switched off or not). */
  public Set<ExtractionRule> fired() {
    return EnumSet.copyOf(fired);
  }

  @Override
  public void close() {
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }
}
