package org.newsarc.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a test's folder: a real file system that fills up. Mounting needs
 * root; tests assume {@link #mount} succeeded and are skipped otherwise.
 */
public final class Tmpfs {
  private Tmpfs() {}

  /** Mounts a tmpfs of {@code size} (e.g. {@code "2m"}) on {@code dir}; false if not allowed. */
  public static boolean mount(Path dir, String size) throws IOException, InterruptedException {
    return run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
  }

  /** Gives the tmpfs on {@code dir} a new size, as an operator freeing space would. */
  public static boolean resize(Path dir, String size) throws IOException, InterruptedException {
    return run("mount", "-o", "remount,size=" + size, dir.toString());
  }

  /**
   * Unmounts {@code dir}, lazily when a handle still holds the file system (a file not yet
   * closed), so that the temporary folder can go in any case.
   */
  public static void unmount(Path dir) throws IOException, InterruptedException {
    if (!run("umount", dir.toString())) {
      run("umount", "-l", dir.toString());
    }
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return false;
    }
    return p.exitValue() == 0;
  }
}
