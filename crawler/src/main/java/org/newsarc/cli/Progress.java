package org.newsarc.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-line progress display on stderr (done/total, failures, rate, ETA), redrawn in place.
 * Shown only when the process has a terminal; otherwise every call does nothing. Not
 * thread-safe: callers serialize their calls.
 */
final class Progress {
  private static final Duration REDRAW = Duration.ofMillis(200);

  private final PrintStream err;
  private final int total;
  private final Clock clock;
  private final Instant start;
  private final boolean on;
  private int done;
  private int failed;
  private Instant drawn = Instant.MIN;
  private boolean visible;
  private boolean cleared;

  private Progress(PrintStream err, int total, Clock clock, boolean on) {
    this.err = err;
    this.total = total;
    this.clock = clock;
    this.start = clock.instant();
    this.on = on;
  }

  /** A display on stderr when there is a terminal, else a silent one. */
  static Progress onTerminal(int total, Clock clock) {
    return new Progress(System.err, total, clock, System.console() != null);
  }

  /** Counts one finished URL and redraws at most every 200 ms (and at the end). */
  void step(boolean ok) {
    done++;
    if (!ok) {
      failed++;
    }
    Instant now = clock.instant();
    if (on && (done == total || cleared
        || Duration.between(drawn, now).compareTo(REDRAW) >= 0)) {
      cleared = false;
      drawn = now;
      err.print("\r" + line(done, failed, total, Duration.between(start, now)) + "\u001b[K");
      err.flush();
      visible = true;
    }
  }

  /** Removes the line so that other output can be printed. */
  void clear() {
    if (visible) {
      err.print("\r\u001b[K");
      err.flush();
      visible = false;
      cleared = true;
    }
  }

  /** The text shown, e.g. {@code [####......] 412/1000, 3 failed, 41.2/s, ETA 14s}. */
  static String line(int done, int failed, int total, Duration elapsed) {
    int width = 20;
    int filled = total == 0 ? width : (int) ((long) done * width / total);
    double secs = Math.max(0.001, elapsed.toMillis() / 1000.0);
    double rate = done / secs;
    String eta = rate <= 0 ? "?" : Math.round((total - done) / rate) + "s";
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total
        + (failed > 0 ? ", " + failed + " failed" : "") + String.format(", %.1f/s, ETA %s",
            rate, eta);
  }
}
