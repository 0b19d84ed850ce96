package org.newsarc.crawler.status;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The CPU time the workers spend in each stage of a capture, summed over all workers: how
 * often each stage ran and how many nanoseconds of the running thread's CPU it took (not wall
 * time: a worker waiting for a socket or a lock costs nothing here). Reading a thread's CPU
 * clock costs well under a microsecond, against milliseconds per capture. Where the JVM cannot
 * measure a thread's CPU time every figure stays 0. Thread-safe and lock-free.
 */
public final class StageTimes {
  /** The stages, in the order a capture passes through them. */
  public enum Stage {
    /** Taking the next URL from the frontier (a catalog transaction of its own). */
    LEASE("lease"),
    /** The HTTP exchange: request, response, decoding of the transfer. */
    FETCH("fetch"),
    /** The request and response records: digests, deflating, writing, the CDXJ line. */
    WARC("warc"),
    /** Parsing the page and extracting the article (and its links, from the same tree). */
    EXTRACT("extract"),
    /** The article's story features: its content words, their MinHash signature. */
    STORY("story"),
    /** The capture's metadata record in the WARC file. */
    METADATA("metadata"),
    /**
     * The page's links screened for the frontier, the catalog's rows for the capture, and the
     * capture's share of the group commit.
     */
    CATALOG("catalog");

    private final String label;

    Stage(String label) {
      this.label = label;
    }

    /** The stage's name in status output and metrics. */
    public String label() {
      return label;
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final boolean measured;
  private final Map<Stage, LongAdder> nanos = new EnumMap<>(Stage.class);
  private final Map<Stage, LongAdder> counts = new EnumMap<>(Stage.class);

  /** Stage times measured when the JVM can measure the current thread's CPU time. */
  public StageTimes() {
    this(THREADS.isCurrentThreadCpuTimeSupported());
  }

  StageTimes(boolean measured) {
    this.measured = measured;
    for (Stage s : Stage.values()) {
      nanos.put(s, new LongAdder());
      counts.put(s, new LongAdder());
    }
  }

  /** Stage times that count nothing, for code run outside a crawl. */
  public static StageTimes off() {
    return new StageTimes(false);
  }

  /** The current thread's CPU clock, to hand back to {@link #end}; 0 when not measured. */
  public long start() {
    return measured ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  /** Counts one run of {@code stage} on this thread since {@code start} (from {@link #start}). */
  public void end(Stage stage, long start) {
    if (!measured) {
      return;
    }
    counts.get(stage).increment();
    nanos.get(stage).add(Math.max(0, THREADS.getCurrentThreadCpuTime() - start));
  }

  /** Whether the CPU times are measured at all. */
  public boolean measured() {
    return measured;
  }

  /** The CPU nanoseconds spent in {@code stage} so far, over all threads. */
  public long nanos(Stage stage) {
    return nanos.get(stage).sum();
  }

  /** How many times {@code stage} ran so far. */
  public long count(Stage stage) {
    return counts.get(stage).sum();
  }

  /** CPU seconds by stage label, in stage order, for status output. */
  public Map<String, Double> seconds() {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (Stage s : Stage.values()) {
      out.put(s.label(), Math.round(nanos(s) / 1e6) / 1e3);
    }
    return out;
  }

  /**
   * One line of milliseconds per fetch by stage, e.g. {@code lease 0.34, fetch 0.51, warc
   * 2.47, extract 4.52, story 0.43, metadata 0.28, catalog 1.90 ms CPU per fetch (10.45 in
   * all)}; null when nothing was measured.
   */
  public String perFetch(long fetches) {
    if (!measured || fetches <= 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    long all = 0;
    for (Stage s : Stage.values()) {
      all += nanos(s);
      sb.append(sb.length() == 0 ? "" : ", ").append(s.label()).append(' ')
          .append(String.format(Locale.ROOT, "%.2f", nanos(s) / 1e6 / fetches));
    }
    return sb.append(String.format(Locale.ROOT, " ms CPU per fetch (%.2f in all)",
        all / 1e6 / fetches)).toString();
  }
}
