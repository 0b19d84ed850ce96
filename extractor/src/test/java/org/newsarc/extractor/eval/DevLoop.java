package org.newsarc.extractor.eval;

import java.nio.file.Path;
import java.util.Map;
import org.newsarc.extractor.ArticleExtractor;

/** Development runner: extracts one page in a loop, for profiling. */
public final class DevLoop {
  public static void main(String[] args) throws Exception {
    byte[] b = CorpusEvaluator.readPage(Path.of(args[0]));
    ArticleExtractor x = new ArticleExtractor();
    for (int i = 0; i < Integer.parseInt(args[1]); i++) {
      x.extract(b, "", Map.of());
    }
  }
}
