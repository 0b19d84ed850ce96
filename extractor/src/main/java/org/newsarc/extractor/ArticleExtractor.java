package org.newsarc.extractor;

import java.nio.charset.Charset;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.newsarc.extractor.internal.ArticleSignal;
import org.newsarc.extractor.internal.CharsetSniffer;
import org.newsarc.extractor.internal.DecodingReader;
import org.newsarc.extractor.internal.BlockJudge;
import org.newsarc.extractor.internal.ContentExtractor;
import org.newsarc.extractor.internal.MetadataReader;
import org.newsarc.extractor.internal.MetadataReader.Metadata;
import org.newsarc.extractor.internal.Mojibake;
import org.newsarc.extractor.internal.Rules;

/**
 * Turns the bytes of an HTML page into an {@link Article}: decodes them (HTTP header, BOM,
 * {@code <meta charset>}, then the bytes themselves), reads the metadata, removes the
 * boilerplate and keeps the main text. Work per page is bounded by {@link ExtractorOptions}.
 * Pure: no I/O, no shared mutable state, so one instance may be used from many threads at once.
 */
public final class ArticleExtractor {

  /** Stored with every extracted article so that re-extraction can tell old results apart. */
  public static final String VERSION = "0.3.19";

  private final ExtractorOptions options;
  private final BlockJudge judge;

  public ArticleExtractor() {
    this(ExtractorOptions.DEFAULTS);
  }

  public ArticleExtractor(ExtractorOptions options) {
    this(options, BlockJudge.RULES_ONLY);
  }

  /**
   * An extractor whose article blocks are also judged by {@code judge} (a trained
   * {@code BlockModel}, or a recorder of block features for training); for evaluation and
   * training, the other constructors pick the shipped default.
   */
  public ArticleExtractor(ExtractorOptions options, BlockJudge judge) {
    this.options = options;
    this.judge = judge;
  }

  /**
   * Extracts the article from {@code html}.
   *
   * @param html the response body, content coding already removed
   * @param url the page's address, used as the base for relative links
   * @param headers HTTP response headers; names are matched case-insensitively; may be empty
   * @throws ExtractionException when the bytes are not an HTML page that can be read
   */
  public Article extract(byte[] html, String url, Map<String, String> headers)
      throws ExtractionException {
    return extract(html, url, headers, null);
  }

  /**
   * As {@link #extract(byte[], String, Map)}, handing the parsed page to {@code beforeExtraction}
   * first (when not null), so that a caller needing the links too does not parse it again. The
   * callback must not change the document; the extractor does afterwards.
   */
  public Article extract(byte[] html, String url, Map<String, String> headers,
      java.util.function.Consumer<Document> beforeExtraction) throws ExtractionException {
    String base = url == null ? "" : url;
    if (html == null || html.length == 0) {
      throw new ExtractionException(base, "empty document");
    }
    if (looksBinary(html)) {
      throw new ExtractionException(base, "not a text document (binary content)");
    }
    Map<String, String> h = headers == null ? Map.of() : headers;
    try {
      CharsetSniffer.Choice choice = CharsetSniffer.choose(html, h);
      int length = Math.min(html.length - choice.skip(), options.maxInputBytes());
      // Decoded as the parser reads: no copy of the whole page as one string.
      Parser parser = Parser.htmlParser().setMaxDepth(options.maxDepth());
      Document doc = parser.parseInput(
          new DecodingReader(html, choice.skip(), length, choice.charset()), base);
      if (beforeExtraction != null) {
        beforeExtraction.accept(doc);
      }
      if (options.disabledRules().isEmpty()) {
        return extract(doc, base, h, choice.charset());
      }
      try (Rules scope = Rules.open(options.disabledRules())) {
        return extract(doc, base, h, choice.charset());
      }
    } catch (StackOverflowError e) {
      // Nesting is capped at parse time; this guards the walks should a cap be raised.
      throw new ExtractionException(base, "markup nested too deeply", e);
    } catch (RuntimeException e) {
      throw new ExtractionException(base, "could not extract: " + e, e);
    }
  }

  private Article extract(Document doc, String url, Map<String, String> headers, Charset charset) {
    Metadata md = MetadataReader.read(doc, url, headers);
    Element body = doc.body();
    ContentExtractor.Content content = body == null
        ? new ContentExtractor.Content("", 0, 0, false, null, PageType.PAGE)
        : ContentExtractor.extract(body, md, judge);
    java.util.List<String> authors = md.authors().isEmpty() && content.byline() != null
        ? java.util.List.of(content.byline()) : md.authors();
    return Article.newBuilder(url)
        .title(Mojibake.repair(md.title()))
        .authors(authors.stream().map(Mojibake::repair).toList())
        .published(md.published())
        .modified(md.modified())
        .siteName(Mojibake.repair(md.siteName()))
        .language(md.language())
        .canonicalUrl(md.canonicalUrl())
        .description(Mojibake.repair(md.description()))
        .tags(md.tags())
        .imageUrl(md.imageUrl())
        .text(Mojibake.repair(content.text()))
        .articleSignal(ArticleSignal.of(md, content))
        .charset(charset.name())
        .pageType(content.pageType())
        .build();
  }

  /** NUL bytes or many control characters in the first KiB mean this is not HTML text. */
  private static boolean looksBinary(byte[] b) {
    int n = Math.min(b.length, 1024);
    int control = 0;
    boolean utf16 = b.length >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE
        || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF);
    if (utf16) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c == 0) {
        return true;
      }
      if (c < 0x09 || c > 0x0D && c < 0x20 && c != 0x1B) {
        control++;
      }
    }
    return control * 10 > n;
  }
}
