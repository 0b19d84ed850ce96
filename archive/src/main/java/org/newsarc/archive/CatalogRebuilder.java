package org.newsarc.archive;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsarc.extractor.Article;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.ExtractionException;

/**
 * Rebuilds the catalog from the WARC files alone: every response and revisit record becomes a
 * capture row, and every whole HTML response with status 2xx is run through the current extractor
 * again. Rows derived from WARC files are replaced in one transaction, so a failed rebuild leaves
 * the old catalog as it was; other tables in the same database (the crawl frontier) are not
 * touched. Stateless; a rebuild must not run while a crawl writes to the same catalog.
 */
public final class CatalogRebuilder {
  private CatalogRebuilder() {}

  /**
   * What a rebuild found.
   *
   * @param files WARC files read
   * @param captures capture rows written (revisits included)
   * @param revisits of which revisit records
   * @param articles articles extracted
   * @param extractionFailures HTML responses the extractor rejected
   * @param warnings problems met while reading (unreadable records are skipped)
   */
  public record Report(int files, int captures, int revisits, int articles,
      int extractionFailures, List<String> warnings) {}

  /** Replaces the WARC-derived rows of {@code catalog} with what {@code warcs} hold. */
  public static Report rebuild(List<Path> warcs, Catalog catalog, ArticleExtractor extractor,
      Clock clock) throws IOException {
    List<String> warnings = new ArrayList<>();
    return catalog.inTransaction(() -> {
      catalog.clearWarcDerivedRows();
      int captures = 0;
      int revisits = 0;
      int articles = 0;
      int failed = 0;
      try (ArchivedResponses responses = ArchivedResponses.open(warcs, warnings::add)) {
        Optional<ArchivedResponse> next;
        while ((next = responses.next()).isPresent()) {
          ArchivedResponse r = next.get();
          List<String> requested = r.metadata().get(CaptureMetadata.REQUESTED_URL);
          String requestedUrl = requested == null || requested.isEmpty() ? r.url()
              : requested.get(0);
          long id = catalog.addCapture(new CaptureRow(requestedUrl, r.url(), r.date(),
              r.status(), r.header("Content-Type"), r.ipAddress(), redirectTarget(r),
              r.location()));
          captures++;
          if (r.revisit()) {
            revisits++;
          }
          if (!isExtractable(r)) {
            continue;
          }
          try {
            Article article = extractor.extract(r.decodedBody(), r.url(), r.firstHeaders());
            catalog.addArticle(id, article, ArticleExtractor.VERSION, clock.instant());
            articles++;
          } catch (ExtractionException | RuntimeException e) {
            failed++;
            catalog.addFailure(r.url(), clock.instant(), "extraction",
                "re-extraction failed: " + e.getMessage(), id);
          }
        }
      }
      catalog.relinkKeptFailures();
      return new Report(warcs.size(), captures, revisits, articles, failed, List.copyOf(warnings));
    });
  }

  /** True for a whole 2xx HTML response (or a revisit resolved to one). */
  public static boolean isExtractable(ArchivedResponse r) {
    String type = r.mediaType();
    boolean html = type.isEmpty() || type.equals("text/html")
        || type.equals("application/xhtml+xml");
    return r.status() >= 200 && r.status() < 300 && r.truncated() == null && html
        && r.decodedBody().length > 0;
  }

  private static String redirectTarget(ArchivedResponse r) {
    String location = r.header("Location");
    if (location == null || r.status() < 300 || r.status() >= 400) {
      return null;
    }
    try {
      return new URI(r.url()).resolve(location.strip()).toString();
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
