package org.newsarc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.extractor.ArticleExtractor;

class BenchCommandTest {

  private static Path corpus(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("html"));
    StringBuilder gold = new StringBuilder();
    for (int page = 1; page <= 3; page++) {
      Files.writeString(dir.resolve("html/" + page + ".html"), "<html><head><title>Harbour "
          + page + "</title></head><body><article><h1>Harbour " + page + "</h1><p>The council"
          + " of the town voted on the plan for the harbour after a long debate.</p></article>"
          + "</body></html>");
      gold.append("{\"id\":\"").append(page).append("\",\"file\":\"html/").append(page)
          .append(".html\",\"url\":\"https://example.org/").append(page).append("\"}\n");
    }
    Files.writeString(dir.resolve("gold.jsonl"), gold);
    return dir;
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void comparesThisBuildWithAnotherLoadedBesideIt(@TempDir Path tmp)
      throws IOException, URISyntaxException {
    Path dir = corpus(tmp.resolve("c"));
    // The extractor's own classes stand in for another build: loaded apart, run in turn.
    Path other = Path.of(ArticleExtractor.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "bench", "--against", other.toString(), "--passes", "2",
        dir.toString()), err.toString());
    String text = out.toString();
    assertTrue(text.contains("other build           extractor " + ArticleExtractor.VERSION
        + " from " + other), text);
    assertTrue(text.contains("pages                 3"), text);
    assertTrue(text.contains("timed passes          1 (after one untimed)"), text);
    assertTrue(text.matches("(?s).*this / other          \\d+\\.\\d{3} \\(by pass: \\d+\\.\\d{3}\\).*"),
        text);
  }

  @Test
  void refusesWhatItCannotCompareSayingWhy(@TempDir Path tmp) throws IOException {
    Path dir = corpus(tmp.resolve("c"));
    StringWriter err = new StringWriter();
    assertEquals(2, run(new StringWriter(), err, "bench", "--against",
        tmp.resolve("nosuch.jar").toString(), dir.toString()));
    assertTrue(err.toString().contains("--against: " + tmp.resolve("nosuch.jar")
        + " does not exist"), err.toString());
    err = new StringWriter();
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertEquals(2, run(new StringWriter(), err, "bench", "--against", empty.toString(),
        dir.toString()));
    assertTrue(err.toString().contains("holds no newsarc extractor"), err.toString());
    err = new StringWriter();
    assertEquals(2, run(new StringWriter(), err, "bench", "--against", empty.toString(),
        "--passes", "1", dir.toString()));
    assertTrue(err.toString().contains("--passes must be at least 2"), err.toString());
    err = new StringWriter();
    assertEquals(2, run(new StringWriter(), err, "bench", tmp.toString()));
    assertTrue(err.toString().contains(tmp + " has no gold.jsonl"), err.toString());
  }
}
