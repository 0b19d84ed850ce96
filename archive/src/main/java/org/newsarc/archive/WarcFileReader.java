package org.newsarc.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.newsarc.archive.internal.Printable;

/**
 * Reads the records of one archive file, whatever wrote it: WARC ({@code .warc}, {@code
 * .warc.gz}, gzip per record or one member) and ARC ({@code .arc}, {@code .arc.gz}). A record
 * that cannot be parsed is reported to the {@link ProblemHandler} with the file and offset, and
 * reading goes on at the next record start found after it (the next gzip member, or the next
 * line that opens a WARC or ARC record), so one bad record never hides the rest of the file.
 * Offsets are those of jwarc, corrected where jwarc gives none that points at the record (after a
 * record with a bad ending, or inside a file gzipped as one member, see docs/warc.md). The public
 * reading API for other tools (a Spark job reads one file per task with it). Not thread-safe.
 */
public final class WarcFileReader implements Closeable {
  /** Told of each record that could not be read; messages are printable text. */
  @FunctionalInterface
  public interface ProblemHandler {
    void onProblem(Path file, long offset, String message);
  }

  private static final byte[][] PLAIN_STARTS = {
      bytes("WARC/1."), bytes("http://"), bytes("https://"), bytes("dns:"), bytes("ftp://"),
      bytes("filedesc://"), bytes("whois://")};

  private final Path file;
  private final long size;
  private final ProblemHandler problems;
  private final boolean gzip;
  private FileChannel channel;
  private WarcReader reader;
  private long base;
  private long openedAt;
  private long lastOffset = -1;
  private long lastReported = -1;
  private int skipped;
  private boolean done;

  private WarcFileReader(Path file, long start, ProblemHandler problems) throws IOException {
    this.file = file;
    this.problems = problems;
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.size = channel.size();
    ByteBuffer magic = ByteBuffer.allocate(2);
    channel.read(magic, 0);
    this.gzip = magic.position() == 2 && (magic.get(0) & 0xff) == 0x1f
        && (magic.get(1) & 0xff) == 0x8b;
    if (start < 0 || start > size) {
      throw new IllegalArgumentException("offset " + start + " is outside the file (size "
          + size + ")");
    }
    openAt(start);
  }

  /** Opens {@code file}; problems with single records go to {@code problems}. */
  public static WarcFileReader open(Path file, ProblemHandler problems) throws IOException {
    return open(file, 0, problems);
  }

  /**
   * Opens {@code file} at {@code offset}, which must be where a record starts (an offset from a
   * CDXJ index of the file), so that one big file can be read in ranges by several readers.
   */
  public static WarcFileReader open(Path file, long offset, ProblemHandler problems)
      throws IOException {
    try {
      return new WarcFileReader(file, offset, problems);
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read archive file " + file + ": "
          + Printable.of(e.getMessage()), e);
    }
  }

  /** The file read. */
  public Path file() {
    return file;
  }

  /** The size of the file in bytes. */
  public long size() {
    return size;
  }

  /** Records skipped so far because they could not be read. */
  public int skipped() {
    return skipped;
  }

  /** The offset of the record last returned by {@link #next()}. */
  public long offset() {
    return lastOffset;
  }

  /**
   * The next readable record, or empty at the end of the file. Its block must be read (or left)
   * before the next call; an error while reading it should be passed to {@link #report}.
   */
  public Optional<WarcRecord> next() {
    while (!done) {
      try {
        Optional<WarcRecord> record = reader.next();
        if (record.isEmpty()) {
          done = true;
          return record;
        }
        lastOffset = place(record.get().position() + base);
        return record;
      } catch (IOException | RuntimeException e) {
        // The record that failed begins at the first record start after the last good one.
        long bad = lastOffset < 0 ? openedAt : nextStart(lastOffset + 1);
        if (bad < 0) {
          bad = Math.max(lastOffset, openedAt);
        }
        report(bad, "skipped unreadable record: " + e.getMessage());
        long resume = nextStart(Math.max(bad, openedAt) + 1);
        if (resume <= openedAt) {
          done = true;
        } else {
          try {
            openAt(resume);
            lastOffset = -1;
          } catch (IOException | RuntimeException again) {
            done = true;
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Where the record jwarc placed at {@code position} really starts. jwarc gives the end of the
   * file, or a point inside a gzip member, for a record that follows one with a bad ending and
   * for every record after the first in a file gzipped as one member. Such a record starts at the
   * next record start after the previous record; in a one-member file there is none, and the
   * record can only be reached from the member start.
   */
  private long place(long position) {
    long floor = Math.max(lastOffset, openedAt);
    if (lastOffset < 0 && position == openedAt) {
      return position;
    }
    boolean plausible = position > lastOffset && position < size && startsRecordAt(position);
    if (plausible && !gzip) {
      return position; // a body may hold a line that looks like a record start: trust jwarc
    }
    long next = nextStart(floor + 1);
    if (next > floor && next < size && (!plausible || next < position) && opensRecord(next)) {
      return next;
    }
    return plausible ? position : floor;
  }

  /** True when the bytes at {@code offset} (inflated, in a gzip file) begin a record. */
  private boolean opensRecord(long offset) {
    if (!gzip) {
      return true; // nextStart only stops at a line that opens a record
    }
    try {
      // A positional read: the channel's own position belongs to jwarc.
      ByteBuffer raw = ByteBuffer.allocate(4096);
      int got = channel.read(raw, offset);
      java.io.InputStream in = new java.util.zip.GZIPInputStream(
          new java.io.ByteArrayInputStream(raw.array(), 0, Math.max(0, got)), 64);
      byte[] head = new byte[16];
      int n = in.readNBytes(head, 0, head.length);
      return n > 0 && startsText(head, 0, n, 0);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private boolean startsRecordAt(long position) {
    ByteBuffer head = ByteBuffer.allocate(16);
    try {
      long from = Math.max(0, position - 1);
      int n = channel.read(head, from);
      return n > 0 && startsRecord(head.array(), (int) (position - from), n, position);
    } catch (IOException e) {
      return false;
    }
  }

  /** Reports a record at {@code offset} that could not be read; counted once per offset. */
  public void report(long offset, String message) {
    if (offset != lastReported) {
      skipped++;
      lastReported = offset;
    }
    problems.onProblem(file, offset, Printable.of(message));
  }

  private void openAt(long offset) throws IOException {
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException e) {
        // The old reader is done with; a failure to close it changes nothing here.
      }
      channel = FileChannel.open(file, StandardOpenOption.READ);
    }
    channel.position(offset);
    reader = new WarcReader(channel);
    reader.onWarning(w -> { });
    // jwarc counts positions from where the channel stood when it was handed over.
    base = reader.position() >= offset ? 0 : offset;
    openedAt = offset;
  }

  /** The offset of the next plausible record start at or after {@code from}, or -1. */
  private long nextStart(long from) {
    try (FileChannel scan = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      long pos = from;
      while (pos < size) {
        long readFrom = Math.max(0, pos - 1);
        buf.clear();
        int n = Math.max(0, scan.read(buf, readFrom));
        int first = (int) (pos - readFrom);
        int limit = readFrom + n >= size ? n : n - 16;
        if (limit <= first) {
          return -1;
        }
        for (int i = first; i < limit; i++) {
          if (startsRecord(buf.array(), i, n, readFrom + i)) {
            return readFrom + i;
          }
        }
        pos = readFrom + limit;
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  private boolean startsRecord(byte[] d, int i, int n, long absolute) {
    if (gzip) {
      return i + 3 < n && (d[i] & 0xff) == 0x1f && (d[i + 1] & 0xff) == 0x8b && d[i + 2] == 8
          && (d[i + 3] & 0xe0) == 0;
    }
    return startsText(d, i, n, absolute);
  }

  /** True when a line that opens a WARC or ARC record begins at {@code d[i]}. */
  private static boolean startsText(byte[] d, int i, int n, long absolute) {
    if (absolute > 0 && d[i - 1] != '\n') {
      return false;
    }
    for (byte[] start : PLAIN_STARTS) {
      if (i + start.length <= n && java.util.Arrays.equals(d, i, i + start.length, start, 0,
          start.length)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    reader.close();
    channel.close();
  }
}
