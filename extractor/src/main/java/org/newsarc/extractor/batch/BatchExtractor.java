package org.newsarc.extractor.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.newsarc.extractor.Article;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.ExtractionException;

/**
 * Extracts HTML files (plain or gzip-compressed) one after another and writes one JSON object
 * per file, in input order, with the keys {@code file, url, title, author, published,
 * site_name, language, canonical_url, description, text} and {@code error} when the file could
 * not be read or extracted. Memory stays flat however many files there are: each result is
 * written as soon as it is made. Not thread-safe; use one per output stream.
 */
public final class BatchExtractor {

  /** Files larger than this are refused unread, so one stray file cannot exhaust memory. */
  private static final long MAX_FILE_BYTES = 64L << 20;

  private static final JsonFactory JSON = new JsonFactory();

  private final ArticleExtractor extractor;

  public BatchExtractor(ArticleExtractor extractor) {
    this.extractor = extractor;
  }

  /** One output line (without its line break) and whether it reports an error. */
  public record Line(String json, boolean failed) {}

  /** Extracts one input and returns its JSON line. */
  public Line extractToJson(BatchInput input) {
    Article article = null;
    String error = null;
    try {
      byte[] bytes = read(Path.of(input.file()));
      article = extractor.extract(bytes, input.url() == null ? "" : input.url(), Map.of());
    } catch (ExtractionException e) {
      error = e.getMessage();
    } catch (IOException e) {
      error = "cannot read " + input.file() + ": " + describe(e);
    } catch (RuntimeException e) {
      error = "cannot read " + input.file() + ": " + e.getMessage();
    }
    return new Line(toJson(input, article, error), error != null);
  }

  /**
   * Extracts a page already in memory (such as an archived response read from a WARC file) and
   * returns its JSON line, with {@code source} in the {@code file} field.
   *
   * @param html the body with its content coding removed
   * @param headers the HTTP response headers (for the charset), possibly empty
   */
  public Line extractToJson(String source, String url, byte[] html, Map<String, String> headers) {
    Article article = null;
    String error = null;
    try {
      article = extractor.extract(html, url == null ? "" : url, headers);
    } catch (ExtractionException e) {
      error = e.getMessage();
    } catch (RuntimeException e) {
      error = "cannot extract " + source + ": " + e.getMessage();
    }
    return new Line(toJson(new BatchInput(source, url), article, error), error != null);
  }

  /** Extracts every input and writes one JSON line each to {@code out}; returns the failures. */
  public int run(Iterable<BatchInput> inputs, Writer out) throws IOException {
    int failures = 0;
    for (BatchInput input : inputs) {
      Line line = extractToJson(input);
      if (line.failed()) {
        failures++;
      }
      out.write(line.json());
      out.write('\n');
    }
    out.flush();
    return failures;
  }

  static byte[] read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new IOException("file larger than " + (MAX_FILE_BYTES >> 20) + " MiB (" + size + " bytes)");
    }
    String name = file.getFileName().toString();
    if (name.endsWith(".gz") || name.endsWith(".gzip")) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        return in.readNBytes((int) MAX_FILE_BYTES);
      }
    }
    return Files.readAllBytes(file);
  }

  private static String toJson(BatchInput input, Article a, String error) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("file", input.file());
      g.writeStringField("url", a != null && !a.url().isEmpty() ? a.url() : input.url());
      g.writeStringField("title", a == null ? null : a.title());
      g.writeStringField("author", a == null || a.authors().isEmpty() ? null : String.join(", ", a.authors()));
      g.writeStringField("published", a == null ? null : a.published());
      g.writeStringField("site_name", a == null ? null : a.siteName());
      g.writeStringField("language", a == null ? null : a.language());
      g.writeStringField("canonical_url", a == null ? null : a.canonicalUrl());
      g.writeStringField("description", a == null ? null : a.description());
      g.writeStringField("page_type", a == null ? null : a.pageType().label());
      if (a != null) {
        g.writeNumberField("article_signal", Math.round(a.articleSignal() * 1000) / 1000.0);
      }
      g.writeStringField("text", a == null ? null : a.text());
      if (error != null) {
        g.writeStringField("error", error);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to a string cannot fail", e);
    }
    return w.toString();
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return m == null ? kind : kind.equals("NoSuchFileException") ? "no such file" : m;
  }
}
