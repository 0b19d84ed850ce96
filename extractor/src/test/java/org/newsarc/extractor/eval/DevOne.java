package org.newsarc.extractor.eval;

import java.nio.file.Path;
import java.util.Map;
import org.newsarc.extractor.Article;
import org.newsarc.extractor.ArticleExtractor;

/** Development runner: prints what the extractor makes of one page file. */
public final class DevOne {
  public static void main(String[] args) throws Exception {
    byte[] bytes = CorpusEvaluator.readPage(Path.of(args[0]));
    Article a = new ArticleExtractor().extract(bytes, args.length > 1 ? args[1] : "", Map.of());
    System.out.println(a.newBuilder().text("").build());
    System.out.println("----");
    System.out.println(a.text());
  }
}
