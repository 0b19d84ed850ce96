package org.newsarc.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Many threads writing at once (records compressed outside the lock, fsyncs shared): every
 * capture's offset points at its own response record, in files that rotate under the load.
 */
class ConcurrentWriteTest {
  static final Instant T0 = Instant.parse("2024-05-02T10:00:00Z");

  @TempDir
  Path dir;

  @Test
  void everyOffsetFindsItsOwnResponse() throws Exception {
    WarcOptions options = WarcOptions.defaults().newBuilder().maxFileBytes(20_000).build();
    Map<String, StoredCapture> stored = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (WarcArchive warcs = WarcArchive.open(dir, options, new MutableClock(T0))) {
      List<Future<?>> jobs = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        jobs.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            String url = "http://127.0.0.1:8080/t" + thread + "/p" + i;
            stored.put(url, warcs.write(Exchanges.html(url, T0,
                "<html><body><p>page " + thread + "-" + i + "</p></body></html>")));
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
    assertEquals(200, stored.size());
    for (Map.Entry<String, StoredCapture> e : stored.entrySet()) {
      assertEquals(e.getKey(), targetAt(dir.resolve(e.getValue().warcFile()),
          e.getValue().offset()), "offset " + e.getValue().offset());
    }
  }

  private static String targetAt(Path file, long offset) throws IOException {
    try (FileChannel ch = FileChannel.open(file)) {
      ch.position(offset);
      try (WarcReader reader = new WarcReader(ch)) {
        WarcRecord r = reader.next().orElseThrow();
        return r instanceof WarcResponse resp ? resp.target() : r.type();
      }
    }
  }
}
