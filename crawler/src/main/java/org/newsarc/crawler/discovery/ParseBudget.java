package org.newsarc.crawler.discovery;

import java.util.concurrent.Semaphore;

/**
 * Bounds the decoded bytes that all workers of a crawl parse at the same time. Parsing n bytes
 * costs the bytes plus a DOM, the extractor's statistics or an entry list, which can reach about
 * 55 times n (a page made of nothing but {@code <p>} tags), so a per-worker cap alone would let
 * memory grow with the number of workers; with a shared budget it does not. A worker takes a
 * share of the size it is about to parse, waiting for room if need be, and gives it back when
 * it is done. Ordinary pages take a few hundred KiB of it, so they rarely wait; compression
 * bombs and link farms take a large share and wait for each other. Thread-safe.
 */
public final class ParseBudget {
  /**
   * The budget of a crawl: 6 MiB of decoded bytes parsed at once. The extractor needs up to
   * about 55 times the bytes it parses (DOM and per-element statistics of a page of nothing but
   * {@code <p>}), so this is about 350 MB at worst; ordinary pages of 100-300 KiB still parse
   * 20 or more at a time.
   */
  public static final long DEFAULT_BYTES = 6L << 20;
  private static final int UNIT = 1024;

  private final Semaphore units;
  private final int total;

  /** A budget of {@code bytes} (at least 1 KiB). */
  public ParseBudget(long bytes) {
    if (bytes < UNIT || bytes / UNIT > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("parse budget must be 1 KiB to 2 TiB, not " + bytes);
    }
    total = (int) (bytes / UNIT);
    units = new Semaphore(total, true);
  }

  /** The most one share can hold: the whole budget. */
  public long bytes() {
    return (long) total * UNIT;
  }

  /**
   * Waits until {@code bytes} (at most the whole budget) are free and takes them. A worker
   * holds one share at a time: taking a second one while holding the first could wait forever.
   */
  public Share reserve(long bytes) {
    int n = units(bytes);
    units.acquireUninterruptibly(n);
    return new Share(n);
  }

  /** The units free now, for tests and the status page. */
  public long freeBytes() {
    return (long) units.availablePermits() * UNIT;
  }

  private int units(long bytes) {
    return (int) Math.max(1, Math.min(total, (bytes + UNIT - 1) / UNIT));
  }

  /** Bytes taken from the budget; closing gives them back. Used by one thread. */
  public final class Share implements AutoCloseable {
    private int held;

    private Share(int held) {
      this.held = held;
    }

    /** Gives back all but {@code bytes}, once it is known how much was decoded. */
    public void shrinkTo(long bytes) {
      int keep = Math.min(held, units(bytes));
      units.release(held - keep);
      held = keep;
    }

    @Override
    public void close() {
      units.release(held);
      held = 0;
    }
  }
}
