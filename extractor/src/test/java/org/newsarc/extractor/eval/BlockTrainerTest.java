package org.newsarc.extractor.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.extractor.internal.BlockFeatures;
import org.newsarc.extractor.internal.BlockModel;

class BlockTrainerTest {

  private static String paragraph(int page, int n) {
    return "Paragraph " + n + " of story " + page + " tells how the council of the town voted on"
        + " the plan for the harbour, which the mayor had put forward in the spring after a long"
        + " and heated debate among the members about costs and benefits.";
  }

  private static final String TEASER = "<div class=box><a href=/other>Residents complain</a>"
      + " about the noise from the building site near the station as work goes on late.</div>";

  /** A corpus of article pages whose gold is their paragraphs, each with the same teaser box. */
  private static Path corpus(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("html"));
    StringBuilder gold = new StringBuilder();
    for (int page = 1; page <= 6; page++) {
      StringBuilder html = new StringBuilder("<html><body><article><h1>Story " + page + "</h1>");
      StringBuilder text = new StringBuilder();
      for (int n = 1; n <= 4; n++) {
        html.append("<p>").append(paragraph(page, n)).append("</p>");
        text.append(paragraph(page, n)).append("\\n\\n");
        if (n == 2) {
          html.append(TEASER);
        }
      }
      html.append("</article></body></html>");
      Files.writeString(dir.resolve("html/" + page + ".html"), html);
      gold.append("{\"id\":\"").append(page).append("\",\"file\":\"html/").append(page)
          .append(".html\",\"url\":\"https://example.org/").append(page).append("\",\"text\":\"")
          .append(text).append("\"}\n");
    }
    Files.writeString(dir.resolve("gold.jsonl"), gold, StandardCharsets.UTF_8);
    return dir;
  }

  private static String written(BlockModel model) throws IOException {
    StringWriter w = new StringWriter();
    model.write(w, "test");
    return w.toString();
  }

  @Test
  void labelsComeFromTheGoldAndTrainingIsRepeatable(@TempDir Path tmp) throws IOException {
    Path dir = corpus(tmp.resolve("set"));
    BlockTrainer trainer = new BlockTrainer(line -> { });
    BlockTrainer.Samples s = trainer.collect(dir);
    assertEquals(6, s.pages());
    // Four paragraphs and the teaser per page; the headline is dropped by the rules.
    assertEquals(30, s.size());
    long negatives = s.labels().stream().filter(l -> l == 0).count();
    assertEquals(6, negatives);
    BlockModel first = BlockTrainer.fit(List.of(s), 0.5);
    BlockModel again = BlockTrainer.fit(List.of(trainer.collect(dir)), 0.5);
    assertEquals(written(first), written(again));
    assertTrue(BlockTrainer.accuracy(first, s) > 0.95, "accuracy " + BlockTrainer.accuracy(first, s));
    assertEquals(BlockFeatures.NAMES.size() + 3, written(first).lines().count() - 1);
  }
}
