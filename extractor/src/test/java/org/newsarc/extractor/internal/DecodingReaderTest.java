package org.newsarc.extractor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecodingReaderTest {

  /** Bytes that are mostly ASCII markup with runs of UTF-8, stray high bytes and cut sequences. */
  private static byte[] mixedBytes(Random random, int size) {
    byte[] utf8 = "<p>Grüße, 東京 😀 — naïve</p>\n".getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[size];
    for (int i = 0; i < size; i++) {
      int pick = random.nextInt(10);
      out[i] = pick < 7 ? utf8[i % utf8.length] : pick < 9 ? (byte) random.nextInt(256)
          : (byte) (0x80 | random.nextInt(64));
    }
    return out;
  }

  private static String readAll(DecodingReader reader, int chunk) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buffer = new char[chunk + 3];
    int n;
    while ((n = reader.read(buffer, 3, chunk)) >= 0) {
      out.append(buffer, 3, n);
    }
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "windows-1252", "ISO-8859-2", "Shift_JIS", "GBK", "UTF-16LE"})
  void decodesAsAStringWould(String name) throws IOException {
    Charset charset = Charset.forName(name);
    Random random = new Random(name.hashCode());
    for (int round = 0; round < 40; round++) {
      byte[] bytes = mixedBytes(random, 1 + random.nextInt(9000));
      int offset = random.nextInt(Math.min(4, bytes.length));
      int length = random.nextInt(bytes.length - offset + 1);
      String expected = new String(bytes, offset, length, charset);
      int chunk = 2 + random.nextInt(4096);
      assertEquals(expected, readAll(new DecodingReader(bytes, offset, length, charset), chunk),
          name + ", round " + round + ", chunk " + chunk);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 7, 2048})
  void splitsSequencesAcrossReads(int chunk) throws IOException {
    byte[] bytes = "ab😀c€\u00e9".repeat(50).getBytes(StandardCharsets.UTF_8);
    assertEquals(new String(bytes, StandardCharsets.UTF_8),
        readAll(new DecodingReader(bytes, 0, bytes.length, StandardCharsets.UTF_8), chunk));
  }
}
