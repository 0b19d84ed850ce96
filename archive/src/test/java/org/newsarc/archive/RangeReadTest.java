package org.newsarc.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the responses of one file in ranges of offsets, as tasks sharing a large file do:
 * the ranges together give what reading the file whole gives, each response once, with the same
 * location, and a revisit whose original lies in another range is still resolved.
 */
class RangeReadTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir
  Path dir;

  @Test
  void rangesTogetherGiveTheWholeFile() throws IOException {
    Path warcs = dir.resolve("warcs");
    try (Catalog catalog = Catalog.open(dir.resolve("newsarc.db"));
        WarcArchive archive = WarcArchive.open(warcs, WarcOptions.defaults(),
            Clock.fixed(T0, ZoneOffset.UTC), catalog)) {
      for (int copy = 0; copy < 2; copy++) {
        for (int i = 0; i < 6; i++) {
          // The second round repeats the payloads, so it is stored as revisits.
          String url = "http://example.test/page-" + i + (copy == 0 ? "" : "?again");
          HttpExchange e = Exchanges.html(url, T0.plusSeconds(10L * copy + i),
              "<html><body><p>Page " + i + " text.</p></body></html>");
          StoredCapture stored = archive.write(e);
          catalog.addCapture(new CaptureRow(url, url, e.date(), 200, "text/html", "127.0.0.1",
              null, stored));
        }
      }
    }
    Path file = CdxjIndex.warcFiles(warcs).get(0);
    List<StoredCapture> whole = read(ArchivedResponses.open(List.of(file), w -> { }));
    assertEquals(12, whole.size());
    assertTrue(whole.get(6).revisit() && whole.get(6).offset() > whole.get(5).offset());

    long cut1 = whole.get(4).offset();
    long cut2 = whole.get(8).offset();
    List<StoredCapture> ranges = new ArrayList<>();
    List<byte[]> bodies = new ArrayList<>();
    for (long[] range : new long[][] {{0, cut1}, {cut1, cut2}, {cut2, Long.MAX_VALUE}}) {
      try (ArchivedResponses in = ArchivedResponses.openRange(file, range[0], range[1],
          w -> { })) {
        for (Optional<ArchivedResponse> r; (r = in.next()).isPresent(); ) {
          ranges.add(r.get().location());
          bodies.add(r.get().decodedBody());
        }
      }
    }
    assertEquals(whole, ranges);
    // The revisit at index 8 starts the last range; its original is in the first.
    assertTrue(new String(bodies.get(8), java.nio.charset.StandardCharsets.UTF_8)
        .contains("Page 2 text."));
  }

  @Test
  void anOffsetOutsideTheFileIsRefused() throws IOException {
    Path file = dir.resolve("empty.warc");
    java.nio.file.Files.writeString(file, "");
    IOException e = assertThrows(IOException.class,
        () -> WarcFileReader.open(file, 10, (f, o, m) -> { }));
    assertTrue(e.getMessage().contains("outside the file"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ArchivedResponses.openRange(file, 5, 4, w -> { }));
  }

  private static List<StoredCapture> read(ArchivedResponses in) throws IOException {
    List<StoredCapture> out = new ArrayList<>();
    try (in) {
      for (Optional<ArchivedResponse> r; (r = in.next()).isPresent(); ) {
        out.add(r.get().location());
      }
    }
    return out;
  }
}
