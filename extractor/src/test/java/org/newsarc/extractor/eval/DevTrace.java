package org.newsarc.extractor.eval;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsarc.extractor.internal.ContentFinder;
import org.newsarc.extractor.internal.DomCleaner;
import org.newsarc.extractor.internal.TextStats;

/** Development runner: shows which element the content finder picks and what was dropped. */
public final class DevTrace {
  public static void main(String[] args) throws Exception {
    byte[] bytes = CorpusEvaluator.readPage(Path.of(args[0]));
    Document doc = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "");
    Element body = doc.body();
    DomCleaner.removeNonContent(body);
    TextStats all = TextStats.of(body);
    System.out.println("body text=" + all.get(body).text() + " prose=" + all.get(body).prose());
    Set<Element> bp = DomCleaner.namedBoilerplate(body, all, new org.newsarc.extractor.internal.ClassHints(), ContentFinder.find(body, all, new org.newsarc.extractor.internal.ClassHints()).element(), false);
    for (Element e : bp) {
      TextStats.Counts c = all.get(e);
      if (c.text() > 200) {
        System.out.println("dropped " + e.cssSelector() + " text=" + c.text() + " prose=" + c.prose());
      }
    }
    TextStats stats = TextStats.of(body, bp);
    ContentFinder.Choice ch = ContentFinder.find(body, stats, new org.newsarc.extractor.internal.ClassHints());
    System.out.println("chosen " + ch.element().cssSelector() + " score=" + ch.score() + " prose=" + ch.prose());
    for (int i = 1; i < args.length; i++) {
      Element deepest = null;
      for (Element e : doc.getAllElements()) {
        if (e.text().contains(args[i])) {
          deepest = e;
        }
      }
      if (deepest == null) {
        System.out.println("snippet not in cleaned DOM: " + args[i]);
        continue;
      }
      StringBuilder path = new StringBuilder();
      for (Element e = deepest; e != null; e = e.parent()) {
        String mark = bp.contains(e) ? "[BP]" : e == ch.element() ? "[CHOSEN]" : "";
        path.insert(0, " > " + e.tagName() + (e.className().isEmpty() ? "" : "." + e.className().replace(' ', '.')) + (e.id().isEmpty() ? "" : "#" + e.id()) + mark);
      }
      System.out.println("snippet " + args[i] + "\n   " + path);
    }
  }
}
