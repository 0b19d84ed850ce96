import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * What each compression level costs on real pages, as the WARC writer deflates them: the first
 * N pages (default 400) found under DIR (default ../shared/eval, `*.html.gz` under an `html`
 * folder), each deflated on its own, three passes per level, the fastest kept: raw deflate by
 * java.util.zip (zlib), and, when newsarc's jar is on the class path and the system has
 * libdeflate, each page as one gzip member by newsarc's own writer with either engine. Prints,
 * per level, the output as a share of the input, MB/s, and ms per 181 KiB page (the crawl
 * benchmark's average). Usage:
 * {@code java -cp crawler/target/newsarc.jar bench/DeflateLevels.java [DIR] [N]}
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
    members(pages, input);
  }

  /** Each page as one gzip member by newsarc's WARC writer, with each engine it has here. */
  private static void members(List<byte[]> pages, long input) {
    Class<?> gzip;
    Class<?> engine;
    try {
      gzip = Class.forName("org.newsarc.archive.internal.GzipMembers");
      engine = Class.forName("org.newsarc.archive.internal.GzipMembers$Engine");
    } catch (ClassNotFoundException e) {
      System.out.println("(newsarc's jar is not on the class path: its gzip members not measured)");
      return;
    }
    for (String name : new String[] {"zlib", "libdeflate"}) {
      for (int level : new int[] {1, 4, 5, 6, 7, 9}) {
        Object members;
        try {
          Object e = engine.getMethod("named", String.class).invoke(null, name);
          members = gzip.getConstructor(int.class, engine).newInstance(level, e);
        } catch (ReflectiveOperationException e) {
          System.out.println(name + ": not available here: " + e.getCause());
          break;
        }
        long best = Long.MAX_VALUE;
        long size = 0;
        try {
          java.lang.reflect.Method open = gzip.getMethod("open", java.io.ByteArrayOutputStream.class);
          for (int pass = 0; pass < 3; pass++) {
            size = 0;
            long t0 = System.nanoTime();
            for (byte[] page : pages) {
              java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(page.length / 3);
              try (java.io.OutputStream member = (java.io.OutputStream) open.invoke(members, out)) {
                member.write(page);
              }
              size += out.size();
            }
            best = Math.min(best, System.nanoTime() - t0);
          }
        } catch (ReflectiveOperationException | IOException e) {
          throw new IllegalStateException(e);
        }
        System.out.printf("newsarc gzip members, %-10s level %d: %5.1f%% of input, %6.1f MB/s,"
            + " %5.2f ms per 181 KiB page%n", name, level, 100.0 * size / input,
            input / 1e6 / (best / 1e9), best / 1e6 / (input / 185344.0));
      }
    }
  }
}
