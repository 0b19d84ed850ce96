package org.newsarc.extractor.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.ExtractionException;
import org.newsarc.extractor.ExtractorOptions;
import org.newsarc.extractor.internal.BlockFeatures;
import org.newsarc.extractor.internal.BlockJudge;
import org.newsarc.extractor.internal.BlockModel;
import org.newsarc.extractor.internal.BlockTrees;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

/**
 * Trains the block classifier ({@link BlockModel}) on corpora with gold answers. Every page is
 * extracted by the rules; each block of an article's main element that the rules keep becomes
 * a sample, labelled from the gold: by how many of its word trigrams the gold text holds
 * (mostly: article text; hardly: boilerplate; in between: left out), or by the snippets it
 * contains (a {@code with} snippet: text; a {@code without} snippet: boilerplate). A block
 * weighs its share of the page's tokens (text gold) or one snippet, and each corpus weighs the
 * same in total. A logistic regression is then fitted by full-batch gradient descent (Adam,
 * L2 penalty) from zero weights, over pages in corpus and file order: the same input gives the
 * same weights. Not thread-safe; one per training run.
 */
public final class BlockTrainer {

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  /** Share of a block's trigrams in the gold above which it is article text... */
  private static final double POSITIVE_SHARE = 0.6;
  /** ...and below which it is boilerplate. */
  private static final double NEGATIVE_SHARE = 0.25;
  private static final int ITERATIONS = 600;
  private static final double LEARNING_RATE = 0.05;
  private static final double L2 = 1e-4;

  /** The labelled blocks of one corpus. */
  public record Samples(String set, List<double[]> features, List<Double> labels,
      List<Double> weights, int pages) {
    public int size() {
      return labels.size();
    }
  }

  private final Consumer<String> progress;

  /** @param progress told one line per corpus read */
  public BlockTrainer(Consumer<String> progress) {
    this.progress = progress;
  }

  /** Extracts and labels the blocks of every page of the corpus in {@code dir}. */
  public Samples collect(Path dir) throws IOException {
    String set = dir.toAbsolutePath().normalize().getFileName().toString();
    Recorder recorder = new Recorder();
    ArticleExtractor extractor = new ArticleExtractor(ExtractorOptions.DEFAULTS, recorder);
    Samples out = new Samples(set, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0);
    int pages = 0;
    for (GoldPage gold : CorpusEvaluator.readGold(dir)) {
      if (gold.text() == null && !gold.hasSnippets()) {
        continue;
      }
      recorder.blocks = null;
      byte[] page = CorpusEvaluator.readPage(dir.resolve(gold.file()));
      try {
        extractor.extract(page, gold.url() == null ? "" : gold.url(), Map.of());
      } catch (ExtractionException e) {
        // A page the extractor refuses has no blocks to learn from; eval counts it as empty.
        continue;
      }
      if (recorder.blocks == null) {
        continue;
      }
      pages++;
      List<String> texts = recorder.blocks.stream().map(TextBlock::text).toList();
      if (gold.text() != null) {
        labelByText(texts, recorder.features, gold.text(), out);
      } else {
        labelBySnippets(texts, recorder.features, gold, out);
      }
    }
    progress.accept(String.format(Locale.ROOT, "%s: %d article pages, %d labelled blocks",
        set, pages, out.size()));
    return new Samples(set, out.features(), out.labels(), out.weights(), pages);
  }

  static void labelByText(List<String> blocks, double[][] features, String goldText,
      Samples out) {
    Set<String> gold = trigrams(tokens(goldText));
    Set<String> goldTokens = new HashSet<>(tokens(goldText));
    int pageTokens = 0;
    List<List<String>> blockTokens = new ArrayList<>();
    for (String b : blocks) {
      List<String> t = tokens(b);
      blockTokens.add(t);
      pageTokens += t.size();
    }
    if (pageTokens == 0) {
      return;
    }
    for (int i = 0; i < blocks.size(); i++) {
      List<String> t = blockTokens.get(i);
      if (t.isEmpty()) {
        continue;
      }
      double share;
      if (t.size() < 3) {
        // Too short for trigrams: only the whole block found in the gold counts.
        share = goldTokens.containsAll(t) && goldText.toLowerCase(Locale.ROOT)
            .contains(blocks.get(i).toLowerCase(Locale.ROOT)) ? 1 : 0;
      } else {
        Set<String> own = trigrams(t);
        int hit = 0;
        for (String g : own) {
          if (gold.contains(g)) {
            hit++;
          }
        }
        share = (double) hit / own.size();
      }
      if (share >= POSITIVE_SHARE || share <= NEGATIVE_SHARE) {
        out.features().add(features[i]);
        out.labels().add(share >= POSITIVE_SHARE ? 1.0 : 0.0);
        out.weights().add((double) t.size() / pageTokens);
      }
    }
  }

  static void labelBySnippets(List<String> blocks, double[][] features, GoldPage gold,
      Samples out) {
    for (int i = 0; i < blocks.size(); i++) {
      String text = normalise(blocks.get(i));
      boolean with = matchesAny(text, gold.with());
      boolean without = matchesAny(text, gold.without());
      if (with != without) {
        out.features().add(features[i]);
        out.labels().add(with ? 1.0 : 0.0);
        out.weights().add(1.0);
      }
    }
  }

  /** The block holds the snippet, or the snippet holds a block of some length. */
  private static boolean matchesAny(String block, List<String> snippets) {
    for (String s : snippets) {
      String n = normalise(s);
      if (n.isEmpty()) {
        continue;
      }
      if (block.contains(n) || block.length() >= 30 && n.contains(block)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Fits a model to the samples of the given corpora, each corpus weighing the same.
   *
   * @param threshold probability below which the model drops a block
   */
  public static BlockModel fit(List<Samples> corpora, double threshold) {
    int dims = BlockFeatures.NAMES.size();
    List<double[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    int used = 0;
    for (Samples s : corpora) {
      double total = 0;
      for (double v : s.weights()) {
        total += v;
      }
      if (total == 0) {
        continue;
      }
      used++;
      for (int i = 0; i < s.size(); i++) {
        x.add(s.features().get(i));
        y.add(s.labels().get(i));
        w.add(s.weights().get(i) / total);
      }
    }
    if (x.isEmpty()) {
      throw new IllegalArgumentException("no labelled blocks to train on");
    }
    int n = x.size();
    double[] mean = new double[dims];
    double[] spread = new double[dims];
    for (double[] row : x) {
      for (int k = 0; k < dims; k++) {
        mean[k] += row[k] / n;
      }
    }
    for (double[] row : x) {
      for (int k = 0; k < dims; k++) {
        spread[k] += (row[k] - mean[k]) * (row[k] - mean[k]) / n;
      }
    }
    for (int k = 0; k < dims; k++) {
      spread[k] = spread[k] > 1e-12 ? Math.sqrt(spread[k]) : 1;
    }
    double[][] z = new double[n][dims];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < dims; k++) {
        z[i][k] = (x.get(i)[k] - mean[k]) / spread[k];
      }
    }
    double wsum = used;
    double[] beta = new double[dims + 1];
    double[] m1 = new double[dims + 1];
    double[] m2 = new double[dims + 1];
    for (int it = 1; it <= ITERATIONS; it++) {
      double[] grad = new double[dims + 1];
      for (int i = 0; i < n; i++) {
        double s = beta[dims];
        for (int k = 0; k < dims; k++) {
          s += beta[k] * z[i][k];
        }
        double p = 1 / (1 + Math.exp(-s));
        double g = (p - y.get(i)) * w.get(i) / wsum;
        for (int k = 0; k < dims; k++) {
          grad[k] += g * z[i][k];
        }
        grad[dims] += g;
      }
      for (int k = 0; k <= dims; k++) {
        if (k < dims) {
          grad[k] += L2 * beta[k];
        }
        m1[k] = 0.9 * m1[k] + 0.1 * grad[k];
        m2[k] = 0.999 * m2[k] + 0.001 * grad[k] * grad[k];
        double h1 = m1[k] / (1 - Math.pow(0.9, it));
        double h2 = m2[k] / (1 - Math.pow(0.999, it));
        beta[k] -= LEARNING_RATE * h1 / (Math.sqrt(h2) + 1e-8);
      }
    }
    double[] weight = java.util.Arrays.copyOf(beta, dims);
    return new BlockModel(mean, spread, weight, beta[dims], threshold);
  }

  /**
   * Fits gradient-boosted trees ({@link TreeBooster}) to the samples of the given corpora,
   * each corpus weighing the same.
   */
  public static BlockTrees fitTrees(List<Samples> corpora, double threshold, TreeOptions options) {
    List<double[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    for (Samples s : corpora) {
      double total = 0;
      for (double v : s.weights()) {
        total += v;
      }
      for (int i = 0; i < s.size() && total > 0; i++) {
        x.add(s.features().get(i));
        y.add(s.labels().get(i));
        w.add(s.weights().get(i) / total);
      }
    }
    if (x.isEmpty()) {
      throw new IllegalArgumentException("no labelled blocks to train on");
    }
    return new TreeBooster(x.toArray(new double[0][]),
        y.stream().mapToDouble(Double::doubleValue).toArray(),
        w.stream().mapToDouble(Double::doubleValue).toArray(), options).fit(threshold);
  }

  /** Weighted share of samples the model labels right, for the training report. */
  public static double accuracy(BlockModel model, Samples s) {
    return accuracy(model::probability, model.threshold(), s);
  }

  public static double accuracy(BlockTrees model, Samples s) {
    return accuracy(model::probability, model.threshold(), s);
  }

  /** Weighted share of samples labelled as article text. */
  public static double positiveShare(Samples s) {
    return accuracy(f -> 1.0, 0.5, s);
  }

  private static double accuracy(java.util.function.ToDoubleFunction<double[]> p, double threshold,
      Samples s) {
    double right = 0;
    double total = 0;
    for (int i = 0; i < s.size(); i++) {
      boolean kept = p.applyAsDouble(s.features().get(i)) >= threshold;
      boolean text = s.labels().get(i) > 0.5;
      total += s.weights().get(i);
      if (kept == text) {
        right += s.weights().get(i);
      }
    }
    return total == 0 ? Double.NaN : right / total;
  }

  /** Saves collected samples, so that training can be repeated without extracting again. */
  public static void save(List<Samples> corpora, Path file) throws IOException {
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
        java.nio.file.Files.newOutputStream(file)))) {
      out.writeUTF(String.join(",", BlockFeatures.NAMES));
      out.writeInt(corpora.size());
      for (Samples s : corpora) {
        out.writeUTF(s.set());
        out.writeInt(s.pages());
        out.writeInt(s.size());
        for (int i = 0; i < s.size(); i++) {
          for (double v : s.features().get(i)) {
            out.writeDouble(v);
          }
          out.writeDouble(s.labels().get(i));
          out.writeDouble(s.weights().get(i));
        }
      }
    }
  }

  /** Reads samples written by {@link #save}; refuses samples of other features. */
  public static List<Samples> load(Path file) throws IOException {
    try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
        java.nio.file.Files.newInputStream(file)))) {
      if (!in.readUTF().equals(String.join(",", BlockFeatures.NAMES))) {
        throw new IOException(file + " holds samples of other block features; collect them again");
      }
      int dims = BlockFeatures.NAMES.size();
      List<Samples> out = new ArrayList<>();
      int corpora = in.readInt();
      for (int c = 0; c < corpora; c++) {
        String set = in.readUTF();
        int pages = in.readInt();
        int size = in.readInt();
        Samples s = new Samples(set, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), pages);
        for (int i = 0; i < size; i++) {
          double[] f = new double[dims];
          for (int k = 0; k < dims; k++) {
            f[k] = in.readDouble();
          }
          s.features().add(f);
          s.labels().add(in.readDouble());
          s.weights().add(in.readDouble());
        }
        out.add(s);
      }
      return out;
    }
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static Set<String> trigrams(List<String> t) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 2 < t.size(); i++) {
      out.add(t.get(i) + ' ' + t.get(i + 1) + ' ' + t.get(i + 2));
    }
    return out;
  }

  private static String normalise(String s) {
    return SPACE.matcher(s).replaceAll(" ").strip();
  }

  /** Keeps every block and remembers the blocks and features of the last article page. */
  private static final class Recorder implements BlockJudge {
    List<TextBlock> blocks;
    double[][] features;

    @Override
    public boolean[] keep(List<TextBlock> b, double[][] f) {
      blocks = List.copyOf(b);
      features = f;
      return null;
    }
  }
}
