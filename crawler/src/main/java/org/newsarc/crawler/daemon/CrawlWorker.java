package org.newsarc.crawler.daemon;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.StoredCapture;
import org.newsarc.archive.WarcArchive;
import org.newsarc.crawler.discovery.Discovered;
import org.newsarc.crawler.fetch.FailureKind;
import org.newsarc.crawler.fetch.FetchException;
import org.newsarc.crawler.fetch.FetchResponse;
import org.newsarc.crawler.fetch.Fetcher;
import org.newsarc.crawler.frontier.Completion;
import org.newsarc.crawler.frontier.Frontier;
import org.newsarc.crawler.frontier.Lease;
import org.newsarc.crawler.frontier.UrlKind;
import org.newsarc.crawler.frontier.UrlState;
import org.newsarc.crawler.politeness.QueuePolicy;
import org.newsarc.crawler.politeness.Sleeper;
import org.newsarc.crawler.robots.RobotsCache;
import org.newsarc.crawler.status.CrawlStats;
import org.newsarc.crawler.status.StageTimes;
import org.newsarc.crawler.status.StageTimes.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker thread of the daemon: leases a URL from the frontier (which only hands out URLs
 * of queues whose turn it is), checks robots.txt, fetches with conditional headers, flushes the
 * exchange to the WARC and then records it through the {@link CaptureRecorder}. When
 * robots.txt had to be fetched first, the URL goes back to its queue so that the page request
 * waits its politeness gap too. Runs until the {@link StopSignal} says stop; a fetch in progress
 * is finished first. In a bounded run (a {@link RunObserver} is given) a URL whose robots.txt
 * cannot be read fails at once instead of waiting for the next robots.txt try, and a URL whose
 * input is already decided is dropped unfetched.
 */
final class CrawlWorker implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(CrawlWorker.class);
  private static final Duration IDLE_POLL = Duration.ofMillis(200);

  /** The parts a worker uses; shared by all workers. */
  record Parts(Frontier frontier, Catalog catalog, Fetcher fetcher, RobotsCache robots,
      WarcArchive warcs, CaptureRecorder recorder, Admission admission, QueuePolicy policy,
      CrawlStats stats, OutcomeLog log, StopSignal stop, Clock clock, Sleeper sleeper,
      boolean robotsSitemaps, int maxAttempts, RunObserver observer) {
    /** The parts of a crawl: no observer. */
    Parts(Frontier frontier, Catalog catalog, Fetcher fetcher, RobotsCache robots,
        WarcArchive warcs, CaptureRecorder recorder, Admission admission, QueuePolicy policy,
        CrawlStats stats, OutcomeLog log, StopSignal stop, Clock clock, Sleeper sleeper,
        boolean robotsSitemaps, int maxAttempts) {
      this(frontier, catalog, fetcher, robots, warcs, recorder, admission, policy, stats, log,
          stop, clock, sleeper, robotsSitemaps, maxAttempts, null);
    }
  }

  private final Parts p;

  CrawlWorker(Parts parts) {
    this.p = parts;
  }

  @Override
  public void run() {
    while (!p.stop().stopping()) {
      try {
        long cpu = p.stats().stages().start();
        Optional<Lease> lease = p.frontier().lease();
        p.stats().stages().end(Stage.LEASE, cpu);
        if (lease.isEmpty()) {
          idle();
          continue;
        }
        try {
          handle(lease.get());
        } catch (RuntimeException e) {
          // A bug or a page nobody foresaw: give up on this URL, keep crawling.
          LOG.error("internal error on {}: {}", lease.get().url(), e.toString(), e);
          giveUp(lease.get(), e);
        }
      } catch (IOException e) {
        // The database or the disk failed: stop rather than lose track of what was archived.
        // The message says it all (e.g. "disk full"); the trace is for debugging only.
        LOG.error("stopping the crawl: {}", e.getMessage());
        LOG.debug("storage failure", e);
        p.stop().request("storage error: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.stop().request("interrupted");
      }
    }
  }

  private void idle() throws IOException, InterruptedException {
    Instant next = p.frontier().nextReadyAt();
    Duration wait = next == null ? IDLE_POLL : Duration.between(p.clock().instant(), next);
    if (wait.compareTo(IDLE_POLL) > 0) {
      wait = IDLE_POLL;
    }
    p.sleeper().sleep(wait.isNegative() || wait.isZero() ? Duration.ofMillis(5) : wait);
  }

  private void handle(Lease lease) throws IOException, InterruptedException {
    String url = lease.url();
    RunObserver observer = p.observer();
    if (observer != null && !observer.wanted(lease)) {
      p.frontier().complete(lease, new Completion(UrlState.DONE, p.clock().instant(),
          lease.kind(), 0, null, null, null, 0, false, "not needed any more"),
          p.policy().noRequest());
      return;
    }
    RobotsCache.Entry rules;
    boolean robotsFetched = !p.robots().isFresh(url);
    if (robotsFetched && !p.stop().hasPagesLeft()) {
      // The budget is spent: not even robots.txt is fetched any more.
      p.frontier().release(lease, p.policy().noRequest());
      p.stop().request("max-pages reached");
      return;
    }
    rules = p.robots().entryFor(url);
    if (robotsFetched && p.robotsSitemaps() && rules.fetchFailure() == null) {
      for (String sitemap : rules.rules().getSitemaps()) {
        p.admission().offer(new Discovered(sitemap, UrlKind.SITEMAP, null),
            url, 1, 0, false);
      }
    }
    if (observer != null && (rules.fetchFailure() != null || rules.rules().isDeferVisits())) {
      FailureKind kind = rules.fetchFailure() != null ? rules.fetchFailure() : FailureKind.ROBOTS;
      String reason = "host unreachable (robots.txt: " + rules.source() + ")";
      String requested = requested(lease);
      p.recorder().commit(() -> {
        p.catalog().addFailure(requested, p.clock().instant(), kind.label(), reason, null);
        p.frontier().complete(lease, new Completion(UrlState.FAILED, p.clock().instant(),
            lease.kind(), 0, null, null, null, 0, false, reason),
            p.policy().robotsUnreachable(rules.expires(), rules.source()));
        return null;
      });
      p.stats().error("robots-unreachable");
      observer.failed(lease, kind, reason);
      return;
    }
    if (rules.fetchFailure() != null || rules.rules().isDeferVisits()) {
      p.frontier().release(lease, p.policy().robotsUnreachable(rules.expires(), rules.source()));
      p.stats().error("robots-unreachable");
      log(lease, "deferred", 0, lease.kind(), -1, 0, null, FailureKind.ROBOTS.label(),
          rules.source());
      return;
    }
    if (!rules.rules().isAllowed(url)) {
      String why = "disallowed by robots.txt (" + rules.source() + ")";
      String requested = requested(lease);
      p.recorder().commit(() -> {
        p.catalog().addFailure(requested, p.clock().instant(), FailureKind.ROBOTS.label(), why,
            null);
        p.frontier().complete(lease, new Completion(UrlState.BLOCKED, p.clock().instant(),
            lease.kind(), 0, null, null, null, lease.revisitSeconds(), false, "robots.txt"),
            robotsFetched ? p.policy().robotsOnly(p.robots().crawlDelay(rules))
                : p.policy().noRequest());
        return null;
      });
      p.stats().error(FailureKind.ROBOTS.label());
      log(lease, "blocked", 0, lease.kind(), -1, 0, null, FailureKind.ROBOTS.label(),
          "robots.txt");
      if (observer != null) {
        observer.failed(lease, FailureKind.ROBOTS, why);
      }
      return;
    }
    if (robotsFetched) {
      // robots.txt was just requested from this host: the page waits its turn like any request.
      p.frontier().release(lease, p.policy().robotsOnly(p.robots().crawlDelay(rules)));
      return;
    }
    if (!p.stop().takePage()) {
      p.frontier().release(lease, p.policy().noRequest());
      return;
    }
    fetch(lease, p.robots().crawlDelay(rules));
  }

  private void fetch(Lease lease, Duration crawlDelay) throws IOException {
    FetchResponse response;
    StageTimes stages = p.stats().stages();
    long cpu = stages.start();
    try {
      response = p.fetcher().fetch(lease.url(), conditionalHeaders(lease));
    } catch (FetchException e) {
      stages.end(Stage.FETCH, cpu);
      failed(lease, e);
      return;
    }
    stages.end(Stage.FETCH, cpu);
    cpu = stages.start();
    StoredCapture stored = p.warcs().write(response.exchange());
    stages.end(Stage.WARC, cpu);
    CrashPoint.reached("capture-written");
    p.stats().fetched(response.status(), response.exchange().responseBody().length);
    RunObserver observer = p.observer();
    CaptureRecorder.Recorded recorded;
    try {
      recorded = p.recorder().record(lease, response, stored, crawlDelay,
          observer == null ? CaptureRecorder.Chain.of(lease) : observer.chain(lease));
    } catch (CommitGroup.Rejected e) {
      // Only this capture's rows were rolled back; its records stay in the WARC.
      LOG.warn("catalog refused the capture of {}: {}", lease.url(), e.getMessage());
      giveUp(lease, e);
      return;
    }
    Decision d = recorded.decision();
    if (d.processed() != null && d.processed().article() != null) {
      p.stats().article();
    }
    if (d.failure() != null) {
      p.stats().error(d.failure().label());
    }
    log(lease, d.outcome(), response.status(), d.completion().kind(),
        response.elapsed().toMillis(), response.exchange().responseBody().length, stored,
        d.failure() == null ? null : d.failure().label(), d.reason());
    if (observer != null) {
      observer.recorded(lease, response, recorded);
    }
  }

  private void failed(Lease lease, FetchException e) throws IOException {
    int failures = p.frontier().failures(lease.queue());
    boolean giveUp = lease.attempts() + 1 >= p.maxAttempts();
    String requested = requested(lease);
    p.recorder().commit(() -> {
      p.catalog().addFailure(requested, p.clock().instant(), e.kind().label(), e.getMessage(),
          null);
      p.frontier().complete(lease, new Completion(giveUp ? UrlState.FAILED : UrlState.QUEUED,
          p.clock().instant(), lease.kind(), 0, null, null, null, lease.revisitSeconds(), true,
          e.kind().label() + ": " + e.getMessage()),
          p.policy().unreachable(e.kind().label(), failures));
      return null;
    });
    p.stats().error(e.kind().label());
    log(lease, giveUp ? "failed" : "retry", 0, lease.kind(), -1, 0, null, e.kind().label(),
        e.getMessage());
    if (giveUp && p.observer() != null) {
      p.observer().failed(lease, e.kind(), e.getMessage());
    }
  }

  private void giveUp(Lease lease, Exception e) throws IOException {
    String reason = "internal error: " + e;
    String requested = requested(lease);
    p.recorder().commit(() -> {
      p.catalog().addFailure(requested, p.clock().instant(), FailureKind.INTERNAL.label(), reason,
          null);
      p.frontier().complete(lease, new Completion(UrlState.FAILED, p.clock().instant(),
          lease.kind(), 0, null, null, null, lease.revisitSeconds(), true, reason),
          p.policy().robotsOnly(Duration.ZERO));
      return null;
    });
    p.stats().error(FailureKind.INTERNAL.label());
    log(lease, "failed", 0, lease.kind(), -1, 0, null, FailureKind.INTERNAL.label(), reason);
    if (p.observer() != null) {
      p.observer().failed(lease, FailureKind.INTERNAL, reason);
    }
  }

  /**
   * The URL a failure row names: the input asked for in a bounded run, else the URL. Asked
   * before a transaction starts: the observer's lock is never taken under the catalog's.
   */
  private String requested(Lease lease) {
    return p.observer() == null ? lease.url() : p.observer().chain(lease).requestedUrl();
  }

  private static Map<String, String> conditionalHeaders(Lease lease) {
    Map<String, String> headers = new HashMap<>();
    if (lease.etag() != null) {
      headers.put("If-None-Match", lease.etag());
    }
    if (lease.lastModified() != null) {
      headers.put("If-Modified-Since", lease.lastModified());
    }
    return headers;
  }

  private void log(Lease lease, String outcome, int status, UrlKind kind, long ms, long bytes,
      StoredCapture stored, String error, String reason) {
    if (p.log() == null) {
      return;
    }
    p.log().write(new OutcomeLog.Line(p.clock().instant(), lease.url(), lease.queue(), outcome,
        status, kind.label(), ms, bytes, stored == null ? null : stored.warcFile(),
        stored == null ? -1 : stored.offset(), error, reason));
  }
}
