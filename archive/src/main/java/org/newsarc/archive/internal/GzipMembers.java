package org.newsarc.archive.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes gzip members (RFC 1952) of one compression level, each a whole gzip stream of its own,
 * as gzip-per-record WARC files hold them. Every thread keeps one zlib compressor and resets it
 * between members, so a record costs no new zlib state (about 300 KB of native memory set up and
 * freed per record, which the C allocator does not always give back). The bytes are those
 * {@link java.util.zip.GZIPOutputStream} writes at the same level: the same ten-byte header,
 * raw deflate data and the CRC-32 and length trailer. Thread-safe.
 */
public final class GzipMembers {
  /**
   * The header {@link java.util.zip.GZIPOutputStream} writes: no flags, name or time, and the
   * operating system "unknown" (255).
   */
  private static final byte[] HEADER =
      {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  private static final int BUFFER_BYTES = 16 * 1024;

  private final int level;
  private final ThreadLocal<Deflater> deflaters;

  /**
   * @param level zlib compression level, 1 (fastest) to 9 (smallest), or
   *     {@link Deflater#DEFAULT_COMPRESSION} (zlib's default, level 6)
   */
  public GzipMembers(int level) {
    if (level != Deflater.DEFAULT_COMPRESSION && (level < 1 || level > 9)) {
      throw new IllegalArgumentException("gzip level must be 1 to 9: " + level);
    }
    this.level = level;
    // One compressor per thread lives as long as the thread; its native memory is a few
    // hundred KB, held by each writing thread instead of allocated for each record.
    this.deflaters = ThreadLocal.withInitial(() -> new Deflater(level, true));
  }

  public int level() {
    return level;
  }

  /**
   * Opens a member appended to {@code out}; what is written to the returned stream is
   * compressed, and closing it writes the trailer (it does not close {@code out}). The stream
   * must be written and closed on the thread that opened it.
   */
  public OutputStream open(ByteArrayOutputStream out) {
    Deflater deflater = deflaters.get();
    deflater.reset();
    out.write(HEADER, 0, HEADER.length);
    return new Member(out, deflater);
  }

  /** One member being written: input goes through the thread's compressor into {@code out}. */
  private static final class Member extends OutputStream {
    private final ByteArrayOutputStream out;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private final byte[] buf = new byte[BUFFER_BYTES];
    private long length;
    private boolean closed;

    Member(ByteArrayOutputStream out, Deflater deflater) {
      this.out = out;
      this.deflater = deflater;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("gzip member already closed");
      }
      if (len == 0) {
        return;
      }
      crc.update(b, off, len);
      length += len;
      deflater.setInput(b, off, len);
      while (!deflater.needsInput()) {
        drain();
      }
    }

    private void drain() {
      int n = deflater.deflate(buf, 0, buf.length, Deflater.NO_FLUSH);
      if (n > 0) {
        out.write(buf, 0, n);
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      deflater.finish();
      while (!deflater.finished()) {
        int n = deflater.deflate(buf, 0, buf.length);
        out.write(buf, 0, n);
      }
      writeIntLe((int) crc.getValue());
      writeIntLe((int) length); // ISIZE: the length modulo 2^32
      deflater.reset();
    }

    private void writeIntLe(int v) {
      out.write(v & 0xff);
      out.write((v >>> 8) & 0xff);
      out.write((v >>> 16) & 0xff);
      out.write((v >>> 24) & 0xff);
    }
  }
}
