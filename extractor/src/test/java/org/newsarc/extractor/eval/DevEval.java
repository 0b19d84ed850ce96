package org.newsarc.extractor.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.newsarc.extractor.ArticleExtractor;

/** Development runner: scores corpora and dumps every page's result to a directory. */
public final class DevEval {
  public static void main(String[] args) throws IOException {
    Path dump = Path.of(args[0]);
    Files.createDirectories(dump);
    ObjectMapper json = new ObjectMapper();
    List<Metric> all = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      Path dir = Path.of(args[i]);
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dump.resolve(dir.getFileName() + ".jsonl")))) {
        CorpusEvaluator ev = new CorpusEvaluator(new ArticleExtractor(), System::nanoTime, r -> {
          ObjectNode n = json.createObjectNode();
          n.put("id", r.gold().id());
          n.put("type", r.gold().pageType());
          n.put("f1", r.textF1());
          n.put("fp", r.snippets().fp());
          n.put("fn", r.snippets().fn());
          n.put("error", r.error());
          if (r.article() != null) {
            n.put("gdate", r.gold().date());
            n.put("date", r.article().published());
            n.put("mod", r.article().modified());
            n.put("gtitle", r.gold().title());
            n.put("title", r.article().title());
            n.put("gauthor", r.gold().author());
            n.put("author", String.join(", ", r.article().authors()));
            n.put("gsite", r.gold().siteName());
            n.put("site", r.article().siteName());
            n.put("glang", r.gold().language());
            n.put("lang", r.article().language());
            n.put("signal", r.article().articleSignal());
            n.put("ptype", r.article().pageType().toString());
            n.put("text", r.article().text());
          }
          w.println(n.toString());
        });
        all.addAll(ev.evaluate(dir));
      }
    }
    System.out.print(EvalTable.format(all, Floors.none()));
  }
}
