package org.newsarc.extractor.eval;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.newsarc.extractor.internal.CharsetSniffer;
import org.newsarc.extractor.internal.MetadataReader;

/**
 * Development runner: date accuracy per corpus from the metadata pass alone (no content
 * extraction), several times faster than eval for trying date rules. Args: misses file, dirs.
 * The figures equal eval's date_acc because the article's dates are the metadata's.
 */
public final class DevDates {
  public static void main(String[] args) throws Exception {
    try (PrintWriter misses = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
      for (int i = 1; i < args.length; i++) {
        Path dir = Path.of(args[i]);
        String set = dir.toAbsolutePath().normalize().getFileName().toString();
        int n = 0;
        int hit = 0;
        for (GoldPage g : CorpusEvaluator.readGold(dir)) {
          if (g.date() == null) {
            continue;
          }
          byte[] html = CorpusEvaluator.readPage(dir.resolve(g.file()));
          String url = g.url() == null ? "" : g.url();
          String got = null;
          try {
            CharsetSniffer.Choice c = CharsetSniffer.choose(html, Map.of());
            int length = Math.min(html.length - c.skip(), 8 << 20);
            Document doc = Parser.htmlParser().setMaxDepth(256)
                .parseInput(new String(html, c.skip(), length, c.charset()), url);
            got = MetadataReader.read(doc, url, Map.of()).published();
          } catch (RuntimeException e) {
            got = "error " + e;
          }
          n++;
          if (FieldMatch.date(got, g.date())) {
            hit++;
          } else {
            misses.println(set + "\t" + g.id() + "\t" + g.date() + "\t" + got + "\t" + url);
          }
        }
        System.out.printf("%s date_acc %.4f (%d/%d)%n", set, n == 0 ? 0 : (double) hit / n, hit, n);
      }
    }
  }
}
