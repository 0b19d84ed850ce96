package org.newsarc.crawler.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JVM's own threads' CPU, read from Linux's per-thread stat files. */
class JvmTimesTest {
  @TempDir
  Path dir;

  @Test
  void sumsTheCompilerThreadsAndTheVmThread() throws Exception {
    task("101", "C2 CompilerThre", 300, 20);
    task("102", "C1 CompilerThre", 40, 2);
    task("103", "VM Thread", 7, 1);
    task("104", "newsarc-worker-1", 900, 90);
    task("105", "odd) name (x", 5, 5); // a thread may name itself anything, brackets included
    Files.createDirectories(dir.resolve("106")); // a thread that ended while being read
    assertArrayEquals(new long[] {362, 8}, JvmTimes.jvmThreadTicks(dir));
  }

  @Test
  void noSuchFolderGivesNothing() {
    assertNull(JvmTimes.jvmThreadTicks(dir.resolve("missing")));
  }

  @Test
  void readsThisProcess() {
    String line = JvmTimes.perFetch(10);
    assertTrue(line.startsWith("the process"), line);
    if (Files.isDirectory(Path.of("/proc/self/task"))) {
      assertTrue(line.matches("the process \\d+\\.\\d\\d ms CPU per fetch \\(JIT compilers "
          + "\\d+\\.\\d\\d, VM thread \\d+\\.\\d\\d\\)"), line);
    }
  }

  private void task(String tid, String name, long utime, long stime) throws Exception {
    Path t = Files.createDirectories(dir.resolve(tid));
    // pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt
    // utime stime ...
    Files.writeString(t.resolve("stat"), tid + " (" + name + ") S 1 1 1 0 -1 4194368 10 0 0 0 "
        + utime + " " + stime + " 0 0 20 0 40 0 100 0 0\n");
  }
}
