package org.newsarc.crawler.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.newsarc.crawler.status.StageTimes.Stage;

/** The workers' CPU time by stage: counted per thread, summed, and reported per fetch. */
class StageTimesTest {

  @Test
  void countsTheCpuOfEachStageOverAllThreads() throws Exception {
    StageTimes times = new StageTimes();
    assumeTrue(times.measured(), "this JVM cannot measure thread CPU time");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> runs = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        runs.add(pool.submit(() -> {
          long cpu = times.start();
          burn(20);
          times.end(Stage.EXTRACT, cpu);
          cpu = times.start();
          times.end(Stage.FETCH, cpu);
        }));
      }
      for (Future<?> f : runs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(6, times.count(Stage.EXTRACT));
    assertEquals(6, times.count(Stage.FETCH));
    assertEquals(0, times.count(Stage.CATALOG));
    // Six runs of at least 20 ms of their thread's CPU each.
    assertTrue(times.nanos(Stage.EXTRACT) >= 6 * 20_000_000L,
        "extract: " + times.nanos(Stage.EXTRACT));
    assertTrue(times.nanos(Stage.FETCH) < times.nanos(Stage.EXTRACT) / 10,
        "a stage that did nothing costs next to nothing: " + times.nanos(Stage.FETCH));
    assertEquals(0, times.nanos(Stage.CATALOG));
  }

  @Test
  void sleepingCostsNoCpu() throws Exception {
    StageTimes times = new StageTimes();
    assumeTrue(times.measured(), "this JVM cannot measure thread CPU time");
    long cpu = times.start();
    Thread.sleep(200);
    times.end(Stage.FETCH, cpu);
    assertTrue(times.nanos(Stage.FETCH) < 50_000_000L,
        "waiting is not CPU: " + times.nanos(Stage.FETCH));
  }

  @Test
  void reportsMillisecondsPerFetchInStageOrder() {
    StageTimes times = new StageTimes();
    assumeTrue(times.measured(), "this JVM cannot measure thread CPU time");
    long cpu = times.start();
    burn(10);
    times.end(Stage.WARC, cpu);
    String line = times.perFetch(4);
    assertTrue(line.matches("lease 0\\.00, fetch 0\\.00, warc \\d+\\.\\d\\d, extract 0\\.00, "
        + "story 0\\.00, metadata 0\\.00, catalog 0\\.00 ms CPU per fetch \\(\\d+\\.\\d\\d in all\\)"),
        line);
    assertEquals(List.of("lease", "fetch", "warc", "extract", "story", "metadata", "catalog"),
        List.copyOf(times.seconds().keySet()));
    assertNull(times.perFetch(0), "nothing fetched: no line");
  }

  @Test
  void offCountsNothing() {
    StageTimes off = StageTimes.off();
    long cpu = off.start();
    burn(5);
    off.end(Stage.EXTRACT, cpu);
    assertEquals(0, off.count(Stage.EXTRACT));
    assertEquals(0, off.nanos(Stage.EXTRACT));
    assertNull(off.perFetch(10));
  }

  private static long sink;

  /** Spins until this thread has used {@code millis} more of CPU time. */
  private static void burn(long millis) {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long end = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
    long x = 1;
    while (threads.getCurrentThreadCpuTime() < end) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    sink += x;
  }
}
