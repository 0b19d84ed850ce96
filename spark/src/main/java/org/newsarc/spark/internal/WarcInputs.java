package org.newsarc.spark.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Finds the archive files an input names and makes each readable as a local file, which is what
 * the archive module's readers take. A local path is used in place; a file on any other Hadoop
 * FileSystem (hdfs://, s3a://, given their jars) is copied to a temporary folder under its own
 * name (only the range a task reads, for a split of a large file), so provenance and CDXJ lines
 * name the original file. Stateless.
 */
public final class WarcInputs {
  private static final List<String> SUFFIXES =
      List.of(".warc.gz", ".warc", ".arc.gz", ".arc");

  /** Bytes copied past the end of a range: room for the head of the next range's record. */
  static final long RECORD_HEAD = 1L << 20;

  private WarcInputs() {}

  /** True when the file name looks like a WARC or ARC file. */
  public static boolean isArchiveFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SUFFIXES.stream().anyMatch(lower::endsWith);
  }

  /**
   * The archive files that {@code input} names, sorted by file name (the order {@code reindex}
   * reads them in): a file, a folder (its WARC and ARC files, not recursing), or a glob.
   */
  public static List<String> expand(String input, Configuration conf) throws IOException {
    org.apache.hadoop.fs.Path pattern = new org.apache.hadoop.fs.Path(input);
    FileSystem fs = pattern.getFileSystem(conf);
    FileStatus[] matches = fs.globStatus(pattern);
    if (matches == null || matches.length == 0) {
      throw new IOException("no such file, folder or matching files: " + input);
    }
    List<FileStatus> files = new ArrayList<>();
    for (FileStatus m : matches) {
      if (m.isDirectory()) {
        for (FileStatus child : fs.listStatus(m.getPath())) {
          if (child.isFile() && isArchiveFile(child.getPath().getName())) {
            files.add(child);
          }
        }
      } else {
        files.add(m);
      }
    }
    files.sort((a, b) -> {
      int byName = a.getPath().getName().compareTo(b.getPath().getName());
      return byName != 0 ? byName : a.getPath().toString().compareTo(b.getPath().toString());
    });
    List<String> uris = new ArrayList<>();
    for (FileStatus f : files) {
      uris.add(f.getPath().toUri().toString());
    }
    return uris;
  }

  /** The file name part of a file URI. */
  public static String fileName(String uri) {
    return new org.apache.hadoop.fs.Path(URI.create(uri)).getName();
  }

  /** A local copy of a file, deleted on {@link #close()} when it was copied. */
  public record LocalFile(Path path, Path tempDir) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (tempDir != null) {
        Files.deleteIfExists(path);
        Files.deleteIfExists(tempDir);
      }
    }
  }

  /** Makes {@code uri} readable as a local file. */
  public static LocalFile local(String uri, Configuration conf) throws IOException {
    return local(uri, 0, Long.MAX_VALUE, conf);
  }

  /**
   * Makes the bytes of {@code uri} from {@code start} to {@code end} (and the head of the
   * record at {@code end}) readable at their own offsets in a local file. A local file is used
   * in place; from another file system only that range is copied, into a sparse file of the
   * original's size, so that offsets and the names in provenance stay those of the original.
   */
  public static LocalFile local(String uri, long start, long end, Configuration conf)
      throws IOException {
    URI u = URI.create(uri);
    if (u.getScheme() == null || u.getScheme().equals("file")) {
      return new LocalFile(u.getScheme() == null ? Path.of(uri) : Path.of(u), null);
    }
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(u);
    FileSystem fs = remote.getFileSystem(conf);
    Path dir = Files.createTempDirectory("newsarc-spark-");
    Path copy = dir.resolve(remote.getName());
    try (FSDataInputStream in = fs.open(remote);
        FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE, StandardOpenOption.SPARSE)) {
      long size = fs.getFileStatus(remote).getLen();
      long from = Math.min(start, size);
      long to = end >= size - RECORD_HEAD ? size : end + RECORD_HEAD;
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      if (from > 0) {
        // The reader tells gzip from plain files by their first bytes.
        int head = (int) Math.min(from, 64);
        in.readFully(0, buf.array(), 0, head);
        out.write(ByteBuffer.wrap(buf.array(), 0, head), 0);
      }
      in.seek(from);
      out.position(from);
      for (long pos = from; pos < to; ) {
        int n = in.read(buf.array(), 0, (int) Math.min(buf.capacity(), to - pos));
        if (n < 0) {
          break;
        }
        buf.position(0).limit(n);
        while (buf.hasRemaining()) {
          out.write(buf);
        }
        pos += n;
      }
      if (out.size() < size) {
        out.write(ByteBuffer.allocate(1), size - 1); // the file has its original size
      }
    } catch (IOException e) {
      Files.deleteIfExists(copy);
      Files.deleteIfExists(dir);
      throw new IOException("cannot copy " + uri + " to a local file: " + e.getMessage(), e);
    }
    return new LocalFile(copy, dir);
  }
}
