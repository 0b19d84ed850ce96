package org.newsarc.archive;

import java.io.IOException;

/**
 * A write failed because the disk (or the file system's quota) is full. What was written before
 * is intact: the WARC file was cut back to its last whole record. Freeing space and running the
 * same command again resumes.
 */
public final class DiskFullException extends IOException {
  private static final long serialVersionUID = 1L;

  public DiskFullException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether {@code e} or one of its causes reports a full disk (ENOSPC, EDQUOT). Java gives
   * these no type of their own, so the operating system's message is the only sign.
   */
  public static boolean isDiskFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DiskFullException) {
        return true;
      }
      String m = t.getMessage();
      if (t instanceof IOException && m != null
          && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
        return true;
      }
    }
    return false;
  }
}
