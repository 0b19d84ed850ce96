package org.newsarc.archive.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes gzip members (RFC 1952) of one compression level, each a whole gzip stream of its own,
 * as gzip-per-record WARC files hold them, deflated by one of two engines:
 * <ul>
 *   <li>{@link Engine#ZLIB}: {@code java.util.zip}, streaming. The bytes are those
 *       {@link java.util.zip.GZIPOutputStream} writes at the same level: the same ten-byte
 *       header, raw deflate data and the CRC-32 and length trailer.
 *   <li>{@link Engine#LIBDEFLATE}: the system's libdeflate ({@link Libdeflate}), which deflates
 *       a whole member at once, so the member's input is gathered in memory first. Same header
 *       and trailer; its deflate data differs from zlib's (as any two compressors' do) and
 *       inflates to the same bytes.
 * </ul>
 * Every thread keeps one compressor and reuses it member after member, so a record costs no new
 * native state (about 300 KB set up and freed per record, which the C allocator does not always
 * give back). Thread-safe.
 */
public final class GzipMembers {

  /** Which library deflates the members. */
  public enum Engine {
    ZLIB, LIBDEFLATE;

    /**
     * The engine named {@code name}: {@code zlib}, {@code libdeflate}, or {@code auto}
     * (libdeflate when the system has it, else zlib).
     *
     * @throws IllegalArgumentException for another name, or for {@code libdeflate} when it
     *     cannot be loaded (the message says why)
     */
    public static Engine named(String name) {
      check(name);
      return name.equals("zlib") || !Libdeflate.available() ? ZLIB : LIBDEFLATE;
    }

    /**
     * Checks {@code name} as {@link #named} does, without loading libdeflate unless it is
     * named: {@code auto} decides only when records are written.
     *
     * @throws IllegalArgumentException as {@link #named}
     */
    public static void check(String name) {
      switch (name) {
        case "auto":
        case "zlib":
          return;
        case "libdeflate":
          if (!Libdeflate.available()) {
            throw new IllegalArgumentException(Libdeflate.problem());
          }
          return;
        default:
          throw new IllegalArgumentException(
              "WARC deflate engine must be auto, zlib or libdeflate, not " + name);
      }
    }

    /** The name {@link #named} takes. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
  /**
   * The header {@link java.util.zip.GZIPOutputStream} writes: no flags, name or time, and the
   * operating system "unknown" (255).
   */
  private static final byte[] HEADER =
      {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  private static final int BUFFER_BYTES = 16 * 1024;
  /** A thread's gathering buffers above this size are not kept for the next member. */
  private static final int KEPT_BUFFER_BYTES = 1 << 20;

  private final int level;
  private final Engine engine;
  private final ThreadLocal<Deflater> deflaters;
  private final ThreadLocal<Whole> wholes;

  /**
   * @param level zlib compression level, 1 (fastest) to 9 (smallest), or
   *     {@link Deflater#DEFAULT_COMPRESSION} (zlib's default, level 6)
   */
  public GzipMembers(int level) {
    this(level, Engine.ZLIB);
  }

  /**
   * @param level compression level, 1 to 9 (both engines use zlib's scale), or
   *     {@link Deflater#DEFAULT_COMPRESSION} for 6
   * @throws IllegalStateException when the engine is libdeflate and it cannot be loaded
   */
  public GzipMembers(int level, Engine engine) {
    if (level != Deflater.DEFAULT_COMPRESSION && (level < 1 || level > 9)) {
      throw new IllegalArgumentException("gzip level must be 1 to 9: " + level);
    }
    if (engine == Engine.LIBDEFLATE && !Libdeflate.available()) {
      throw new IllegalStateException(Libdeflate.problem());
    }
    this.level = level;
    this.engine = engine;
    int effective = level == Deflater.DEFAULT_COMPRESSION ? 6 : level;
    // One compressor per thread lives as long as the thread; its native memory is a few
    // hundred KB, held by each writing thread instead of allocated for each record.
    this.deflaters = ThreadLocal.withInitial(() -> new Deflater(level, true));
    this.wholes = ThreadLocal.withInitial(() -> new Whole(new Libdeflate.Compressor(effective)));
  }

  public int level() {
    return level;
  }

  public Engine engine() {
    return engine;
  }

  /**
   * Opens a member appended to {@code out}; what is written to the returned stream is
   * compressed, and closing it writes the trailer (it does not close {@code out}). The stream
   * must be written and closed on the thread that opened it.
   */
  public OutputStream open(ByteArrayOutputStream out) {
    if (engine == Engine.LIBDEFLATE) {
      Whole whole = wholes.get();
      whole.length = 0;
      return whole.member(out);
    }
    Deflater deflater = deflaters.get();
    deflater.reset();
    return new Member(out, deflater);
  }

  /**
   * A thread's libdeflate compressor and the native buffers a member is gathered in and
   * deflated to (native, so that the library reads and writes them in place), kept for the next
   * member unless a large record grew them past {@link #KEPT_BUFFER_BYTES}.
   */
  private static final class Whole {
    private static final int FIRST_BYTES = 256 * 1024;

    private final Libdeflate.Compressor compressor;
    private com.sun.jna.Memory in = new com.sun.jna.Memory(FIRST_BYTES);
    private com.sun.jna.Memory out;
    private byte[] copy = new byte[BUFFER_BYTES];
    private int length;

    Whole(Libdeflate.Compressor compressor) {
      this.compressor = compressor;
    }

    OutputStream member(ByteArrayOutputStream target) {
      return new MemberStream(target) {
        @Override
        void take(byte[] b, int off, int len) throws IOException {
          if (len > in.size() - length) {
            grow((long) length + len);
          }
          in.write(length, b, off, len);
          length += len;
        }

        @Override
        void finish(ByteArrayOutputStream target) {
          deflateInto(target);
        }
      };
    }

    private void grow(long needed) throws IOException {
      if (needed > Integer.MAX_VALUE - 64) {
        throw new IOException("gzip member larger than 2 GB");
      }
      com.sun.jna.Memory bigger = new com.sun.jna.Memory(Math.max(needed,
          Math.min(in.size() * 2, Integer.MAX_VALUE - 64)));
      bigger.write(0, in.getByteArray(0, length), 0, length);
      in.close();
      in = bigger;
    }

    /** Deflates the gathered bytes and appends them to {@code target}, then resets. */
    private void deflateInto(ByteArrayOutputStream target) {
      int bound = compressor.bound(length);
      if (out == null || out.size() < bound) {
        if (out != null) {
          out.close();
        }
        out = new com.sun.jna.Memory(Math.max(bound, FIRST_BYTES));
      }
      int n = compressor.deflate(in, length, out, out.size());
      for (int at = 0; at < n; at += copy.length) {
        int part = Math.min(copy.length, n - at);
        out.read(at, copy, 0, part);
        target.write(copy, 0, part);
      }
      if (in.size() > KEPT_BUFFER_BYTES) {
        in.close();
        in = new com.sun.jna.Memory(FIRST_BYTES);
      }
      if (out.size() > KEPT_BUFFER_BYTES) {
        out.close();
        out = null;
      }
      length = 0;
    }
  }

  /**
   * One member being written to {@code target}: the header is written first, the input's CRC-32
   * and length are kept here, and closing writes the deflated data ({@link #finish}) and the
   * trailer. Writing after close fails.
   */
  private abstract static class MemberStream extends OutputStream {
    private final ByteArrayOutputStream target;
    private final CRC32 crc = new CRC32();
    private long length;
    private boolean closed;

    MemberStream(ByteArrayOutputStream target) {
      this.target = target;
      target.write(HEADER, 0, HEADER.length);
    }

    /** Takes {@code len > 0} bytes of the member's input. */
    abstract void take(byte[] b, int off, int len) throws IOException;

    /** Appends the rest of the deflate data to {@code target}. */
    abstract void finish(ByteArrayOutputStream target);

    @Override
    public final void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public final void write(byte[] b, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("gzip member already closed");
      }
      if (len == 0) {
        return;
      }
      take(b, off, len);
      crc.update(b, off, len);
      length += len;
    }

    @Override
    public final void close() {
      if (closed) {
        return;
      }
      closed = true;
      finish(target);
      writeIntLe(target, (int) crc.getValue());
      writeIntLe(target, (int) length); // ISIZE: the length modulo 2^32
    }
  }

  private static void writeIntLe(ByteArrayOutputStream out, int v) {
    out.write(v & 0xff);
    out.write((v >>> 8) & 0xff);
    out.write((v >>> 16) & 0xff);
    out.write((v >>> 24) & 0xff);
  }

  /** One member being written: input goes through the thread's compressor into {@code out}. */
  private static final class Member extends MemberStream {
    private final ByteArrayOutputStream out;
    private final Deflater deflater;
    private final byte[] buf = new byte[BUFFER_BYTES];

    Member(ByteArrayOutputStream out, Deflater deflater) {
      super(out);
      this.out = out;
      this.deflater = deflater;
    }

    @Override
    void take(byte[] b, int off, int len) {
      deflater.setInput(b, off, len);
      while (!deflater.needsInput()) {
        int n = deflater.deflate(buf, 0, buf.length, Deflater.NO_FLUSH);
        if (n > 0) {
          out.write(buf, 0, n);
        }
      }
    }

    @Override
    void finish(ByteArrayOutputStream target) {
      deflater.finish();
      while (!deflater.finished()) {
        int n = deflater.deflate(buf, 0, buf.length);
        target.write(buf, 0, n);
      }
      deflater.reset();
    }
  }
}
