package org.newsarc.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;

/** A writer that stopped anywhere, even inside a record, leaves a folder newsarc recovers. */
class RecoveryTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final String OPEN_NAME = "newsarc-20260301100000-00001-host.warc.gz.open";

  @TempDir
  Path tmp;

  @Test
  void cutAnywhereKeepsEveryCompletedRecord() throws IOException {
    byte[] full = unfinishedFile(tmp.resolve("source"));
    List<Long> ends = recordEnds(full);
    assertEquals(1 + 3 * 4, ends.size(), "warcinfo + 4 captures of 3 records");

    TreeSet<Long> cuts = new TreeSet<>(List.of(0L, 1L, 9L, 10L, 11L, (long) full.length));
    for (long end : ends) {
      cuts.add(end - 1);
      cuts.add(end);
      cuts.add(Math.min(full.length, end + 1));
      cuts.add(Math.min(full.length, end + 12));
    }
    Random random = new Random(42);
    for (int i = 0; i < 40; i++) {
      cuts.add((long) random.nextInt(full.length + 1));
    }
    int n = 0;
    for (long cut : cuts) {
      Path dir = Files.createDirectories(tmp.resolve("cut-" + n++));
      Files.write(dir.resolve(OPEN_NAME), java.util.Arrays.copyOf(full, (int) cut));
      checkRecovered(dir, full, ends.stream().filter(e -> e <= cut).count());
    }
  }

  @Test
  void garbageAfterTheLastRecordIsCut() throws IOException {
    byte[] full = unfinishedFile(tmp.resolve("source"));
    List<Long> ends = recordEnds(full);
    byte[] junk = new byte[300];
    new Random(7).nextBytes(junk);
    junk[0] = 0x1f; // looks like the start of another gzip member
    junk[1] = (byte) 0x8b;
    junk[2] = 8;
    junk[3] = 0;
    Path dir = Files.createDirectories(tmp.resolve("junk"));
    byte[] withJunk = java.util.Arrays.copyOf(full, full.length + junk.length);
    System.arraycopy(junk, 0, withJunk, full.length, junk.length);
    Files.write(dir.resolve(OPEN_NAME), withJunk);
    checkRecovered(dir, full, ends.size());
  }

  @Test
  void aWriterKilledWhileWritingLeavesAFolderThatRecovers() throws Exception {
    Path dir = WarcChecks.keptFolder("killed-writer");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        KilledWriter.class.getName(), dir.toString())
        .redirectErrorStream(true).start();
    int acknowledged = 0;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      // The child prints one line per capture forced to disk; kill it while it keeps writing.
      while (acknowledged < 25 && (line = out.readLine()) != null) {
        if (line.startsWith("wrote ")) {
          acknowledged++;
        }
      }
      child.destroyForcibly();
      child.waitFor();
    }
    assertEquals(25, acknowledged, "the child writer did not start");
    List<Path> kept = WarcArchive.recoverOpenFiles(dir, true);
    assertEquals(1, kept.size());
    Path warc = kept.get(0);
    WarcChecks.assertValid(warc);
    List<WarcChecks.Record> records = WarcChecks.records(warc);
    long responses = records.stream().filter(r -> r.type().equals("response")).count();
    assertTrue(responses >= acknowledged, responses + " responses < " + acknowledged);
    assertTrue(Files.exists(CdxjIndex.indexFileFor(warc)));
  }

  private static void checkRecovered(Path dir, byte[] full, long expectedRecords)
      throws IOException {
    List<Path> kept = WarcArchive.recoverOpenFiles(dir, false);
    assertFalse(Files.exists(dir.resolve(OPEN_NAME)), "the .open file is gone");
    if (expectedRecords == 0) {
      assertEquals(List.of(), kept);
      return;
    }
    assertEquals(1, kept.size());
    Path warc = kept.get(0);
    assertEquals(OPEN_NAME.replace(".open", ""), warc.getFileName().toString());
    byte[] bytes = Files.readAllBytes(warc);
    assertArrayEquals(java.util.Arrays.copyOf(full, bytes.length), bytes, "a prefix is kept");
    assertEquals(expectedRecords, WarcChecks.records(warc).size(), "records kept in " + dir);
    WarcChecks.assertValid(warc);
  }

  /** Writes four captures and returns the bytes of the file while it is still open. */
  private static byte[] unfinishedFile(Path dir) throws IOException {
    try (WarcArchive archive = WarcArchive.open(dir, WarcOptions.defaults(),
        new MutableClock(T0))) {
      for (int i = 0; i < 4; i++) {
        archive.write(Exchanges.html("http://localhost:9/" + i, T0, "<p>" + "y".repeat(200 * i)),
            new CaptureMetadata(null, List.of(), Duration.ofMillis(i), List.of(), 0.5, "t"));
      }
      Path open = dir.resolve(archive.currentFileName() + ".open");
      return Files.readAllBytes(open);
    }
  }

  /** The offset just past each record's gzip member. */
  private static List<Long> recordEnds(byte[] file) throws IOException {
    Path copy = Files.createTempFile("ends", ".warc.gz");
    try {
      Files.write(copy, file);
      List<Long> starts = new ArrayList<>();
      try (WarcReader reader = new WarcReader(copy)) {
        while (reader.next().isPresent()) {
          starts.add(reader.position());
        }
      }
      List<Long> ends = new ArrayList<>(starts.subList(1, starts.size()));
      ends.add((long) file.length);
      return ends;
    } finally {
      Files.delete(copy);
    }
  }
}
