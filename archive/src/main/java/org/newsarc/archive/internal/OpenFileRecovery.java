package org.newsarc.archive.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a {@code .warc.gz.open} file left by a crashed writer whole again: it keeps every gzip
 * member that decompresses completely, passes its CRC and holds exactly one complete WARC record,
 * cuts the file after the last such member, and renames it to its final name. A file left with
 * no record at all is deleted. Stateless and thread-safe.
 */
public final class OpenFileRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(OpenFileRecovery.class);
  private static final int BUFFER = 64 * 1024;

  /**
   * What recovery did to one file.
   *
   * @param file the final file, or null when nothing worth keeping was left and it was deleted
   * @param records how many whole records were kept
   * @param bytesCut how many trailing bytes were removed
   */
  public record Result(Path file, int records, long bytesCut) {}

  private OpenFileRecovery() {}

  /** Recovers every {@code *.warc.gz.open} file in {@code dir}. */
  public static List<Result> recoverAll(Path dir) throws IOException {
    List<Path> open = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
        "*" + WarcFileNames.WARC_SUFFIX + WarcFileNames.OPEN_SUFFIX)) {
      files.forEach(open::add);
    }
    List<Result> results = new ArrayList<>();
    for (Path file : open) {
      results.add(recover(file));
    }
    return results;
  }

  /** Recovers {@code openFile} (ending in ".open") and returns what was kept. */
  public static Result recover(Path openFile) throws IOException {
    String name = openFile.getFileName().toString();
    if (!name.endsWith(WarcFileNames.OPEN_SUFFIX)) {
      throw new IllegalArgumentException("not an open WARC file: " + openFile);
    }
    Path target = openFile.resolveSibling(
        name.substring(0, name.length() - WarcFileNames.OPEN_SUFFIX.length()));
    long size = Files.size(openFile);
    int records = 0;
    long goodEnd = 0;
    try (InputStream in = Files.newInputStream(openFile)) {
      CountingStream counting = new CountingStream(in);
      while (true) {
        byte[] record = readMember(counting);
        if (record == null || !isOneWholeRecord(record)) {
          break;
        }
        records++;
        goodEnd = counting.position;
      }
    }
    if (records == 0) {
      Files.delete(openFile);
      LOG.warn("deleted {}: it held no complete WARC record", openFile);
      return new Result(null, 0, size);
    }
    if (goodEnd < size) {
      try (FileChannel channel = FileChannel.open(openFile, StandardOpenOption.WRITE)) {
        channel.truncate(goodEnd);
        channel.force(true);
      }
    }
    Files.move(openFile, target, StandardCopyOption.ATOMIC_MOVE);
    LOG.warn("recovered {}: kept {} records, cut {} trailing bytes", target, records,
        size - goodEnd);
    return new Result(target, records, size - goodEnd);
  }

  /** Inflates the next gzip member, or returns null when it is missing, partial or corrupt. */
  private static byte[] readMember(CountingStream in) throws IOException {
    try {
      if (!skipGzipHeader(in)) {
        return null;
      }
      Inflater inflater = new Inflater(true);
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CRC32 crc = new CRC32();
        byte[] output = new byte[BUFFER];
        while (!inflater.finished()) {
          if (inflater.needsInput() && !in.feed(inflater)) {
            return null;
          }
          int n = inflater.inflate(output);
          if (n == 0 && inflater.needsDictionary()) {
            return null;
          }
          out.write(output, 0, n);
          crc.update(output, 0, n);
        }
        in.giveBack(inflater.getRemaining());
        long expectedCrc = readIntLe(in);
        long expectedSize = readIntLe(in);
        if (expectedCrc < 0 || expectedSize < 0 || expectedCrc != crc.getValue()
            || expectedSize != (out.size() & 0xffffffffL)) {
          return null;
        }
        return out.toByteArray();
      } finally {
        inflater.end();
      }
    } catch (DataFormatException e) {
      return null;
    }
  }

  private static boolean skipGzipHeader(CountingStream in) throws IOException {
    int[] fixed = new int[10];
    for (int i = 0; i < fixed.length; i++) {
      fixed[i] = in.read();
      if (fixed[i] < 0) {
        return false;
      }
    }
    if (fixed[0] != 0x1f || fixed[1] != 0x8b || fixed[2] != 8) {
      return false;
    }
    int flags = fixed[3];
    if ((flags & 4) != 0) { // FEXTRA
      int lo = in.read();
      int hi = in.read();
      if (lo < 0 || hi < 0 || in.skipFully(lo | (hi << 8)) < 0) {
        return false;
      }
    }
    for (int flag : new int[] {8, 16}) { // FNAME, FCOMMENT: zero-terminated
      if ((flags & flag) != 0) {
        int b;
        do {
          b = in.read();
        } while (b > 0);
        if (b < 0) {
          return false;
        }
      }
    }
    if ((flags & 2) != 0) { // FHCRC
      return in.skipFully(2) >= 0;
    }
    return true;
  }

  private static long readIntLe(CountingStream in) throws IOException {
    long value = 0;
    for (int i = 0; i < 4; i++) {
      int b = in.read();
      if (b < 0) {
        return -1;
      }
      value |= ((long) b) << (8 * i);
    }
    return value;
  }

  /** True when {@code data} is one WARC record whose block is complete, and nothing more. */
  private static boolean isOneWholeRecord(byte[] data) {
    try (WarcReader reader = new WarcReader(new ByteArrayInputStream(data))) {
      WarcRecord record = reader.next().orElse(null);
      if (record == null) {
        return false;
      }
      long declared = record.body().size();
      long read = 0;
      byte[] buf = new byte[BUFFER];
      InputStream body = record.body().stream();
      for (int n; (n = body.read(buf)) > 0; ) {
        read += n;
      }
      return read == declared && reader.next().isEmpty();
    } catch (IOException | RuntimeException e) {
      // A record cut inside its headers or block fails to parse: it is not whole.
      return false;
    }
  }

  /** A buffered stream that counts the bytes used, so the end of each member is known. */
  private static final class CountingStream {
    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    long position;

    CountingStream(InputStream in) {
      this.in = in;
    }

    int read() throws IOException {
      if (pos == limit && !fill()) {
        return -1;
      }
      position++;
      return buf[pos++] & 0xff;
    }

    /** Hands all buffered bytes to {@code inflater}; false at end of file. */
    boolean feed(Inflater inflater) throws IOException {
      if (pos == limit && !fill()) {
        return false;
      }
      inflater.setInput(buf, pos, limit - pos);
      position += limit - pos;
      pos = limit;
      return true;
    }

    /** Takes back the last {@code n} bytes fed, which lie past the member's end. */
    void giveBack(int n) {
      pos -= n;
      position -= n;
    }

    private boolean fill() throws IOException {
      limit = in.read(buf, 0, buf.length);
      pos = 0;
      if (limit <= 0) {
        limit = 0;
        return false;
      }
      return true;
    }

    long skipFully(long n) throws IOException {
      for (long i = 0; i < n; i++) {
        if (read() < 0) {
          return -1;
        }
      }
      return n;
    }
  }
}
