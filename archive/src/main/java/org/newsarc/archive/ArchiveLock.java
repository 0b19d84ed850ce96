package org.newsarc.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on an archive folder, held for as long as one newsarc process writes there.
 * Without it a second process would take the first one's unfinished {@code .open} WARC file for
 * a crashed one and "recover" it under its feet. The lock is an OS file lock, so it disappears
 * with the process that held it, even after {@code kill -9}. Thread-safe.
 */
public final class ArchiveLock implements Closeable {
  /** The lock file's name inside the folder. */
  public static final String FILE_NAME = ".newsarc.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private ArchiveLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock on {@code dir}, creating the folder if needed.
   *
   * @throws IOException when another process (or this one) already holds it
   */
  public static ArchiveLock acquire(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE_NAME);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("another newsarc process is writing to " + dir
          + "; wait for it to finish or use another folder");
    }
    return new ArchiveLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
