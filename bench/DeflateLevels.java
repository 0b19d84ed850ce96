import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * What each zlib level costs on real pages, as the WARC writer deflates them: the first N pages
 * (default 400) found under DIR (default ../shared/eval, `*.html.gz` under an `html` folder),
 * each deflated on its own (raw deflate, java.util.zip), three passes per level, the fastest
 * kept. Prints, per level, the output as a share of the input, MB/s, and ms per 181 KiB page
 * (the crawl benchmark's average). Usage: {@code java bench/DeflateLevels.java [DIR] [N]}
 */
public final class DeflateLevels {
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/eval");
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    List<byte[]> pages = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html.gz")
          && p.getParent().getFileName().toString().equals("html")).sorted().limit(limit)
          .toList()) {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(f))) {
          pages.add(in.readAllBytes());
        }
      }
    }
    long input = pages.stream().mapToLong(p -> p.length).sum();
    System.out.printf("%d pages, %.1f MB%n", pages.size(), input / 1e6);
    byte[] out = new byte[1 << 16];
    for (int level = 1; level <= 9; level++) {
      long best = Long.MAX_VALUE;
      long size = 0;
      for (int pass = 0; pass < 3; pass++) {
        Deflater deflater = new Deflater(level, true);
        size = 0;
        long t0 = System.nanoTime();
        for (byte[] page : pages) {
          deflater.reset();
          deflater.setInput(page);
          deflater.finish();
          while (!deflater.finished()) {
            size += deflater.deflate(out);
          }
        }
        best = Math.min(best, System.nanoTime() - t0);
        deflater.end();
      }
      System.out.printf("level %d: %5.1f%% of input, %6.1f MB/s, %5.2f ms per 181 KiB page%n",
          level, 100.0 * size / input, input / 1e6 / (best / 1e9), best / 1e6 / (input / 185344.0));
    }
  }
}
