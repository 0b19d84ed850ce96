package org.newsarc.crawler.status;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the process spent beside the workers' stages: its whole CPU time, and on Linux the CPU
 * time of the JVM's own threads read from {@code /proc/self/task/*}{@code /stat}: the JIT
 * compiler threads and the VM thread (where the serial collector runs). The compilers' CPU is
 * the fixed cost of warming up, spread over the fetches of the run. Stateless.
 */
public final class JvmTimes {
  /** Linux reports thread times in clock ticks of 1/100 s ({@code USER_HZ}). */
  private static final double MILLIS_PER_TICK = 10;

  private JvmTimes() {}

  /**
   * e.g. {@code the process 16.58 ms CPU per fetch (JIT compilers 4.10, VM thread 0.52)}; the
   * figures the platform does not give are left out.
   */
  public static String perFetch(long fetches) {
    StringBuilder sb = new StringBuilder("the process");
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun
        && sun.getProcessCpuTime() >= 0) {
      sb.append(String.format(Locale.ROOT, " %.2f ms CPU per fetch",
          sun.getProcessCpuTime() / 1e6 / fetches));
    }
    long[] ticks = jvmThreadTicks(Path.of("/proc/self/task"));
    if (ticks != null) {
      sb.append(String.format(Locale.ROOT, " (JIT compilers %.2f, VM thread %.2f)",
          ticks[0] * MILLIS_PER_TICK / fetches, ticks[1] * MILLIS_PER_TICK / fetches));
    }
    return sb.toString();
  }

  /**
   * Clock ticks of CPU (user and system) of the compiler threads and of the VM thread, from
   * the {@code stat} files under {@code tasks}; null when they cannot be read.
   */
  static long[] jvmThreadTicks(Path tasks) {
    if (!Files.isDirectory(tasks)) {
      return null;
    }
    long[] out = new long[2];
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
      for (Path task : dir) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended meanwhile
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
          continue;
        }
        String name = stat.substring(open + 1, close);
        int kind = name.contains("CompilerThre") ? 0 : name.equals("VM Thread") ? 1 : -1;
        if (kind < 0) {
          continue;
        }
        // After the name: state, then fields 4 to 52; utime and stime are fields 14 and 15.
        String[] f = stat.substring(close + 2).split(" ");
        if (f.length > 12) {
          out[kind] += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return null;
    }
    return out;
  }
}
