package org.newsarc.extractor.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import org.newsarc.extractor.Article;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.ExtractionException;

/**
 * Scores the extractor on one corpus laid out as {@code gold.jsonl} plus the page files it
 * names, with the measures of the corpora's README: mean token F1 of the main text (overall
 * and per page type), pooled snippet precision/recall/F1, date accuracy, and title, author,
 * site name and language match rates, plus pages per second. Not thread-safe; one per run.
 */
public final class CorpusEvaluator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ArticleExtractor extractor;
  private final LongSupplier nanoTime;
  private final Consumer<PageResult> listener;

  /**
   * @param nanoTime the clock for pages per second (pass {@code System::nanoTime})
   * @param listener told about every page, for failure analysis; may ignore them
   */
  public CorpusEvaluator(ArticleExtractor extractor, LongSupplier nanoTime,
      Consumer<PageResult> listener) {
    this.extractor = extractor;
    this.nanoTime = nanoTime;
    this.listener = listener;
  }

  /** Reads the gold pages of a corpus directory. */
  public static List<GoldPage> readGold(Path dir) throws IOException {
    List<GoldPage> pages = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(dir.resolve("gold.jsonl"), StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          pages.add(GoldPage.of(JSON.readTree(line)));
        }
      }
    }
    return pages;
  }

  /** Reads a page file, gunzipping it when its name ends in {@code .gz}. */
  public static byte[] readPage(Path file) throws IOException {
    if (file.getFileName().toString().endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        return in.readAllBytes();
      }
    }
    return Files.readAllBytes(file);
  }

  /** Scores every page of the corpus in {@code dir}; the set is named after the directory. */
  public List<Metric> evaluate(Path dir) throws IOException {
    String set = setName(dir);
    List<GoldPage> pages = readGold(dir);
    List<PageResult> results = new ArrayList<>(pages.size());
    long extractNanos = 0;
    for (GoldPage gold : pages) {
      long[] nanos = {0};
      PageResult r = score(set, dir, gold, nanos);
      extractNanos += nanos[0];
      listener.accept(r);
      results.add(r);
    }
    List<Metric> out = metrics(set, results);
    double seconds = extractNanos / 1e9;
    out.add(new Metric(set, "pages_per_s", seconds == 0 ? 0 : pages.size() / seconds, pages.size()));
    return out;
  }

  /** The name a corpus directory's figures are reported under: its last path element. */
  public static String setName(Path dir) {
    return dir.toAbsolutePath().normalize().getFileName().toString();
  }

  /**
   * Extracts and scores one gold page of the corpus in {@code dir}, adding the time spent
   * extracting to {@code nanos[0]}.
   */
  public PageResult score(String set, Path dir, GoldPage gold, long[] nanos) {
    Article article = null;
    String error = null;
    try {
      byte[] bytes = readPage(dir.resolve(gold.file()));
      long start = nanoTime.getAsLong();
      try {
        article = extractor.extract(bytes, gold.url() == null ? "" : gold.url(), Map.of());
      } finally {
        nanos[0] += nanoTime.getAsLong() - start;
      }
    } catch (ExtractionException e) {
      error = e.getMessage();
    } catch (IOException e) {
      error = "unreadable: " + e.getMessage();
    }
    String extracted = article == null ? "" : article.text();
    double f1 = gold.text() == null ? Double.NaN : TokenF1.score(extracted, gold.text());
    return new PageResult(set, gold, article, error, f1,
        SnippetCounts.of(extracted, gold.with(), gold.without()));
  }

  /** The figures of one corpus from the results of its pages (all but pages per second). */
  public static List<Metric> metrics(String set, List<PageResult> results) {
    MeanAccumulator text = new MeanAccumulator();
    Map<String, MeanAccumulator> textByType = new TreeMap<>();
    SnippetCounts snippets = SnippetCounts.ZERO;
    int snippetPages = 0;
    MeanAccumulator date = new MeanAccumulator();
    MeanAccumulator title = new MeanAccumulator();
    MeanAccumulator author = new MeanAccumulator();
    MeanAccumulator site = new MeanAccumulator();
    MeanAccumulator language = new MeanAccumulator();
    for (PageResult r : results) {
      GoldPage gold = r.gold();
      Article article = r.article();
      if (gold.text() != null) {
        text.add(r.textF1());
        if (gold.pageType() != null) {
          textByType.computeIfAbsent(gold.pageType(), k -> new MeanAccumulator()).add(r.textF1());
        }
      }
      if (gold.hasSnippets()) {
        snippets = snippets.plus(r.snippets());
        snippetPages++;
      }
      if (gold.date() != null) {
        date.hit(article != null && FieldMatch.date(article.published(), gold.date()));
      }
      if (gold.title() != null) {
        title.hit(article != null && FieldMatch.exact(article.title(), gold.title()));
      }
      if (gold.author() != null) {
        author.hit(article != null && FieldMatch.author(String.join(", ", article.authors()), gold.author()));
      }
      if (gold.siteName() != null) {
        site.hit(article != null && FieldMatch.exact(article.siteName(), gold.siteName()));
      }
      if (gold.language() != null) {
        language.hit(article != null && FieldMatch.exact(article.language(), gold.language()));
      }
    }
    List<Metric> out = new ArrayList<>();
    out.add(new Metric(set, "pages", results.size(), results.size()));
    if (text.count() > 0) {
      out.add(new Metric(set, "text_f1", text.mean(), text.count()));
      if (textByType.size() > 1) {
        textByType.forEach((type, acc) -> out.add(new Metric(set, "text_f1." + type, acc.mean(), acc.count())));
      }
    }
    if (snippetPages > 0) {
      out.add(new Metric(set, "snippet_p", snippets.precision(), snippetPages));
      out.add(new Metric(set, "snippet_r", snippets.recall(), snippetPages));
      out.add(new Metric(set, "snippet_f1", snippets.f1(), snippetPages));
    }
    addRate(out, set, "date_acc", date);
    addRate(out, set, "title_match", title);
    addRate(out, set, "author_match", author);
    addRate(out, set, "site_match", site);
    addRate(out, set, "language_match", language);
    return out;
  }

  private static void addRate(List<Metric> out, String set, String name, MeanAccumulator acc) {
    if (acc.count() > 0) {
      out.add(new Metric(set, name, acc.mean(), acc.count()));
    }
  }
}
