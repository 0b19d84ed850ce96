package org.newsarc.archive.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.newsarc.archive.CaptureMetadata;
import org.newsarc.archive.HttpExchange;
import org.newsarc.archive.WarcArchive;
import org.newsarc.archive.WarcOptions;

/**
 * Measures how fast {@link WarcArchive} writes, and how much the metadata records add to the
 * files: {@code java -cp newsarc.jar org.newsarc.archive.internal.WarcWriteBenchmark [CAPTURES
 * [BODY_KB]]}. Writes synthetic news pages (as sent: plain and gzip-encoded) into a temporary
 * folder, with and without a metadata record per capture, and prints throughput in MB of HTTP
 * bytes archived per second. Each capture is forced to disk, as in a crawl. Not thread-safe.
 */
public final class WarcWriteBenchmark {
  private static final String[] WORDS = ("the council said on monday that its plan for the harbour"
      + " would cost more than expected after engineers found damage in older sections of the"
      + " bridge while residents asked for a public meeting before any work begins next spring"
      + " reporters government minister election market police school hospital weather").split(" ");

  private WarcWriteBenchmark() {}

  public static void main(String[] args) throws IOException {
    int captures = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int bodyKb = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    byte[] html = page(bodyKb * 1024, new Random(1));
    byte[] gzipped = gzip(html);
    List<String> outlinks = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      outlinks.add("https://news.example.org/section-" + (i % 12) + "/2024/05/0" + (i % 9 + 1)
          + "/a-long-headline-slug-for-story-number-" + i + ".html");
    }
    System.out.printf(Locale.ROOT, "%d captures per run; body %d KB as HTML, %d KB gzip-encoded%n",
        captures, html.length / 1024, gzipped.length / 1024);
    run("warm-up", captures / 4, html, false, null);
    for (boolean gzip : new boolean[] {false, true}) {
      byte[] body = gzip ? gzipped : html;
      String kind = gzip ? "gzip body " : "plain body";
      Result without = run(kind + ", no metadata  ", captures, body, gzip, null);
      Result with = run(kind + ", with metadata", captures, body, gzip, outlinks);
      System.out.printf(Locale.ROOT, "  %s: metadata records add %.2f%% to the WARC size"
          + " (%.0f bytes per capture)%n", kind, 100.0 * (with.fileBytes - without.fileBytes)
              / without.fileBytes, (double) (with.fileBytes - without.fileBytes) / captures);
    }
  }

  private record Result(long httpBytes, long fileBytes, double seconds) {}

  private static Result run(String label, int captures, byte[] body, boolean gzip,
      List<String> outlinks) throws IOException {
    Path dir = Files.createTempDirectory("warc-bench");
    try {
      long httpBytes = 0;
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      Clock clock = Clock.systemUTC();
      try (WarcArchive archive = WarcArchive.open(dir,
          WarcOptions.defaults().newBuilder().writeCdxj(false).build(), clock)) {
        for (int i = 0; i < captures; i++) {
          HttpExchange exchange = exchange(i, body, gzip, clock);
          CaptureMetadata metadata = outlinks == null ? null : new CaptureMetadata(
              exchange.targetUri(), List.of(), Duration.ofMillis(120 + i % 50), outlinks,
              0.87, "0.2.0");
          archive.write(exchange, metadata);
          httpBytes += exchange.requestHeader().length + exchange.responseHeader().length
              + body.length;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      // CPU time of the writing thread: steadier than wall time on a shared machine.
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      long fileBytes = 0;
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.toList()) {
          fileBytes += Files.size(p);
        }
      }
      System.out.printf(Locale.ROOT, "%-32s %6.1f MB/s of HTTP bytes (%6.1f per CPU-second),"
          + " %5.0f captures/s, %6.1f MB written%n", label, httpBytes / 1e6 / seconds,
          httpBytes / 1e6 / cpuSeconds, captures / seconds, fileBytes / 1e6);
      return new Result(httpBytes, fileBytes, seconds);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static HttpExchange exchange(int i, byte[] body, boolean gzip, Clock clock) {
    String url = "https://news.example.org/world/2024/05/02/story-" + i + ".html";
    byte[] request = ("GET /world/2024/05/02/story-" + i + ".html HTTP/1.1\r\n"
        + "Host: news.example.org\r\nUser-Agent: newsarc/bench (+mailto:ops@example.org)\r\n"
        + "Accept: text/html\r\nAccept-Encoding: gzip\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    // A different ETag each time: the same body is not a revisit here (no lookup anyway).
    byte[] response = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + (gzip ? "Content-Encoding: gzip\r\n" : "") + "ETag: \"" + i + "\"\r\n"
        + "Cache-Control: max-age=60\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    return new HttpExchange(url, clock.instant(), "192.0.2.10", "http/1.1", request,
        response, body, null);
  }

  private static byte[] page(int size, Random random) {
    StringBuilder sb = new StringBuilder("<!doctype html><html><head><title>Story</title>"
        + "</head><body><article>");
    while (sb.length() < size - 40) {
      sb.append("<p>");
      for (int w = 0; w < 40; w++) {
        sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      sb.append("</p>\n");
    }
    sb.append("</article></body></html>");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
