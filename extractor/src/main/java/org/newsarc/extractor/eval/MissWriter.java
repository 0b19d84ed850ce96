package org.newsarc.extractor.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;
import org.newsarc.extractor.Article;

/**
 * Writes one tab-separated line for every metadata field the extractor got wrong (date,
 * title, author), so that misses can be counted and read: {@code set, id, field, expected,
 * got, url}. A field that was not found is written as {@code -}; tabs and line breaks inside
 * values become spaces. Pages whose extraction failed are written with field {@code error}.
 * Not thread-safe; use from the thread that runs the evaluation.
 */
public final class MissWriter implements Consumer<PageResult> {

  /** The first line written, naming the columns. */
  public static final String HEADER = "set\tid\tfield\texpected\tgot\turl";

  private final Writer out;

  /** Writes the header at once; the caller closes {@code out}. */
  public MissWriter(Writer out) throws IOException {
    this.out = out;
    out.write(HEADER);
    out.write('\n');
  }

  @Override
  public void accept(PageResult r) {
    GoldPage gold = r.gold();
    Article a = r.article();
    if (a == null) {
      line(r, "error", "", r.error());
      return;
    }
    if (gold.date() != null && !FieldMatch.date(a.published(), gold.date())) {
      line(r, "date", gold.date(), a.published());
    }
    if (gold.title() != null && !FieldMatch.exact(a.title(), gold.title())) {
      line(r, "title", gold.title(), a.title());
    }
    String authors = String.join(", ", a.authors());
    if (gold.author() != null && !FieldMatch.author(authors, gold.author())) {
      line(r, "author", gold.author(), authors);
    }
  }

  private void line(PageResult r, String field, String expected, String got) {
    GoldPage g = r.gold();
    try {
      out.write(String.join("\t", clean(r.set()), clean(g.id()), field, clean(expected),
          clean(got), clean(g.url())));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String clean(String s) {
    if (s == null || s.isEmpty()) {
      return "-";
    }
    return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
