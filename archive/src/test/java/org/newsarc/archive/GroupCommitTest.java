package org.newsarc.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WARC writer's group commit on a slow disk: a write returns only once a force has covered
 * its bytes, writers share forces, and a force that fails fails the writers it was for, not the
 * later ones.
 */
class GroupCommitTest {
  static final Instant T0 = Instant.parse("2024-05-02T10:00:00Z");
  static final int THREADS = 8;
  static final int WRITES = 20;

  @TempDir
  Path dir;

  @Test
  void aWriteReturnsOnlyOnceItsBytesAreForcedAndForcesAreShared() throws Exception {
    AtomicLong forcedUpTo = new AtomicLong(-1);
    AtomicInteger forces = new AtomicInteger();
    AtomicInteger inForce = new AtomicInteger();
    AtomicInteger overlapping = new AtomicInteger();
    List<String> late = java.util.Collections.synchronizedList(new ArrayList<>());
    try (WarcArchive warcs = WarcArchive.open(dir, WarcOptions.defaults(), new MutableClock(T0))) {
      warcs.forceThrough(ch -> {
        if (inForce.incrementAndGet() > 1) {
          overlapping.incrementAndGet();
        }
        long end = ch.position();
        sleep(5); // a slow disk, so that writers arrive while a force runs
        ch.force(false);
        forcedUpTo.accumulateAndGet(end, Math::max);
        forces.incrementAndGet();
        inForce.decrementAndGet();
      });
      runWriters(url -> {
        StoredCapture stored = warcs.write(page(url));
        long responseEnd = stored.offset() + stored.length();
        if (forcedUpTo.get() < responseEnd) {
          late.add(url + " ends after " + responseEnd + ", forced up to " + forcedUpTo.get());
        }
      });
    }
    assertEquals(List.of(), late, "writes that returned before a force covered them");
    assertEquals(0, overlapping.get(), "forces that ran at the same time");
    int writes = THREADS * WRITES;
    assertTrue(forces.get() < writes / 2,
        forces.get() + " forces for " + writes + " writes: not shared");
  }

  @Test
  void aFailedForceFailsItsWritersAndTheNextForceServesTheRest() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    try (WarcArchive warcs = WarcArchive.open(dir, WarcOptions.defaults(), new MutableClock(T0))) {
      warcs.forceThrough(ch -> {
        sleep(2);
        if (calls.incrementAndGet() == 3) {
          throw new IOException("injected I/O error");
        }
        ch.force(false);
      });
      runWriters(url -> {
        try {
          warcs.write(page(url));
          ok.incrementAndGet();
        } catch (IOException e) {
          assertTrue(e.getMessage().contains("injected I/O error"), e.getMessage());
          failed.incrementAndGet();
        }
      }); // none hangs on the failed force
    }
    assertTrue(failed.get() >= 1, "the writer whose force failed was told");
    assertEquals(THREADS * WRITES, ok.get() + failed.get());
    assertTrue(ok.get() > failed.get(), ok.get() + " written, " + failed.get() + " failed");
  }

  @Test
  void aWriteAfterAFailedForceIsForcedAgain() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (WarcArchive warcs = WarcArchive.open(dir, WarcOptions.defaults(), new MutableClock(T0))) {
      warcs.forceThrough(ch -> {
        if (calls.incrementAndGet() == 1) {
          throw new IOException("injected I/O error");
        }
        ch.force(false);
      });
      String url = "http://127.0.0.1:8080/a";
      IOException e = assertThrows(IOException.class, () -> warcs.write(page(url)));
      assertTrue(e.getMessage().startsWith("cannot force "), e.getMessage());
      warcs.write(page(url + "2"));
      assertEquals(2, calls.get(), "the second write forced the file itself");
    }
  }

  /** Runs {@code write} for WRITES URLs on each of THREADS threads at once. */
  private static void runWriters(Writer write) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        jobs.add(pool.submit(() -> {
          for (int i = 0; i < WRITES; i++) {
            write.write("http://127.0.0.1:8080/t" + thread + "/p" + i);
          }
          return null;
        }));
      }
      for (Future<?> job : jobs) {
        job.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static HttpExchange page(String url) {
    return Exchanges.html(url, T0, "<html><body><p>" + url + "</p></body></html>");
  }

  @FunctionalInterface
  private interface Writer {
    void write(String url) throws IOException;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
