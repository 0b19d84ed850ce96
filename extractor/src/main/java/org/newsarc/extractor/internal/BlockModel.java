package org.newsarc.extractor.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

/**
 * A logistic-regression block classifier: each {@link BlockFeatures} value is standardised
 * with the mean and spread seen in training, weighted, summed with a bias and squashed to the
 * probability that the block is article text; blocks below the threshold are dropped. Stored
 * as a small text file (one line per feature: name, mean, spread, weight), written by
 * {@code newsarc train-blocks}. Immutable and thread-safe.
 */
public final class BlockModel implements BlockJudge {

  private static final String MAGIC = "newsarc-block-model 1";

  private final double[] mean;
  private final double[] spread;
  private final double[] weight;
  private final double bias;
  private final double threshold;

  public BlockModel(double[] mean, double[] spread, double[] weight, double bias, double threshold) {
    int n = BlockFeatures.NAMES.size();
    if (mean.length != n || spread.length != n || weight.length != n) {
      throw new IllegalArgumentException("a block model needs " + n + " features");
    }
    this.mean = mean.clone();
    this.spread = spread.clone();
    this.weight = weight.clone();
    this.bias = bias;
    this.threshold = threshold;
  }

  /** The same weights with another threshold. */
  public BlockModel withThreshold(double t) {
    return new BlockModel(mean, spread, weight, bias, t);
  }

  public double threshold() {
    return threshold;
  }

  /** Probability that a block with these features is article text. */
  public double probability(double[] features) {
    double z = bias;
    for (int k = 0; k < weight.length; k++) {
      z += weight[k] * (features[k] - mean[k]) / spread[k];
    }
    return 1 / (1 + Math.exp(-z));
  }

  @Override
  public boolean[] keep(List<TextBlock> blocks, double[][] features) {
    boolean[] keep = new boolean[blocks.size()];
    for (int i = 0; i < keep.length; i++) {
      keep[i] = probability(features[i]) >= threshold;
    }
    return keep;
  }

  /**
   * Reads a model written by {@link #write}. Its features are matched to this build's by name;
   * one this build lacks is an error, one the model lacks weighs nothing.
   */
  public static BlockModel read(Reader source) throws IOException {
    BufferedReader r = new BufferedReader(source);
    String first = r.readLine();
    if (!MAGIC.equals(first)) {
      throw new IOException("not a block model (first line is not \"" + MAGIC + "\")");
    }
    Double bias = null;
    Double threshold = null;
    List<String> names = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    String line;
    int lineNo = 1;
    while ((line = r.readLine()) != null) {
      lineNo++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split("\\s+");
      try {
        switch (f[0]) {
          case "bias" -> bias = Double.parseDouble(f[1]);
          case "threshold" -> threshold = Double.parseDouble(f[1]);
          case "feature" -> {
            names.add(f[1]);
            rows.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4])});
          }
          default -> throw new IOException("line " + lineNo + ": unknown entry " + f[0]);
        }
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        throw new IOException("line " + lineNo + ": malformed: " + l, e);
      }
    }
    if (bias == null || threshold == null) {
      throw new IOException("block model lacks its bias or threshold line");
    }
    // Features are matched by name: a feature this build added weighs nothing in an older model.
    int n = BlockFeatures.NAMES.size();
    double[] mean = new double[n];
    double[] spread = new double[n];
    double[] weight = new double[n];
    java.util.Arrays.fill(spread, 1);
    for (int j = 0; j < names.size(); j++) {
      int k = BlockFeatures.NAMES.indexOf(names.get(j));
      if (k < 0) {
        throw new IOException("block model feature " + names.get(j) + " is not one of this"
            + " build's " + BlockFeatures.NAMES + "; train it again");
      }
      mean[k] = rows.get(j)[0];
      spread[k] = rows.get(j)[1];
      weight[k] = rows.get(j)[2];
      if (!(spread[k] > 0)) {
        throw new IOException("feature " + names.get(j) + " has a non-positive spread");
      }
    }
    return new BlockModel(mean, spread, weight, bias, threshold);
  }

  /** Writes the model in the format {@link #read} takes, with a comment line first. */
  public void write(Writer out, String comment) throws IOException {
    out.write(MAGIC + "\n");
    for (String c : comment.split("\\R")) {
      out.write("# " + c + "\n");
    }
    out.write(String.format(Locale.ROOT, "threshold %.4f%n", threshold));
    out.write(String.format(Locale.ROOT, "bias %.6f%n", bias));
    for (int k = 0; k < weight.length; k++) {
      out.write(String.format(Locale.ROOT, "feature %s %.6f %.6f %.6f%n",
          BlockFeatures.NAMES.get(k), mean[k], spread[k], weight[k]));
    }
    out.flush();
  }
}
