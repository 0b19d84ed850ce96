package org.newsarc.extractor.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.newsarc.extractor.internal.BlockFeatures;
import org.newsarc.extractor.internal.BlockTrees;

/**
 * Fits gradient-boosted regression trees to weighted binary labels under logistic loss: each
 * tree is grown level by level to a fixed depth on the loss's gradients and curvatures, with
 * every feature cut into at most {@link #BINS} quantile bins, and shrunk by the learning rate;
 * sizes, penalties and feature subsampling come from {@link TreeOptions}. The subsampling draws
 * from the options' seed, so the same samples and options give the same trees. Not
 * thread-safe; one per fit.
 */
final class TreeBooster {

  static final int BINS = 32;

  private final double[][] x;
  private final double[] y;
  private final double[] w;
  private final int n;
  private final int dims;
  private final byte[][] bin;
  private final double[][] cuts;
  private final TreeOptions options;
  /** Least curvature (weighted sample mass) a leaf must hold, so leaves are not one page's quirk. */
  private final double minChild;
  private final double lambda;
  private final int depth;

  /**
   * What one corpus weighs in total. Leaf sizes ({@link TreeOptions#minLeaf()}) are in these
   * units, so they are the same share of a corpus whether two corpora are trained on or three.
   */
  static final double CORPUS_WEIGHT = 40_000;

  /** @param w sample weights, each corpus's summing to 1 (scaled here by {@link #CORPUS_WEIGHT}) */
  TreeBooster(double[][] x, double[] y, double[] w, TreeOptions options) {
    this.options = options;
    this.minChild = options.minLeaf();
    this.lambda = options.l2();
    this.depth = options.depth();
    this.x = x;
    this.y = y;
    this.n = x.length;
    this.dims = x[0].length;
    this.w = new double[n];
    for (int i = 0; i < n; i++) {
      this.w[i] = w[i] * CORPUS_WEIGHT;
    }
    cuts = new double[dims][];
    bin = new byte[dims][n];
    for (int k = 0; k < dims; k++) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = x[i][k];
      }
      Arrays.sort(v);
      List<Double> c = new ArrayList<>();
      for (int b = 1; b < BINS; b++) {
        double q = v[(int) ((long) b * (n - 1) / BINS)];
        if (q > v[0] && (c.isEmpty() || q > c.get(c.size() - 1))) {
          c.add(q);
        }
      }
      cuts[k] = c.stream().mapToDouble(Double::doubleValue).toArray();
      for (int i = 0; i < n; i++) {
        // bin b holds values in [cuts[b-1], cuts[b]); a split "below cuts[b]" sends bins <= b left.
        int b = Arrays.binarySearch(cuts[k], x[i][k]);
        bin[k][i] = (byte) (b >= 0 ? b + 1 : -b - 1);
      }
    }
  }

  BlockTrees fit(double threshold) {
    double pos = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      pos += w[i] * y[i];
      sum += w[i];
    }
    double rate = Math.min(Math.max(pos / sum, 1e-6), 1 - 1e-6);
    double base = Math.log(rate / (1 - rate));
    double[] score = new double[n];
    Arrays.fill(score, base);
    List<BlockTrees.Tree> trees = new ArrayList<>();
    double[] g = new double[n];
    double[] h = new double[n];
    SplittableRandom random = new SplittableRandom(options.seed());
    int drawn = Math.max(1, (int) Math.round(options.featureShare() * dims));
    for (int t = 0; t < options.trees(); t++) {
      boolean[] allowed = drawFeatures(random, drawn);
      for (String name : options.unused()) {
        allowed[BlockFeatures.NAMES.indexOf(name)] = false;
      }
      for (int i = 0; i < n; i++) {
        double p = 1 / (1 + Math.exp(-score[i]));
        g[i] = w[i] * (p - y[i]);
        h[i] = w[i] * Math.max(p * (1 - p), 1e-6);
      }
      BlockTrees.Tree tree = grow(g, h, allowed);
      for (int i = 0; i < n; i++) {
        score[i] += evalTree(tree, i);
      }
      trees.add(tree);
    }
    return new BlockTrees(base, trees, threshold);
  }

  /** The features one tree may split on: {@code drawn} of them, by a partial shuffle. */
  private boolean[] drawFeatures(SplittableRandom random, int drawn) {
    boolean[] allowed = new boolean[dims];
    if (drawn >= dims) {
      Arrays.fill(allowed, true);
      return allowed;
    }
    int[] order = new int[dims];
    for (int k = 0; k < dims; k++) {
      order[k] = k;
    }
    for (int k = 0; k < drawn; k++) {
      int j = k + random.nextInt(dims - k);
      int swap = order[k];
      order[k] = order[j];
      order[j] = swap;
      allowed[order[k]] = true;
    }
    return allowed;
  }

  private double evalTree(BlockTrees.Tree tree, int i) {
    int node = 0;
    while (tree.feature()[node] >= 0) {
      node = x[i][tree.feature()[node]] < tree.split()[node] ? tree.left()[node] : tree.right()[node];
    }
    return tree.value()[node];
  }

  /** Grows one tree; nodes are numbered breadth first, so children follow their parent. */
  private BlockTrees.Tree grow(double[] g, double[] h, boolean[] allowed) {
    int maxNodes = (1 << (depth + 1)) - 1;
    int[] feature = new int[maxNodes];
    double[] split = new double[maxNodes];
    int[] left = new int[maxNodes];
    int[] right = new int[maxNodes];
    double[] value = new double[maxNodes];
    Arrays.fill(feature, -1);
    int[] nodeOf = new int[n];
    List<Integer> level = List.of(0);
    int count = 1;
    for (int d = 0; d <= depth && !level.isEmpty(); d++) {
      int slots = level.size();
      int[] slotOf = new int[maxNodes];
      Arrays.fill(slotOf, -1);
      for (int s = 0; s < slots; s++) {
        slotOf[level.get(s)] = s;
      }
      double[] gs = new double[slots];
      double[] hs = new double[slots];
      for (int i = 0; i < n; i++) {
        int s = slotOf[nodeOf[i]];
        if (s >= 0) {
          gs[s] += g[i];
          hs[s] += h[i];
        }
      }
      int[] bestFeature = new int[slots];
      int[] bestBin = new int[slots];
      double[] bestGain = new double[slots];
      Arrays.fill(bestFeature, -1);
      if (d < depth) {
        double[][] hg = new double[slots][BINS + 1];
        double[][] hh = new double[slots][BINS + 1];
        for (int k = 0; k < dims; k++) {
          if (cuts[k].length == 0 || !allowed[k]) {
            continue;
          }
          for (int s = 0; s < slots; s++) {
            Arrays.fill(hg[s], 0);
            Arrays.fill(hh[s], 0);
          }
          byte[] bk = bin[k];
          for (int i = 0; i < n; i++) {
            int s = slotOf[nodeOf[i]];
            if (s >= 0) {
              hg[s][bk[i]] += g[i];
              hh[s][bk[i]] += h[i];
            }
          }
          for (int s = 0; s < slots; s++) {
            double gl = 0;
            double hl = 0;
            double parent = gs[s] * gs[s] / (hs[s] + lambda);
            for (int b = 0; b < cuts[k].length; b++) {
              gl += hg[s][b];
              hl += hh[s][b];
              double gr = gs[s] - gl;
              double hr = hs[s] - hl;
              if (hl < minChild || hr < minChild) {
                continue;
              }
              double gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parent;
              if (gain > bestGain[s] + 1e-9) {
                bestGain[s] = gain;
                bestFeature[s] = k;
                bestBin[s] = b;
              }
            }
          }
        }
      }
      List<Integer> next = new ArrayList<>();
      for (int s = 0; s < slots; s++) {
        int node = level.get(s);
        if (bestFeature[s] < 0) {
          value[node] = -options.rate() * gs[s] / (hs[s] + lambda);
          continue;
        }
        feature[node] = bestFeature[s];
        split[node] = cuts[bestFeature[s]][bestBin[s]];
        left[node] = count++;
        right[node] = count++;
        next.add(left[node]);
        next.add(right[node]);
      }
      if (!next.isEmpty()) {
        for (int i = 0; i < n; i++) {
          int node = nodeOf[i];
          if (feature[node] >= 0 && slotOf[node] >= 0) {
            nodeOf[i] = x[i][feature[node]] < split[node] ? left[node] : right[node];
          }
        }
      }
      level = next;
    }
    return new BlockTrees.Tree(Arrays.copyOf(feature, count), Arrays.copyOf(split, count),
        Arrays.copyOf(left, count), Arrays.copyOf(right, count), Arrays.copyOf(value, count));
  }
}
