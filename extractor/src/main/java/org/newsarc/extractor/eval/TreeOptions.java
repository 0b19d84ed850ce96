package org.newsarc.extractor.eval;

import java.util.List;
import java.util.Locale;
import org.newsarc.extractor.internal.BlockFeatures;

/**
 * Settings for fitting gradient-boosted block trees ({@link TreeBooster}). Fewer, shallower
 * trees, a smaller learning rate, a larger least leaf weight and a stronger L2 penalty on leaf
 * values all make the trees simpler, so they lean less on one corpus's habits. Features are
 * subsampled per tree from a fixed seed, so the same samples and settings give the same trees.
 *
 * @param trees number of trees, 1 to 2,000
 * @param depth depth of each tree, 1 to 8
 * @param rate learning rate (shrinkage of every leaf value), in (0, 1]
 * @param l2 L2 penalty on leaf values, at least 0
 * @param minLeaf least curvature (weighted sample mass; each corpus weighs 40,000) a leaf holds
 * @param featureShare share of the features each tree may split on, in (0, 1]
 * @param seed seed of the feature subsampling
 * @param unused names of {@link BlockFeatures} the trees never split on
 */
public record TreeOptions(int trees, int depth, double rate, double l2, double minLeaf,
    double featureShare, long seed, List<String> unused) {

  /** The settings the first trees were trained with: 150 trees of depth 4, no subsampling. */
  public static final TreeOptions FIRST = new TreeOptions(150, 4, 0.1, 1.0, 5.0, 1.0, 1, List.of());

  public TreeOptions {
    unused = List.copyOf(unused);
    for (String name : unused) {
      if (!BlockFeatures.NAMES.contains(name)) {
        throw new IllegalArgumentException("no block feature is named " + name);
      }
    }
    if (trees < 1 || trees > 2000) {
      throw new IllegalArgumentException("trees must be 1 to 2000, not " + trees);
    }
    if (depth < 1 || depth > 8) {
      throw new IllegalArgumentException("depth must be 1 to 8, not " + depth);
    }
    if (!(rate > 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be in (0, 1], not " + rate);
    }
    if (!(l2 >= 0) || !(minLeaf >= 0)) {
      throw new IllegalArgumentException("l2 and minLeaf must be at least 0");
    }
    if (!(featureShare > 0 && featureShare <= 1)) {
      throw new IllegalArgumentException("featureShare must be in (0, 1], not " + featureShare);
    }
  }

  /**
   * Reads settings written as {@code key=value} words ({@code trees=60 depth=3 rate=0.1 l2=1
   * min-leaf=50 feature-share=0.8 seed=1 unused=a,b}); keys not given keep their value in
   * {@code base}.
   *
   * @throws IllegalArgumentException on an unknown key or a bad value
   */
  public static TreeOptions parse(String text, TreeOptions base) {
    int trees = base.trees;
    int depth = base.depth;
    double rate = base.rate;
    double l2 = base.l2;
    double minLeaf = base.minLeaf;
    double featureShare = base.featureShare;
    long seed = base.seed;
    List<String> unused = base.unused;
    for (String word : text.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("tree setting " + word + " is not key=value");
      }
      String key = word.substring(0, eq);
      String value = word.substring(eq + 1);
      try {
        switch (key) {
          case "trees" -> trees = Integer.parseInt(value);
          case "depth" -> depth = Integer.parseInt(value);
          case "rate" -> rate = Double.parseDouble(value);
          case "l2" -> l2 = Double.parseDouble(value);
          case "min-leaf" -> minLeaf = Double.parseDouble(value);
          case "feature-share" -> featureShare = Double.parseDouble(value);
          case "seed" -> seed = Long.parseLong(value);
          case "unused" -> unused = value.isEmpty() ? List.of() : List.of(value.split(","));
          default -> throw new IllegalArgumentException("unknown tree setting " + key);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("tree setting " + word + ": not a number", e);
      }
    }
    return new TreeOptions(trees, depth, rate, l2, minLeaf, featureShare, seed, unused);
  }

  /** The settings in the words {@link #parse} reads. */
  public String describe() {
    return String.format(Locale.ROOT,
        "trees=%d depth=%d rate=%s l2=%s min-leaf=%s feature-share=%s seed=%d%s",
        trees, depth, rate, l2, minLeaf, featureShare, seed,
        unused.isEmpty() ? "" : " unused=" + String.join(",", unused));
  }
}
