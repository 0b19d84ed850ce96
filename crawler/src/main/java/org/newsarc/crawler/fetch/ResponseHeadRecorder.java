package org.newsarc.crawler.fetch;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Keeps the bytes read from one connection's input stream while an exchange is being answered,
 * so that the response head can be stored as it came over the wire instead of being rebuilt from
 * the HTTP client's parsed fields. The network interceptor starts recording just before the
 * request goes out and stops once the client has parsed the response head; only HTTP/1.x
 * connections are recorded, where one exchange at a time owns the connection. Bytes read when
 * no exchange is recording are not kept. Thread-safe.
 */
final class ResponseHeadRecorder {
  /**
   * More than the client accepts for a head (256 KiB) plus the interim 1xx heads before it; a
   * recording that grows past this is given up and the head is rebuilt.
   */
  static final int MAX_BYTES = 512 * 1024;

  private ByteArrayOutputStream recording;
  private boolean overflowed;

  /** Starts a new recording, dropping anything recorded before. */
  synchronized void start() {
    recording = new ByteArrayOutputStream(1024);
    overflowed = false;
  }

  /**
   * Stops recording and returns what was read since {@link #start()}, or null when nothing was
   * being recorded or the recording outgrew {@link #MAX_BYTES}.
   */
  synchronized byte[] stop() {
    byte[] bytes = recording == null || overflowed ? null : recording.toByteArray();
    recording = null;
    overflowed = false;
    return bytes;
  }

  private synchronized void record(byte[] b, int off, int len) {
    if (recording == null || overflowed || len <= 0) {
      return;
    }
    if (recording.size() + len > MAX_BYTES) {
      overflowed = true;
      recording = new ByteArrayOutputStream(0);
      return;
    }
    recording.write(b, off, len);
  }

  /** {@code in}, reporting every byte it yields to this recorder. */
  InputStream wrap(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          record(new byte[] {(byte) b}, 0, 1);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        record(buf, off, n);
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        // Skipped bytes would be lost to the recording: read them instead.
        byte[] buf = new byte[(int) Math.min(8192, Math.max(0, n))];
        int read = read(buf, 0, buf.length);
        return Math.max(0, read);
      }
    };
  }

  /** A socket whose input is recorded by a {@link ResponseHeadRecorder}. */
  interface Source {
    ResponseHeadRecorder headRecorder();
  }
}
