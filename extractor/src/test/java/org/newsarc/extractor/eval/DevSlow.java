package org.newsarc.extractor.eval;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.newsarc.extractor.ArticleExtractor;

/** Development runner: the pages where extraction costs most relative to parsing. */
public final class DevSlow {
  public static void main(String[] args) throws Exception {
    ArticleExtractor x = new ArticleExtractor();
    List<String[]> rows = new ArrayList<>();
    for (String a : args) {
      Path dir = Path.of(a);
      int n = 0;
      for (GoldPage g : CorpusEvaluator.readGold(dir)) {
        if (n++ >= 300) {
          break;
        }
        byte[] b = CorpusEvaluator.readPage(dir.resolve(g.file()));
        long bp = Long.MAX_VALUE;
        long be = Long.MAX_VALUE;
        for (int r = 0; r < 4; r++) {
          long t0 = System.nanoTime();
          Jsoup.parse(new ByteArrayInputStream(b), null, "");
          long t1 = System.nanoTime();
          try {
            x.extract(b, g.url() == null ? "" : g.url(), Map.of());
          } catch (Exception e) {
            // ignore
          }
          long t2 = System.nanoTime();
          bp = Math.min(bp, t1 - t0);
          be = Math.min(be, t2 - t1);
        }
        rows.add(new String[] {String.valueOf((double) be / bp), g.id(), String.valueOf(b.length), String.valueOf(bp / 1000), String.valueOf(be / 1000)});
      }
    }
    rows.sort((p, q) -> Double.compare(Double.parseDouble(q[0]), Double.parseDouble(p[0])));
    for (int i = 0; i < 15; i++) {
      System.out.println(String.join("\t", rows.get(i)));
    }
  }
}
