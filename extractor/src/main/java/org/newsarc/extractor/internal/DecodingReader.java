package org.newsarc.extractor.internal;

import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a range of a byte array straight into the reader's caller, so that the parser fills
 * its buffer from the bytes without a decoded copy of the whole page in between. Malformed and
 * unmappable input becomes the charset's replacement character, exactly as
 * {@code new String(bytes, offset, length, charset)} would decode it. Not thread-safe; one per
 * page.
 */
public final class DecodingReader extends Reader {

  private final ByteBuffer in;
  private final CharsetDecoder decoder;
  private boolean flushed;

  public DecodingReader(byte[] bytes, int offset, int length, Charset charset) {
    this.in = ByteBuffer.wrap(bytes, offset, length);
    this.decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(buffer, offset, length);
    while (out.position() == offset && !flushed) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        // All input is read; what the decoder still holds comes out on flush.
        if (decoder.flush(out).isUnderflow()) {
          flushed = true;
        }
      }
      if (result.isOverflow() && out.position() == offset) {
        // Not even one character fits (a surrogate pair into a one-char buffer).
        break;
      }
    }
    int n = out.position() - offset;
    return n == 0 && flushed ? -1 : n;
  }

  @Override
  public void close() {
    in.position(in.limit());
  }
}
