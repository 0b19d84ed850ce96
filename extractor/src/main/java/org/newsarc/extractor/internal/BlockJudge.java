package org.newsarc.extractor.internal;

import java.util.List;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

/**
 * Decides which text blocks of an article's main element are article text, given each block's
 * {@link BlockFeatures} row. Called once per page in article mode, after the rule-based filter;
 * implementations must be thread-safe when the extractor is shared.
 */
public interface BlockJudge {

  /** Keeps every block: the rules alone decide. */
  BlockJudge RULES_ONLY = new BlockJudge() {
    @Override
    public boolean[] keep(List<TextBlock> blocks, double[][] features) {
      return null;
    }

    @Override
    public boolean wantsFeatures() {
      return false;
    }
  };

  /**
   * Which blocks to keep, one flag per block; null to keep them all.
   *
   * @param features one {@link BlockFeatures} row per block
   */
  boolean[] keep(List<TextBlock> blocks, double[][] features);

  /** False when this judge needs no features (so none are computed). */
  default boolean wantsFeatures() {
    return true;
  }
}
