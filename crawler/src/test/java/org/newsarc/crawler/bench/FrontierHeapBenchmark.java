package org.newsarc.crawler.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.newsarc.archive.Catalog;
import org.newsarc.crawler.frontier.Candidate;
import org.newsarc.crawler.frontier.Frontier;
import org.newsarc.crawler.frontier.Lease;
import org.newsarc.crawler.frontier.UrlKind;

/**
 * Fills a frontier with N URLs over Q queues through the normal add path, then reports the Java
 * heap in use (after GC), the database size and the time to lease from the full frontier.
 * Not a unit test; run by hand:
 * {@code java -Xmx128m -cp ... org.newsarc.crawler.bench.FrontierHeapBenchmark 1000000 10000}
 */
public final class FrontierHeapBenchmark {
  public static void main(String[] args) throws Exception {
    int urls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int queues = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path dir = Files.createTempDirectory("frontier-bench");
    Clock clock = Clock.systemUTC();
    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    try (Catalog catalog = Catalog.open(dir.resolve("newsarc.db"))) {
      Frontier frontier = Frontier.open(catalog, 1, clock);
      int batch = 10_000;
      for (int start = 0; start < urls; start += batch) {
        int from = start;
        frontier.transaction(() -> {
          for (int i = from; i < Math.min(urls, from + batch); i++) {
            String host = "host" + (i % queues) + ".example";
            frontier.add(new Candidate("https://" + host + "/news/2024/story-" + i + ".html",
                host, 1, "https://" + host + "/", UrlKind.PAGE, 3, false, Instant.EPOCH, 0),
                Integer.MAX_VALUE, 50);
          }
          return null;
        });
      }
      double fillSeconds = (System.nanoTime() - t0) / 1e9;
      long heapFull = usedHeap();
      long t1 = System.nanoTime();
      int leases = 1000;
      for (int i = 0; i < leases; i++) {
        Lease lease = frontier.lease().orElseThrow();
        if (lease == null) {
          throw new IllegalStateException();
        }
      }
      double leaseMicros = (System.nanoTime() - t1) / 1e3 / leases;
      long dbBytes = Files.size(dir.resolve("newsarc.db"))
          + (Files.exists(dir.resolve("newsarc.db-wal")) ? Files.size(dir.resolve("newsarc.db-wal")) : 0);
      System.out.printf("frontier: %,d URLs over %,d queues added in %.1f s (%.0f URLs/s)%n",
          urls, queues, fillSeconds, urls / fillSeconds);
      System.out.printf("heap used after GC: %.1f MiB before, %.1f MiB with the full frontier"
          + " (max heap %.0f MiB)%n", heapBefore / 1048576.0, heapFull / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576.0);
      System.out.printf("database on disk: %.0f MiB; lease from the full frontier: %.0f µs each"
          + " (mean of %d)%n", dbBytes / 1048576.0, leaseMicros, leases);
    }
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
