package org.newsarc.archive.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;

/**
 * Raw DEFLATE compression by libdeflate (the system's {@code libdeflate.so.0}, Debian's
 * {@code libdeflate0}), called through JNA: whole buffers only, about twice as fast as zlib at
 * the same level for the same size on news pages (docs/performance.md). Whether the library
 * could be loaded, and why not, is decided once per JVM. A {@link Compressor} belongs to one
 * thread at a time; the class itself is thread-safe.
 */
final class Libdeflate {

  private static final Cleaner CLEANER = Cleaner.create();
  /** Null when the library is bound; else why it is not. */
  private static final String PROBLEM = bind();

  private Libdeflate() {}

  private static String bind() {
    try {
      if (Native.SIZE_T_SIZE != Long.BYTES) {
        return "libdeflate is bound only where size_t is 64 bits, not " + Native.SIZE_T_SIZE * 8;
      }
      Native.register(Libdeflate.class, NativeLibrary.getInstance("deflate"));
      return null;
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      return "libdeflate could not be loaded (" + e.getMessage()
          + "); on Debian it is the package libdeflate0";
    } catch (RuntimeException e) {
      return "libdeflate could not be bound: " + e;
    }
  }

  /** True when the library is bound and compressors can be made. */
  static boolean available() {
    return PROBLEM == null;
  }

  /** Why the library is not available, or null when it is. */
  static String problem() {
    return PROBLEM;
  }

  private static native Pointer libdeflate_alloc_compressor(int level);

  private static native long libdeflate_deflate_compress(Pointer compressor, Pointer in,
      long inBytes, Pointer out, long outBytesAvailable);

  private static native long libdeflate_deflate_compress_bound(Pointer compressor, long inBytes);

  private static native void libdeflate_free_compressor(Pointer compressor);

  /**
   * One libdeflate compressor (its native state is a few hundred KB), freed when this object
   * becomes unreachable. Not thread-safe.
   */
  static final class Compressor {
    private final Pointer handle;

    /** @throws IllegalStateException when the library is not available or refuses the level */
    Compressor(int level) {
      if (PROBLEM != null) {
        throw new IllegalStateException(PROBLEM);
      }
      Pointer p = libdeflate_alloc_compressor(level);
      if (p == null) {
        throw new IllegalStateException("libdeflate made no compressor for level " + level);
      }
      handle = p;
      long peer = Pointer.nativeValue(p);
      CLEANER.register(this, () -> libdeflate_free_compressor(new Pointer(peer)));
    }

    /** The most bytes that {@code inBytes} of input can deflate to. */
    int bound(int inBytes) {
      try {
        return Math.toIntExact(libdeflate_deflate_compress_bound(handle, inBytes));
      } finally {
        java.lang.ref.Reference.reachabilityFence(this);
      }
    }

    /**
     * Deflates {@code length} bytes at {@code in} into {@code out} (which holds
     * {@code outBytes}, at least {@link #bound(int)}) and returns the number of bytes written.
     */
    int deflate(Pointer in, int length, Pointer out, long outBytes) {
      if (outBytes < bound(length)) {
        throw new IllegalArgumentException("output buffer too small for " + length + " bytes");
      }
      long n;
      try {
        n = libdeflate_deflate_compress(handle, in, length, out, outBytes);
      } finally {
        // The compressor is freed once this object is unreachable: not during the call.
        java.lang.ref.Reference.reachabilityFence(this);
      }
      if (n <= 0) {
        throw new IllegalStateException("libdeflate could not compress " + length + " bytes");
      }
      return Math.toIntExact(n);
    }
  }
}
