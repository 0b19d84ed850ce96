package org.newsarc.extractor.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.extractor.internal.BlockFeatures;
import org.newsarc.extractor.internal.BlockModel;
import org.newsarc.extractor.internal.BlockModels;
import org.newsarc.extractor.internal.BlockTrees;

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

  /** A model's {@code write(Writer, String)}. */
  private interface Writable {
    void write(java.io.Writer out, String comment) throws IOException;
  }

  /** What a model writes to its file. */
  private static String written(Writable model) throws IOException {
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
    assertEquals(written(first::write), written(again::write));
    assertTrue(BlockTrainer.accuracy(first, s) > 0.95, "accuracy " + BlockTrainer.accuracy(first, s));
    assertEquals(BlockFeatures.NAMES.size() + 3, written(first::write).lines().count() - 1);
  }

  @Test
  void treesTrainTheSameTwiceAndReadBackExactly(@TempDir Path tmp) throws IOException {
    Path dir = corpus(tmp.resolve("set"));
    BlockTrainer trainer = new BlockTrainer(line -> { });
    BlockTrainer.Samples s = trainer.collect(dir);
    TreeOptions options = TreeOptions.parse("trees=20 depth=3 rate=0.5 min-leaf=0.01 feature-share=0.5 seed=7",
        TreeOptions.FIRST);
    BlockTrees first = BlockTrainer.fitTrees(List.of(s), 0.5, options);
    BlockTrees again = BlockTrainer.fitTrees(List.of(trainer.collect(dir)), 0.5, options);
    assertEquals(written(first::write), written(again::write));
    assertTrue(BlockTrainer.accuracy(first, s) > 0.95, "accuracy " + BlockTrainer.accuracy(first, s));
    BlockTrees back = (BlockTrees) BlockModels.read(new StringReader(written(first::write)), null);
    for (double[] f : s.features()) {
      assertEquals(first.probability(f), back.probability(f), 0.0);
    }
  }

  @Test
  void treeSettingsReadAsWordsAndRefuseNonsense() {
    TreeOptions o = TreeOptions.parse("trees=60 depth=3 min-leaf=200 unused=link_density,in_list",
        TreeOptions.FIRST);
    assertEquals(60, o.trees());
    assertEquals(3, o.depth());
    assertEquals(200, o.minLeaf(), 0);
    assertEquals(0.1, o.rate(), 0);
    assertEquals(List.of("link_density", "in_list"), o.unused());
    assertEquals(o, TreeOptions.parse(o.describe(), TreeOptions.FIRST));
    assertThrows(IllegalArgumentException.class, () -> TreeOptions.parse("leaves=3", o));
    assertThrows(IllegalArgumentException.class, () -> TreeOptions.parse("depth=0", o));
    assertThrows(IllegalArgumentException.class, () -> TreeOptions.parse("unused=colour", o));
    assertThrows(IllegalArgumentException.class, () -> TreeOptions.parse("rate=fast", o));
  }

  @Test
  void replayScoresTheRulesAsEvalDoesAndAJudgeByItsKeptBlocks(@TempDir Path tmp)
      throws IOException {
    Path dir = corpus(tmp.resolve("set"));
    JudgeReplay.Corpus c = JudgeReplay.collect(dir);
    assertEquals(6, c.pages().size());
    List<Metric> eval = new CorpusEvaluator(new org.newsarc.extractor.ArticleExtractor(),
        System::nanoTime, r -> { }).evaluate(dir);
    double evalF1 = eval.stream().filter(m -> m.name().equals("text_f1")).findFirst()
        .orElseThrow().value();
    JudgeReplay.Score rules = JudgeReplay.score(c, null, 0.5);
    assertEquals(evalF1, rules.textF1(), 1e-12);
    assertTrue(rules.textF1() < 0.99, "the teaser costs the rules " + rules.textF1());
    // A judge that knows the teaser (the one linked block of each page) scores the gold exactly.
    double[][] p = new double[c.pages().size()][];
    for (int i = 0; i < p.length; i++) {
      JudgeReplay.Page page = c.pages().get(i);
      p[i] = new double[page.blocks().size()];
      for (int k = 0; k < p[i].length; k++) {
        p[i][k] = page.blocks().get(k).linkChars() > 0 ? 0.1 : 0.9;
      }
    }
    assertEquals(1.0, JudgeReplay.score(c, p, 0.5).textF1(), 1e-12);
    assertEquals(rules.textF1(), JudgeReplay.score(c, p, 0.05).textF1(), 1e-12);
    assertEquals(30, JudgeReplay.samples(c).size());
  }
}
