package org.newsarc.crawler.status;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of a running crawl: fetches, bytes, articles, answers by status class, errors by
 * kind, a one-minute window for pages per second, and the workers' CPU time by stage.
 * Thread-safe and lock-free.
 */
public final class CrawlStats {
  private static final int WINDOW = 60;

  private final Clock clock;
  private final Instant started;
  private final LongAdder fetches = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder articles = new LongAdder();
  private final LongAdder notModified = new LongAdder();
  private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final AtomicLongArray bucketSecond = new AtomicLongArray(WINDOW);
  private final AtomicLongArray bucketCount = new AtomicLongArray(WINDOW);
  private final StageTimes stages = new StageTimes();

  public CrawlStats(Clock clock) {
    this.clock = clock;
    this.started = clock.instant();
  }

  /** Counts one HTTP answer to a frontier URL. */
  public void fetched(int status, long bodyBytes) {
    fetches.increment();
    bytes.add(bodyBytes);
    statuses.computeIfAbsent(status / 100 + "xx", k -> new LongAdder()).increment();
    if (status == 304) {
      notModified.increment();
    }
    long second = clock.millis() / 1000;
    int i = (int) (second % WINDOW);
    if (bucketSecond.getAndSet(i, second) != second) {
      bucketCount.set(i, 0);
    }
    bucketCount.incrementAndGet(i);
  }

  /** The workers' CPU time by stage of a capture. */
  public StageTimes stages() {
    return stages;
  }

  public void article() {
    articles.increment();
  }

  /** Counts one error of {@code kind} (a failure label such as "timeout" or "http-status"). */
  public void error(String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  public long fetches() {
    return fetches.sum();
  }

  public long bytes() {
    return bytes.sum();
  }

  public long articles() {
    return articles.sum();
  }

  public long notModified() {
    return notModified.sum();
  }

  public Instant started() {
    return started;
  }

  public Map<String, Long> statuses() {
    return snapshot(statuses);
  }

  public Map<String, Long> errors() {
    return snapshot(errors);
  }

  /** Pages per second over the last minute (or since the start, when shorter). */
  public double pagesPerSecond() {
    long now = clock.millis() / 1000;
    long sum = 0;
    for (int i = 0; i < WINDOW; i++) {
      long s = bucketSecond.get(i);
      if (s > now - WINDOW && s <= now) {
        sum += bucketCount.get(i);
      }
    }
    double seconds = Math.min(WINDOW, Math.max(1.0, (clock.millis() - started.toEpochMilli()) / 1000.0));
    return sum / seconds;
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
    Map<String, Long> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
