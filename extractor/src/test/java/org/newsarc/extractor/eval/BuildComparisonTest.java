package org.newsarc.extractor.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildComparisonTest {

  private static Path corpus(Path dir, int pages) throws IOException {
    Files.createDirectories(dir.resolve("html"));
    StringBuilder gold = new StringBuilder();
    for (int i = 0; i < pages; i++) {
      Files.writeString(dir.resolve("html/" + i + ".html"), "<p>page " + i + "</p>");
      gold.append("{\"id\":\"").append(i).append("\",\"file\":\"html/").append(i)
          .append(".html\",\"url\":\"https://example.org/").append(i).append("\"}\n");
    }
    Files.writeString(dir.resolve("gold.jsonl"), gold);
    return dir;
  }

  @Test
  void timesBothBuildsInTurnAndLeavesTheFirstPassOut(@TempDir Path tmp) throws IOException {
    Path dir = corpus(tmp.resolve("c"), 3);
    AtomicLong clock = new AtomicLong();
    List<String> order = new ArrayList<>();
    BuildComparison.Extraction self = (html, url) -> {
      order.add("self");
      clock.addAndGet(2_000_000);
    };
    // The other build takes twice as long, and fails on every page: its time still counts.
    BuildComparison.Extraction other = (html, url) -> {
      order.add("other");
      clock.addAndGet(4_000_000);
      throw new IllegalStateException("broken page " + url);
    };
    BuildComparison.Result r = new BuildComparison(self, other, clock::get, 3)
        .run(List.of(dir), 0);
    assertEquals(3, r.pages());
    // Two timed passes of three pages: 6 ms and 12 ms each; the untimed first pass is not there.
    assertArrayEquals(new double[] {6, 6}, r.thisMs(), 1e-9);
    assertArrayEquals(new double[] {12, 12}, r.otherMs(), 1e-9);
    assertEquals(0.5, r.ratio(), 1e-9);
    // Which build goes first alternates by page and by pass.
    assertEquals(List.of("self", "other", "other", "self", "self", "other",
        "other", "self", "self", "other", "other", "self"), order.subList(0, 12));
    String text = r.format();
    assertTrue(text.contains("this / other          0.500 (by pass: 0.500 0.500)"), text);
    assertTrue(text.contains("this build, mean      2.00 ms/page"), text);
  }

  @Test
  void needsATimedPass() {
    BuildComparison.Extraction none = (html, url) -> { };
    assertThrows(IllegalArgumentException.class,
        () -> new BuildComparison(none, none, System::nanoTime, 1));
  }
}
