package org.newsarc.archive.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Where an export goes, and the rules that keep it from destroying anything: {@code -} is
 * standard output; a regular file (or a new name) is written under a temporary name in the same
 * folder and renamed over it at the end; anything else that exists (a device, a pipe, a symlink
 * to one, anything under {@code /dev} or {@code /proc} such as {@code /dev/stdout}) is written
 * to directly and never replaced. Paths an archive
 * depends on (its catalog and the catalog's journals, WARC files, anything inside its WARC folder)
 * are refused. Temporary files are created with the process umask, like any other new file.
 * Immutable.
 *
 * @param path the file, or null for standard output
 * @param direct true when the bytes go straight to an existing non-regular file
 */
public record OutputTarget(Path path, boolean direct) {

  /** An export refused because it would overwrite what it must not, or cannot be written. */
  public static final class RefusedException extends IOException {
    public RefusedException(String message) {
      super(message);
    }
  }

  /** Standard output. */
  public static OutputTarget stdout() {
    return new OutputTarget(null, true);
  }

  /** True for standard output. */
  public boolean isStdout() {
    return path == null;
  }

  /**
   * The target for {@code name} ({@code -} for standard output), refused when it is an archive's
   * own file. {@code protectedFiles} are files never to be written (a catalog), and
   * {@code protectedDirs} folders nothing may be written into (a WARC folder).
   */
  public static OutputTarget of(String name, List<Path> protectedFiles, List<Path> protectedDirs)
      throws IOException {
    if (name.equals("-")) {
      return stdout();
    }
    if (name.isBlank()) {
      throw new RefusedException("the output file name is empty");
    }
    Path p = Path.of(name).toAbsolutePath().normalize();
    boolean special = p.startsWith("/dev") || p.startsWith("/proc");
    if (Files.exists(p) && !Files.isDirectory(p) && (special || !Files.isRegularFile(p))) {
      // A device, pipe or socket, or a link to one (/dev/stdout, even when the shell sent it
      // to a file): written to in place. Its real path may not be a name at all (a pipe), so
      // it is opened through the given one.
      return new OutputTarget(p, true);
    }
    Path real = real(p);
    String lower = real.getFileName() == null ? "" : real.getFileName().toString()
        .toLowerCase(Locale.ROOT);
    if (lower.endsWith(".warc") || lower.endsWith(".warc.gz") || lower.endsWith(".warc.gz.open")
        || lower.endsWith(".warc.open")) {
      throw new RefusedException("refusing to write onto a WARC file: " + name);
    }
    for (Path f : protectedFiles) {
      Path rf = real(f.toAbsolutePath().normalize());
      for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
        if (real.equals(rf.resolveSibling(rf.getFileName() + suffix))) {
          throw new RefusedException("refusing to write onto the archive catalog: " + name);
        }
      }
    }
    for (Path d : protectedDirs) {
      if (real.startsWith(real(d.toAbsolutePath().normalize()))) {
        throw new RefusedException("refusing to write inside the WARC folder " + d + ": " + name);
      }
    }
    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(real)) {
      throw new RefusedException("the output is a folder, not a file: " + name);
    }
    return new OutputTarget(real, false);
  }

  /** The path with symbolic links resolved as far as it exists. */
  private static Path real(Path p) throws IOException {
    if (Files.exists(p)) {
      return p.toRealPath();
    }
    Path parent = p.getParent();
    return parent == null ? p : real(parent).resolve(p.getFileName());
  }

  /** The file name as a data card names it. */
  public String displayName() {
    return path == null ? "standard output" : path.getFileName().toString();
  }

  /**
   * Creates a new, empty temporary file in {@code dir} with the permissions any new file gets
   * under the process umask (unlike {@link Files#createTempFile}, which forces 0600).
   */
  public static Path newTempFile(Path dir, String prefix, String suffix) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; ; i++) {
      Path tmp = dir.resolve(prefix + UUID.randomUUID() + suffix);
      try {
        return Files.createFile(tmp);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (i > 10) {
          throw e;
        }
      }
    }
  }

  /** Moves a finished temporary file over the target (a regular file or a new name). */
  public void commit(Path tmp) throws IOException {
    if (direct || path == null) {
      throw new IllegalStateException("a direct target has nothing to rename");
    }
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path,
        LinkOption.NOFOLLOW_LINKS)) {
      throw new RefusedException(path + " stopped being a regular file; not replacing it");
    }
    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Opens the direct target or standard output for streaming; the caller closes it. */
  public OutputStream openDirect(OutputStream stdout) throws IOException {
    if (path == null) {
      return new java.io.FilterOutputStream(stdout) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          flush(); // standard output stays open
        }
      };
    }
    return Files.newOutputStream(path); // an existing device or pipe: opened, never created
  }
}
