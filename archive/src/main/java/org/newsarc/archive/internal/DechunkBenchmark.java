package org.newsarc.archive.internal;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/**
 * Measures reading a stored response whose body is chunked against the same body stored plain:
 * {@code java -cp newsarc.jar org.newsarc.archive.internal.DechunkBenchmark [CHUNK_BYTES
 * [MB...]]} (default: 1024-byte chunks, bodies of 5 and 20 MB). For each size it builds both
 * blocks, reads each with {@link HttpBlock} (parse, entity and decoded body, as the WARC reader
 * does) several times, and prints the best time and the bytes allocated, and the ratio of chunked
 * to plain. Times are wall clock on one thread; compare the ratios, not the absolute figures,
 * on a loaded machine. Not thread-safe.
 */
public final class DechunkBenchmark {
  private static final int ROUNDS = 5;

  private DechunkBenchmark() {}

  public static void main(String[] args) {
    int chunk = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
    int[] sizes = args.length > 1 ? new int[args.length - 1] : new int[] {5, 20};
    for (int i = 1; i < args.length; i++) {
      sizes[i - 1] = Integer.parseInt(args[i]);
    }
    for (int mb : sizes) {
      byte[] body = new byte[mb << 20];
      new Random(mb).nextBytes(body);
      byte[] plain = block("Content-Length: " + body.length + "\r\n", body);
      byte[] chunked = block("Transfer-Encoding: chunked\r\n", frame(body, chunk));
      Result p = measure(plain, body.length);
      Result c = measure(chunked, body.length);
      System.out.printf(Locale.ROOT, "%d MB body: plain %.3f s, %.0f MB allocated; in %d-byte"
          + " chunks %.3f s, %.0f MB allocated; chunked/plain time %.2f, allocation %.2f%n", mb,
          p.seconds, p.allocatedMb, chunk, c.seconds, c.allocatedMb, c.seconds / p.seconds,
          c.allocatedMb / p.allocatedMb);
    }
  }

  private record Result(double seconds, double allocatedMb) {}

  private static Result measure(byte[] block, int expected) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    double best = Double.MAX_VALUE;
    double allocated = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long bytesBefore = threads.getThreadAllocatedBytes(id);
      long start = System.nanoTime();
      HttpBlock http = HttpBlock.parse(block);
      byte[] payload = http.entity();
      int entity = payload.length;
      int decoded = http.decoded(payload).length;
      double seconds = (System.nanoTime() - start) / 1e9;
      allocated = (threads.getThreadAllocatedBytes(id) - bytesBefore) / 1e6;
      if (entity != expected || decoded != expected) {
        throw new IllegalStateException("read " + entity + " bytes, expected " + expected);
      }
      best = Math.min(best, seconds);
    }
    return new Result(best, allocated);
  }

  private static byte[] block(String framing, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 256);
    out.writeBytes(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + framing + "\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] frame(byte[] body, int chunk) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + body.length / chunk * 8);
    for (int i = 0; i < body.length; i += chunk) {
      int n = Math.min(chunk, body.length - i);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, i, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
