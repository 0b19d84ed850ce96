package org.newsarc.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Removes HTTP/1.1 chunked transfer coding from a stream as it is read, in one pass and with a
 * small, fixed buffer: a stored body of any size is de-chunked without holding it twice. Chunk
 * extensions and trailers are dropped, a body cut inside a chunk (or inside a chunk-size line
 * after the first) ends with what arrived, and the CRLF after chunk data is optional, as some
 * writers leave it out. Bytes that are not chunked at all throw {@link NotChunkedException}.
 * Not thread-safe.
 */
public final class ChunkedInputStream extends InputStream {
  /** The longest chunk-size line read, extensions included. */
  static final int MAX_SIZE_LINE = 8192;

  private final PushbackInputStream in;
  private long remaining;
  private boolean started;
  private boolean done;
  private long position;

  public ChunkedInputStream(InputStream in) {
    this.in = new PushbackInputStream(in, 1);
  }

  /** Thrown when the bytes do not follow chunked framing; the message gives the byte offset. */
  public static final class NotChunkedException extends IOException {
    NotChunkedException(String message) {
      super(message);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!done && remaining == 0) {
      nextChunk();
    }
    if (done) {
      return -1;
    }
    int n = in.read(buf, off, (int) Math.min(len, remaining));
    if (n < 0) {
      done = true; // cut inside a chunk: what arrived is the body
      return -1;
    }
    position += n;
    remaining -= n;
    if (remaining == 0) {
      skipLineEnd();
    }
    return n;
  }

  /** Reads the next chunk-size line; sets {@code remaining} or {@code done}. */
  private void nextChunk() throws IOException {
    long lineStart = position;
    long size = 0;
    int digits = 0;
    int b;
    while ((b = readByte()) >= 0 && Character.digit(b, 16) >= 0) {
      size = size * 16 + Character.digit(b, 16);
      if (++digits > 15) {
        throw new NotChunkedException("chunk size too long at byte " + lineStart);
      }
    }
    if (b < 0) {
      if (!started) {
        throw new NotChunkedException("no chunk-size line");
      }
      done = true; // cut inside a size line after some data: keep what came
      return;
    }
    if (digits == 0) {
      throw new NotChunkedException("bad chunk-size line at byte " + lineStart);
    }
    if (b != '\n') {
      if (b != ';' && b != ' ' && b != '\t' && b != '\r') {
        throw new NotChunkedException("bad chunk-size line at byte " + lineStart);
      }
      // The rest of the line: extensions, or the CR before the LF.
      int read = 0;
      while (b >= 0 && b != '\n') {
        if (++read > MAX_SIZE_LINE) {
          throw new NotChunkedException("chunk-size line too long at byte " + lineStart);
        }
        b = readByte();
      }
    }
    started = true;
    if (size == 0 || b < 0) {
      done = true; // the last chunk (trailers are dropped), or the end inside a size line
      return;
    }
    remaining = size;
  }

  /** The CRLF after chunk data, each byte optional. */
  private void skipLineEnd() throws IOException {
    int b = readByte();
    if (b == '\r') {
      b = readByte();
    }
    if (b >= 0 && b != '\n') {
      in.unread(b);
      position--;
    }
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b >= 0) {
      position++;
    }
    return b;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
