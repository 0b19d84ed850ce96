package org.newsarc.crawler.daemon;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.newsarc.archive.CaptureMetadata;
import org.newsarc.archive.CaptureRow;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.StoredCapture;
import org.newsarc.archive.WarcArchive;
import org.newsarc.crawler.discovery.Discovered;
import org.newsarc.crawler.fetch.FetchResponse;
import org.newsarc.crawler.frontier.AddResult;
import org.newsarc.crawler.frontier.Frontier;
import org.newsarc.crawler.frontier.Lease;
import org.newsarc.crawler.frontier.UrlKind;
import org.newsarc.crawler.status.StageTimes;
import org.newsarc.crawler.status.StageTimes.Stage;
import org.newsarc.extractor.Article;
import org.newsarc.extractor.ArticleExtractor;

/**
 * The one place where a capture is committed, for {@code crawl} and {@code archive} alike.
 * Records an exchange that is already flushed to the WARC: the capture row, the article, any
 * failure, the URLs it leads to and the URL's new frontier state, all in one transaction, so
 * that after a crash a URL is either done with all its rows or still leased with none. That
 * transaction is shared with the captures other workers finish at the same time
 * ({@link CommitGroup}), and recording returns only once it is committed.
 * Exchanges fetched outside the frontier (robots.txt) go through {@link #recordUnleased}.
 * Thread-safe.
 */
final class CaptureRecorder {
  /**
   * Where a URL's capture comes from: the URL first asked for and the URLs that led to this
   * one (redirects, paced answers), as the capture's records name them.
   */
  record Chain(String requestedUrl, List<String> earlierUrls) {
    Chain {
      earlierUrls = List.copyOf(earlierUrls);
    }

    static Chain of(Lease lease) {
      return new Chain(lease.url(), List.of());
    }
  }

  /**
   * What recording did.
   *
   * @param captureId the capture's catalog row
   * @param articleId the article's catalog row, or -1
   * @param redirect what the frontier did with the redirect target, or null (none, or refused)
   * @param warcFile the WARC file holding the capture
   */
  record Recorded(Decision decision, long captureId, long articleId, AddResult redirect,
      String warcFile) {}

  private final Frontier frontier;
  private final Catalog catalog;
  private final CommitGroup commits;
  private final WarcArchive warcs;
  private final Admission admission;
  private final ResponseRules rules;
  private final Clock clock;
  private final StageTimes stages;

  CaptureRecorder(Frontier frontier, Catalog catalog, CommitGroup commits, WarcArchive warcs,
      Admission admission, ResponseRules rules, Clock clock, StageTimes stages) {
    this.stages = stages;
    this.frontier = frontier;
    this.catalog = catalog;
    this.commits = commits;
    this.warcs = warcs;
    this.admission = admission;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * Runs {@code work} (a URL's failure rows and its frontier state) in the transaction of the
   * captures being committed now, returning once it is committed; see {@link CommitGroup}.
   */
  <T> T commit(Frontier.Work<T> work) throws IOException {
    return commits.commit(work);
  }

  /** Decides and records; returns the decision for logging. */
  Decision record(Lease lease, FetchResponse response, StoredCapture stored, Duration crawlDelay)
      throws IOException {
    return record(lease, response, stored, crawlDelay, Chain.of(lease)).decision();
  }

  /** Decides and records a capture that {@code chain} led to. */
  Recorded record(Lease lease, FetchResponse response, StoredCapture stored, Duration crawlDelay,
      Chain chain) throws IOException {
    try (CommitGroup.Expected commit = commits.expect()) {
      int failures = frontier.failures(lease.queue());
      Decision d = rules.decide(lease, response, stored, crawlDelay, failures);
      // The metadata record follows its response in the WARC; it is written before the commit
      // so that a capture the catalog knows always has one.
      long cpu = stages.start();
      warcs.writeMetadata(stored, response.url(), metadata(chain, response, d.processed()));
      stages.end(Stage.METADATA, cpu);
      CrashPoint.reached("metadata-written");
      cpu = stages.start();
      Found found = screen(lease, response, d);
      try {
        return commit.commit(rows(lease, response, stored, chain, d, found));
      } catch (IOException | RuntimeException e) {
        // Rolled back: the links a bounded run claimed for this page are not queued after all.
        found.urls().forEach(admission::release);
        throw e;
      } finally {
        stages.end(Stage.CATALOG, cpu);
      }
    }
  }

  /** The URLs a capture leads to, screened before its transaction. */
  private record Found(Admission.Screened redirect, List<Admission.Screened> urls) {}

  /**
   * Normalises and scopes the redirect target and the links of a decided capture, outside the
   * catalog's lock; only those that pass are offered to the frontier in the transaction.
   */
  private Found screen(Lease lease, FetchResponse response, Decision d) {
    Admission.Screened redirect = null;
    if (d.redirectTo() != null) {
      UrlKind kind = lease.kind() == UrlKind.FEED || lease.kind() == UrlKind.SITEMAP
          ? lease.kind() : UrlKind.PAGE;
      redirect = admission.screen(new Discovered(d.redirectTo(), kind, null), lease.url(),
          lease.depth(), lease.redirects() + 1, lease.seed(), lease.origin());
    }
    List<Admission.Screened> urls = new ArrayList<>();
    Processed p = d.processed();
    if (p != null) {
      for (Discovered link : p.links()) {
        add(urls, admission.screen(link, response.url(), lease.depth() + 1, 0, false,
            lease.origin()));
      }
      for (Discovered child : p.indexEntries()) {
        add(urls, admission.screen(child, response.url(), lease.depth(), 0, false, -1));
      }
    }
    return new Found(redirect, urls);
  }

  private static void add(List<Admission.Screened> to, Admission.Screened s) {
    if (s != null) {
      to.add(s);
    }
  }

  /** The catalog and frontier rows of a decided capture, to be written in one transaction. */
  private Frontier.Work<Recorded> rows(Lease lease, FetchResponse response, StoredCapture stored,
      Chain chain, Decision d, Found found) {
    return () -> {
      long captureId = catalog.addCapture(new CaptureRow(chain.requestedUrl(), response.url(),
          response.exchange().date(), response.status(), response.header("Content-Type"),
          response.exchange().ipAddress(), d.redirectTo(), stored));
      Processed p = d.processed();
      long articleId = -1;
      if (p != null && p.article() != null) {
        articleId = catalog.addArticle(captureId, p.article(), p.story(), ArticleExtractor.VERSION,
            clock.instant());
      }
      if (d.failure() != null) {
        catalog.addFailure(chain.requestedUrl(), clock.instant(), d.failure().label(),
            d.reason(), captureId);
      }
      AddResult redirect = found.redirect() == null ? null : admission.admit(found.redirect());
      for (Admission.Screened url : found.urls()) {
        admission.admit(url);
      }
      frontier.complete(lease, d.completion(), d.queue());
      return new Recorded(d, captureId, articleId, redirect, stored.warcFile());
    };
  }

  /**
   * Archives an exchange fetched outside the frontier (robots.txt): its WARC records and its
   * catalog row. Returns the capture's row and where it was stored.
   */
  Unleased recordUnleased(String requestedUrl, FetchResponse r) throws IOException {
    StoredCapture stored = warcs.write(r.exchange());
    CrashPoint.reached("robots-written");
    long id = catalog.addCapture(new CaptureRow(requestedUrl, r.url(), r.exchange().date(),
        r.status(), r.header("Content-Type"), r.exchange().ipAddress(), r.redirectTarget(),
        stored));
    return new Unleased(id, stored);
  }

  /** An exchange archived by {@link #recordUnleased}. */
  record Unleased(long captureId, StoredCapture stored) {}

  /** A link as the metadata record names it: the fragment only points inside the page. */
  private static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  private static CaptureMetadata metadata(Chain chain, FetchResponse response, Processed p) {
    Article article = p == null ? null : p.article();
    List<String> outlinks = p == null ? List.of()
        : p.links().stream().map(d -> withoutFragment(d.url())).distinct().toList();
    return new CaptureMetadata(chain.requestedUrl(), chain.earlierUrls(), response.elapsed(),
        outlinks, article == null ? null : article.articleSignal(),
        article == null ? null : ArticleExtractor.VERSION);
  }
}
