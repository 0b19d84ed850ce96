package org.newsarc.crawler.daemon;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.newsarc.archive.CaptureMetadata;
import org.newsarc.archive.CaptureRow;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.StoredCapture;
import org.newsarc.archive.WarcArchive;
import org.newsarc.crawler.discovery.Discovered;
import org.newsarc.crawler.fetch.FetchResponse;
import org.newsarc.crawler.frontier.Frontier;
import org.newsarc.crawler.frontier.Lease;
import org.newsarc.crawler.frontier.UrlKind;
import org.newsarc.extractor.Article;
import org.newsarc.extractor.ArticleExtractor;

/**
 * Records an exchange that is already flushed to the WARC: the capture row, the article, any
 * failure, the URLs it leads to and the URL's new frontier state, all in one transaction, so
 * that after a crash a URL is either done with all its rows or still leased with none.
 * Thread-safe.
 */
final class CaptureRecorder {
  private final Frontier frontier;
  private final Catalog catalog;
  private final WarcArchive warcs;
  private final Admission admission;
  private final ResponseRules rules;
  private final Clock clock;

  CaptureRecorder(Frontier frontier, Catalog catalog, WarcArchive warcs, Admission admission,
      ResponseRules rules, Clock clock) {
    this.frontier = frontier;
    this.catalog = catalog;
    this.warcs = warcs;
    this.admission = admission;
    this.rules = rules;
    this.clock = clock;
  }

  /** Decides and records; returns the decision for logging. */
  Decision record(Lease lease, FetchResponse response, StoredCapture stored, Duration crawlDelay)
      throws IOException {
    int failures = frontier.failures(lease.queue());
    Decision d = rules.decide(lease, response, stored, crawlDelay, failures);
    // The metadata record follows its response in the WARC; it is written before the commit so
    // that a capture the catalog knows always has one.
    warcs.writeMetadata(stored, response.url(), metadata(lease, response, d.processed()));
    CrashPoint.reached("metadata-written");
    frontier.transaction(() -> {
      long captureId = catalog.addCapture(new CaptureRow(lease.url(), response.url(),
          response.exchange().date(), response.status(), response.header("Content-Type"),
          response.exchange().ipAddress(), d.redirectTo(), stored));
      Processed p = d.processed();
      if (p != null && p.article() != null) {
        catalog.addArticle(captureId, p.article(), p.story(), ArticleExtractor.VERSION,
            clock.instant());
      }
      if (d.failure() != null) {
        catalog.addFailure(lease.url(), clock.instant(), d.failure().label(), d.reason(),
            captureId);
      }
      if (d.redirectTo() != null) {
        UrlKind kind = lease.kind() == UrlKind.FEED || lease.kind() == UrlKind.SITEMAP
            ? lease.kind() : UrlKind.PAGE;
        admission.offer(new Discovered(d.redirectTo(), kind, null), lease.url(), lease.depth(),
            lease.redirects() + 1, lease.seed());
      }
      if (p != null) {
        for (Discovered link : p.links()) {
          admission.offer(link, response.url(), lease.depth() + 1, 0, false);
        }
        for (Discovered child : p.indexEntries()) {
          admission.offer(child, response.url(), lease.depth(), 0, false);
        }
      }
      frontier.complete(lease, d.completion(), d.queue());
      return null;
    });
    return d;
  }

  private static CaptureMetadata metadata(Lease lease, FetchResponse response, Processed p) {
    Article article = p == null ? null : p.article();
    List<String> outlinks = p == null ? List.of()
        : p.links().stream().map(Discovered::url).distinct().toList();
    return new CaptureMetadata(lease.url(), List.of(), response.elapsed(), outlinks,
        article == null ? null : article.articleSignal(),
        article == null ? null : ArticleExtractor.VERSION);
  }
}
