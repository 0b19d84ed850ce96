package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

/**
 * Drops the headings of an article whose sections lost every block to the filter: a heading
 * over a link list, a row of teasers or a promotion box ("Weitere Tourentipps", "Most read at
 * …", "Partners") introduces page furniture, and once that is gone the heading stands alone.
 * Stateless and thread-safe.
 */
public final class EmptySections {

  private EmptySections() {}

  /**
   * The blocks of {@code kept} without the headings whose section is empty in it.
   *
   * @param rendered every block of the article's element, in page order
   * @param kept the blocks the filter kept, the same instances in the same order
   */
  public static List<TextBlock> drop(List<TextBlock> rendered, List<TextBlock> kept) {
    if (kept.size() == rendered.size() || kept.isEmpty()) {
      return kept;
    }
    Set<TextBlock> keptSet = Collections.newSetFromMap(new IdentityHashMap<>());
    keptSet.addAll(kept);
    Set<TextBlock> orphans = null;
    for (int i = 0; i < rendered.size(); i++) {
      TextBlock b = rendered.get(i);
      if (b.kind() != Blocks.Kind.HEADING || !keptSet.contains(b)) {
        continue;
      }
      // The heading's section runs to the next heading or to the end of the element.
      int dropped = 0;
      boolean keptInside = false;
      for (int j = i + 1;
          j < rendered.size() && rendered.get(j).kind() != Blocks.Kind.HEADING; j++) {
        if (keptSet.contains(rendered.get(j))) {
          keptInside = true;
          break;
        }
        dropped++;
      }
      if (dropped > 0 && !keptInside) {
        if (orphans == null) {
          orphans = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        orphans.add(b);
      }
    }
    if (orphans == null) {
      return kept;
    }
    List<TextBlock> out = new ArrayList<>(kept.size());
    for (TextBlock b : kept) {
      if (!orphans.contains(b)) {
        out.add(b);
      }
    }
    return out;
  }
}
