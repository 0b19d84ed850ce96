package org.newsarc.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails with ENOSPC ("No space left on device", injected where the bytes reach the
 * file) is a {@link DiskFullException}: the file is cut back to its last whole record and
 * closed, a new file that cannot even take its warcinfo record is removed, so that no
 * {@code .open} file with junk and no empty file is left, and writing resumes in a new file
 * once there is room. The real thing, on a full tmpfs, is the crawler's DiskFullArchiveTest.
 */
class DiskFullWriteTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir
  Path dir;

  @Test
  void aFullDiskLeavesOnlyWholeRecordsAndWritingResumesWhenThereIsRoom() throws Exception {
    AtomicBoolean full = new AtomicBoolean();
    try (WarcArchive archive = WarcArchive.open(dir, WarcOptions.defaults(), Clock.systemUTC())) {
      archive.writeThrough((channel, bytes) -> {
        if (full.get()) {
          // Part of the bytes get in before the device refuses more, as on a real disk.
          int half = bytes.remaining() / 2;
          if (half > 0) {
            java.nio.ByteBuffer part = bytes.slice().limit(half);
            channel.write(part);
            bytes.position(bytes.position() + half);
          }
          throw new IOException("No space left on device");
        }
        return channel.write(bytes);
      });
      for (int i = 0; i < 3; i++) {
        archive.write(Exchanges.html("http://127.0.0.1:8080/a" + i, T0, "<p>page " + i));
      }
      full.set(true);
      DiskFullException e = assertThrows(DiskFullException.class, () -> archive.write(
          Exchanges.html("http://127.0.0.1:8080/b", T0, "<p>" + "x".repeat(5000))));
      assertTrue(e.getMessage().startsWith("disk full"), e.getMessage());
      assertTrue(archive.diskFull());
      // The next writes cannot even start a file: each new file is removed again.
      for (int i = 0; i < 4; i++) {
        assertThrows(DiskFullException.class, () -> archive.write(
            Exchanges.html("http://127.0.0.1:8080/c", T0, "<p>c")));
      }
      assertEquals(List.of(), names(".open"), "no unfinished file");
      assertEquals(1, names(".warc.gz").size(), "only the first file, closed: " + names(""));

      full.set(false);
      archive.write(Exchanges.html("http://127.0.0.1:8080/b", T0, "<p>" + "x".repeat(5000)));
      assertFalse(archive.diskFull(), "a write that succeeds clears the state");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
    }
    assertEquals(2, files.size(), names("").toString());
    int responses = 0;
    for (Path f : files) {
      assertTrue(Files.size(f) > 0, f + " is not empty");
      WarcChecks.assertValid(f);
      for (WarcChecks.Record r : WarcChecks.records(f)) {
        if (r.record().type().equals("response")) {
          responses++;
        }
      }
    }
    assertEquals(4, responses, "the three pages before and the one after; nothing half-written");
  }

  private List<String> names(String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted()
          .toList();
    }
  }
}
