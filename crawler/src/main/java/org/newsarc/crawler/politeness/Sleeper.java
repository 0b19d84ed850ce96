package org.newsarc.crawler.politeness;

import java.time.Duration;

/** Waits; tests replace it so that waiting advances a fake clock instead of real time. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the calling thread. */
  Sleeper SYSTEM = d -> {
    if (!d.isNegative() && !d.isZero()) {
      Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
    }
  };
}
