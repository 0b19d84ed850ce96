package org.newsarc.extractor.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

/**
 * A gradient-boosted tree block classifier: a base log-odds plus the sum of small regression
 * trees over {@link BlockFeatures} values, squashed to the probability that a block is article
 * text; blocks below the threshold are dropped. Trees are stored flat (feature, split value,
 * children, leaf value per node) in a small text file written by {@code newsarc train-blocks}.
 * Immutable and thread-safe.
 */
public final class BlockTrees implements BlockJudge {

  static final String MAGIC = "newsarc-block-trees 1";

  /** One tree's nodes: node i splits on feature[i] at split[i] (left when below), or is a leaf. */
  public record Tree(int[] feature, double[] split, int[] left, int[] right, double[] value) {
    double eval(double[] x) {
      int i = 0;
      while (feature[i] >= 0) {
        i = x[feature[i]] < split[i] ? left[i] : right[i];
      }
      return value[i];
    }
  }

  private final double base;
  private final List<Tree> trees;
  private final double threshold;

  public BlockTrees(double base, List<Tree> trees, double threshold) {
    this.base = base;
    this.trees = List.copyOf(trees);
    this.threshold = threshold;
  }

  public BlockTrees withThreshold(double t) {
    return new BlockTrees(base, trees, t);
  }

  public double threshold() {
    return threshold;
  }

  public double probability(double[] x) {
    double z = base;
    for (Tree t : trees) {
      z += t.eval(x);
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

  /** Writes the model in the format {@link #read} takes. */
  public void write(Writer out, String comment) throws IOException {
    out.write(MAGIC + "\n");
    for (String c : comment.split("\\R")) {
      out.write("# " + c + "\n");
    }
    out.write("features " + String.join(" ", BlockFeatures.NAMES) + "\n");
    out.write(String.format(Locale.ROOT, "threshold %.4f%n", threshold));
    out.write("base " + base + "\n");
    for (Tree t : trees) {
      out.write("tree " + t.feature().length + "\n");
      for (int i = 0; i < t.feature().length; i++) {
        // Splits and leaves in full: a split value rounded up would send the samples at the
        // cut to the other side, and the model read back would not be the one trained.
        if (t.feature()[i] < 0) {
          out.write("leaf " + t.value()[i] + "\n");
        } else {
          out.write("split " + t.feature()[i] + " " + t.split()[i] + " " + t.left()[i] + " "
              + t.right()[i] + "\n");
        }
      }
    }
    out.flush();
  }

  /** Reads a model after its first line (already checked by {@link BlockModels}). */
  static BlockTrees read(BufferedReader r) throws IOException {
    Double threshold = null;
    Double base = null;
    List<Tree> trees = new ArrayList<>();
    int[] index = null;
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
          case "features" -> {
            // Splits name features by their place in this line; map them to this build's.
            index = new int[f.length - 1];
            for (int j = 1; j < f.length; j++) {
              index[j - 1] = BlockFeatures.NAMES.indexOf(f[j]);
              if (index[j - 1] < 0) {
                throw new IOException("block model feature " + f[j] + " is not one of this"
                    + " build's " + BlockFeatures.NAMES + "; train it again");
              }
            }
          }
          case "threshold" -> threshold = Double.parseDouble(f[1]);
          case "base" -> base = Double.parseDouble(f[1]);
          case "tree" -> {
            if (index == null) {
              throw new IOException("line " + lineNo + ": a tree before the features line");
            }
            trees.add(readTree(r, Integer.parseInt(f[1]), lineNo, index));
          }
          default -> throw new IOException("line " + lineNo + ": unknown entry " + f[0]);
        }
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        throw new IOException("line " + lineNo + ": malformed: " + l, e);
      }
    }
    if (threshold == null || base == null) {
      throw new IOException("block model lacks its threshold or base line");
    }
    return new BlockTrees(base, trees, threshold);
  }

  private static Tree readTree(BufferedReader r, int size, int at, int[] index)
      throws IOException {
    if (size <= 0 || size > 1 << 12) {
      throw new IOException("tree after line " + at + ": bad size " + size);
    }
    int[] feature = new int[size];
    double[] split = new double[size];
    int[] left = new int[size];
    int[] right = new int[size];
    double[] value = new double[size];
    int dims = index.length;
    for (int i = 0; i < size; i++) {
      String line = r.readLine();
      if (line == null) {
        throw new IOException("tree after line " + at + " ends early");
      }
      String[] f = line.strip().split("\\s+");
      if (f[0].equals("leaf")) {
        feature[i] = -1;
        value[i] = Double.parseDouble(f[1]);
      } else if (f[0].equals("split")) {
        feature[i] = Integer.parseInt(f[1]);
        split[i] = Double.parseDouble(f[2]);
        left[i] = Integer.parseInt(f[3]);
        right[i] = Integer.parseInt(f[4]);
        if (feature[i] < 0 || feature[i] >= dims || left[i] <= i || right[i] <= i
            || left[i] >= size || right[i] >= size) {
          throw new IOException("tree after line " + at + ": bad node " + line.strip());
        }
      } else {
        throw new IOException("tree after line " + at + ": bad node " + line.strip());
      }
    }
    for (int i = 0; i < size; i++) {
      if (feature[i] >= 0) {
        feature[i] = index[feature[i]];
      }
    }
    return new Tree(feature, split, left, right, value);
  }
}
