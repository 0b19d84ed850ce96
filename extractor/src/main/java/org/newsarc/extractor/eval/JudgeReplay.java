package org.newsarc.extractor.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.ExtractionException;
import org.newsarc.extractor.ExtractorOptions;
import org.newsarc.extractor.internal.BlockJudge;
import org.newsarc.extractor.internal.TextAssembler;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

/**
 * Scores block judges without extracting the pages again: every page of a corpus with text or
 * snippet gold is extracted once by the rules, keeping its article blocks and their features,
 * and a judge's text is then the kept blocks joined as the extractor joins them. Pages the
 * judge does not see (not in article mode, or failed) keep the rules' text. This is how
 * {@code newsarc tune-blocks} grids training settings and thresholds quickly; the figures
 * match {@code newsarc eval}'s except on the few pages whose text came from their JSON-LD
 * body, which keep the rules' text here. Pages are immutable; the class is stateless.
 */
public final class JudgeReplay {

  /** One page as the rules left it: its text, and its article blocks (empty when none). */
  public record Page(GoldPage gold, String rulesText, List<TextBlock> blocks,
      double[][] features) {
    /** True when the judge decides about this page's blocks. */
    public boolean judged() {
      return !blocks.isEmpty();
    }
  }

  /** The pages of one corpus. */
  public record Corpus(String set, List<Page> pages) {
    public Corpus {
      pages = List.copyOf(pages);
    }
  }

  /**
   * A judge's figures on one corpus: mean token F1 over pages with text gold (NaN when none),
   * the same over pages of type {@code article}, and pooled snippet counts.
   */
  public record Score(String set, double textF1, double articleF1, SnippetCounts snippets) {
    /** The corpus's main figure: token F1 where there is text gold, else snippet F1. */
    public double main() {
      return Double.isNaN(textF1) ? snippets.f1() : textF1;
    }
  }

  private JudgeReplay() {}

  /** Extracts every page with text or snippet gold of the corpus in {@code dir} once. */
  public static Corpus collect(Path dir) throws IOException {
    String set = dir.toAbsolutePath().normalize().getFileName().toString();
    Recorder recorder = new Recorder();
    ArticleExtractor extractor = new ArticleExtractor(ExtractorOptions.DEFAULTS, recorder);
    List<Page> pages = new ArrayList<>();
    for (GoldPage gold : CorpusEvaluator.readGold(dir)) {
      if (gold.text() == null && !gold.hasSnippets()) {
        continue;
      }
      recorder.blocks = List.of();
      recorder.features = new double[0][];
      String text;
      try {
        byte[] page = CorpusEvaluator.readPage(dir.resolve(gold.file()));
        text = extractor.extract(page, gold.url() == null ? "" : gold.url(), Map.of()).text();
      } catch (ExtractionException e) {
        text = "";
      }
      List<TextBlock> blocks = recorder.blocks;
      // A text the blocks do not make (the JSON-LD body stood in) is left to the rules.
      if (!blocks.isEmpty() && !TextAssembler.join(blocks).equals(text)) {
        blocks = List.of();
      }
      pages.add(new Page(gold, text, blocks, blocks.isEmpty() ? new double[0][] : recorder.features));
    }
    return new Corpus(set, pages);
  }

  /** The labelled blocks of a corpus, as {@link BlockTrainer#collect} labels them. */
  public static BlockTrainer.Samples samples(Corpus corpus) {
    BlockTrainer.Samples out = new BlockTrainer.Samples(corpus.set(), new ArrayList<>(),
        new ArrayList<>(), new ArrayList<>(), 0);
    int pages = 0;
    for (Page p : corpus.pages()) {
      if (!p.judged()) {
        continue;
      }
      pages++;
      List<String> texts = p.blocks().stream().map(TextBlock::text).toList();
      if (p.gold().text() != null) {
        BlockTrainer.labelByText(texts, p.features(), p.gold().text(), out);
      } else {
        BlockTrainer.labelBySnippets(texts, p.features(), p.gold(), out);
      }
    }
    return new BlockTrainer.Samples(corpus.set(), out.features(), out.labels(), out.weights(),
        pages);
  }

  /** Every judged block's probability of being article text, one array per page. */
  public static double[][] probabilities(Corpus corpus, ToDoubleFunction<double[]> model) {
    double[][] out = new double[corpus.pages().size()][];
    for (int i = 0; i < out.length; i++) {
      double[][] f = corpus.pages().get(i).features();
      out[i] = new double[f.length];
      for (int k = 0; k < f.length; k++) {
        out[i][k] = model.applyAsDouble(f[k]);
      }
    }
    return out;
  }

  /**
   * Scores a judge that drops the blocks whose probability is below {@code threshold}, but never
   * all of a page's blocks; {@code probabilities} null scores the rules alone.
   */
  public static Score score(Corpus corpus, double[][] probabilities, double threshold) {
    MeanAccumulator text = new MeanAccumulator();
    MeanAccumulator articles = new MeanAccumulator();
    SnippetCounts snippets = SnippetCounts.ZERO;
    for (int i = 0; i < corpus.pages().size(); i++) {
      Page p = corpus.pages().get(i);
      String t = p.rulesText();
      if (probabilities != null && p.judged()) {
        List<TextBlock> kept = new ArrayList<>();
        for (int k = 0; k < p.blocks().size(); k++) {
          if (probabilities[i][k] >= threshold) {
            kept.add(p.blocks().get(k));
          }
        }
        if (!kept.isEmpty()) {
          t = TextAssembler.join(kept);
        }
      }
      GoldPage g = p.gold();
      if (g.text() != null) {
        double f1 = TokenF1.score(t, g.text());
        text.add(f1);
        if ("article".equals(g.pageType())) {
          articles.add(f1);
        }
      }
      if (g.hasSnippets()) {
        snippets = snippets.plus(SnippetCounts.of(t, g.with(), g.without()));
      }
    }
    return new Score(corpus.set(), text.count() == 0 ? Double.NaN : text.mean(),
        articles.count() == 0 ? Double.NaN : articles.mean(), snippets);
  }

  /** Keeps every block and remembers the last article page's blocks (without their DOM). */
  private static final class Recorder implements BlockJudge {
    List<TextBlock> blocks = List.of();
    double[][] features = new double[0][];

    @Override
    public boolean[] keep(List<TextBlock> b, double[][] f) {
      List<TextBlock> light = new ArrayList<>(b.size());
      for (TextBlock t : b) {
        light.add(new TextBlock(t.text(), t.kind(), t.linkChars(), t.inList()));
      }
      blocks = light;
      features = f;
      return null;
    }
  }
}
