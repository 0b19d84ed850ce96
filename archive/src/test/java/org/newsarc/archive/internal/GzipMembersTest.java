package org.newsarc.archive.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Gzip members made with a reused compressor: with zlib the same bytes as the JDK's gzip stream
 * at the same level, member after member on one thread, and readable as a multi-member gzip
 * file; with libdeflate members that inflate to the same bytes. The libdeflate tests run when
 * the system has the library, and must run when {@code NEWSARC_TEST_LIBDEFLATE=required} (as
 * CI sets it).
 */
class GzipMembersTest {
  private static byte[] page(int seed, int size) {
    // Text-like input (repeats, as HTML has) and some noise, so that levels differ.
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder();
    String[] words = {"<div class=\"story\">", "the", "archive", "news", "</p>", "<a href=\"/",
        "2026", "page", "\r\n"};
    while (sb.length() < size) {
      sb.append(words[random.nextInt(words.length)]).append(random.nextInt(1000)).append(' ');
    }
    return sb.substring(0, size).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] jdkGzip(byte[] data, int level) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out) {
      {
        def.setLevel(level);
      }
    }) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] member(GzipMembers gzip, byte[] data, int pieces) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream member = gzip.open(out)) {
      int step = Math.max(1, data.length / pieces);
      for (int i = 0; i < data.length; i += step) {
        member.write(data, i, Math.min(step, data.length - i));
      }
    }
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 6, 9})
  void sameBytesAsTheJdkGzipStreamMemberAfterMember(int level) throws IOException {
    GzipMembers gzip = new GzipMembers(level);
    // Sizes around the 16 KB buffer and the empty member; each member reuses the compressor.
    for (int size : new int[] {0, 1, 100, 16 * 1024, 16 * 1024 + 1, 300_000, 5}) {
      byte[] data = page(size, size);
      assertArrayEquals(jdkGzip(data, level), member(gzip, data, 7), "level " + level
          + ", " + size + " bytes");
    }
  }

  @Test
  void membersAppendedToOneBufferReadBackAsOneStream() throws IOException {
    assertFiveMembersReadBackAsOneStream(new GzipMembers(6));
  }

  /** Five members of different sizes appended to one buffer gunzip as their inputs in turn. */
  private static void assertFiveMembersReadBackAsOneStream(GzipMembers gzip) throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < 5; i++) {
      byte[] data = page(i, 20_000 * i + 3);
      expected.writeBytes(data);
      try (OutputStream member = gzip.open(file)) {
        member.write(data);
        member.write('\n');
        expected.write('\n');
      }
    }
    assertArrayEquals(expected.toByteArray(), gunzip(file.toByteArray()));
  }

  @Test
  void aMemberLeftUnfinishedDoesNotSpoilTheNext() throws IOException {
    GzipMembers gzip = new GzipMembers(6);
    OutputStream abandoned = gzip.open(new ByteArrayOutputStream());
    abandoned.write(page(1, 50_000)); // as when writing the record failed half-way
    byte[] data = page(2, 40_000);
    assertArrayEquals(jdkGzip(data, 6), member(gzip, data, 3));
  }

  @Test
  void threadsWritingAtOnceEachGetTheirOwnCompressor() throws Exception {
    writeFromThreads(new GzipMembers(6), true);
  }

  /**
   * Eight tasks on four threads write members at once; each must read back as its input (and,
   * with {@code jdkBytes}, be the JDK's bytes).
   */
  private static void writeFromThreads(GzipMembers gzip, boolean jdkBytes) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < 20; i++) {
            byte[] data = page(seed * 100 + i, 10_000 + 997 * i);
            byte[] gz = member(gzip, data, 5);
            boolean same = jdkBytes ? java.util.Arrays.equals(jdkGzip(data, 6), gz)
                : java.util.Arrays.equals(data, gunzip(gz));
            if (!same) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> r : results) {
        assertTrue(r.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void writingAfterCloseAndBadLevelsAreRefused() throws IOException {
    GzipMembers gzip = new GzipMembers(6);
    OutputStream member = gzip.open(new ByteArrayOutputStream());
    member.close();
    assertThrows(IOException.class, () -> member.write(1));
    assertThrows(IllegalArgumentException.class, () -> new GzipMembers(0));
    assertThrows(IllegalArgumentException.class, () -> new GzipMembers(10));
    assertEquals(6, gzip.level());
  }

  private static GzipMembers libdeflate(int level) {
    if ("required".equals(System.getenv("NEWSARC_TEST_LIBDEFLATE"))) {
      assertTrue(Libdeflate.available(), Libdeflate.problem());
    }
    assumeTrue(Libdeflate.available(), Libdeflate.problem());
    return new GzipMembers(level, GzipMembers.Engine.LIBDEFLATE);
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 6, 9})
  void libdeflateMembersInflateToTheirInputMemberAfterMember(int level) throws IOException {
    GzipMembers gzip = libdeflate(level);
    // Around the gathering buffer's first size (256 KB), past the size kept (1 MB), and empty.
    for (int size : new int[] {0, 1, 100, 256 * 1024, 256 * 1024 + 1, 5_000_000, 300_000, 5}) {
      byte[] data = page(size, size);
      byte[] gz = member(gzip, data, 7);
      assertArrayEquals(data, gunzip(gz), "level " + level + ", " + size + " bytes");
      // The same header and trailer as the JDK's, so tools that look at them see no difference.
      byte[] jdk = jdkGzip(data, level);
      assertArrayEquals(java.util.Arrays.copyOf(jdk, 10), java.util.Arrays.copyOf(gz, 10));
      assertArrayEquals(java.util.Arrays.copyOfRange(jdk, jdk.length - 8, jdk.length),
          java.util.Arrays.copyOfRange(gz, gz.length - 8, gz.length));
    }
  }

  @Test
  void libdeflateCompressesAboutAsMuchAsZlibAtTheSameLevel() throws IOException {
    GzipMembers gzip = libdeflate(6);
    byte[] data = page(7, 400_000);
    int zlib = member(new GzipMembers(6), data, 3).length;
    int lib = member(gzip, data, 3).length;
    assertTrue(lib < data.length / 2, lib + " of " + data.length);
    assertTrue(Math.abs(lib - zlib) < zlib / 20, "libdeflate " + lib + ", zlib " + zlib);
  }

  @Test
  void libdeflateMembersAppendToOneStreamAndSurviveAnAbandonedMember() throws Exception {
    GzipMembers gzip = libdeflate(6);
    OutputStream abandoned = gzip.open(new ByteArrayOutputStream());
    abandoned.write(page(1, 50_000)); // as when writing the record failed half-way
    assertFiveMembersReadBackAsOneStream(gzip);
    OutputStream closed = gzip.open(new ByteArrayOutputStream());
    closed.close();
    assertThrows(IOException.class, () -> closed.write(1));
    assertEquals(GzipMembers.Engine.LIBDEFLATE, gzip.engine());
  }

  @Test
  void libdeflateThreadsWritingAtOnceEachGetTheirOwnCompressor() throws Exception {
    writeFromThreads(libdeflate(6), false);
  }

  @Test
  void enginesAreChosenByName() {
    assertEquals(GzipMembers.Engine.ZLIB, GzipMembers.Engine.named("zlib"));
    assertEquals(Libdeflate.available() ? GzipMembers.Engine.LIBDEFLATE : GzipMembers.Engine.ZLIB,
        GzipMembers.Engine.named("auto"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GzipMembers.Engine.named("brotli"));
    assertTrue(e.getMessage().contains("auto, zlib or libdeflate"), e.getMessage());
    if (!Libdeflate.available()) {
      IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
          () -> GzipMembers.Engine.named("libdeflate"));
      assertTrue(missing.getMessage().contains("libdeflate0"), missing.getMessage());
    }
  }
}
