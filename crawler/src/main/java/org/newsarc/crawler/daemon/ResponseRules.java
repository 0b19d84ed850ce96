package org.newsarc.crawler.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.newsarc.archive.StoredCapture;
import org.newsarc.crawler.config.FetchConfig;
import org.newsarc.crawler.config.PolitenessConfig;
import org.newsarc.crawler.fetch.FailureKind;
import org.newsarc.crawler.fetch.FetchResponse;
import org.newsarc.crawler.frontier.Completion;
import org.newsarc.crawler.frontier.Lease;
import org.newsarc.crawler.frontier.QueueUpdate;
import org.newsarc.crawler.frontier.UrlKind;
import org.newsarc.crawler.frontier.UrlState;
import org.newsarc.crawler.politeness.QueuePolicy;

/**
 * Turns an archived response into a {@link Decision}: the URL's next state and fetch time, the
 * queue's next allowed time, what to record and what to follow. 2xx bodies go through the
 * {@link ResponseProcessor}; 304 counts as unchanged; redirects queue their target as a URL of
 * its own; 429/503 and other 5xx answers pause the queue (a 429 or 503 with Retry-After is
 * pacing, not a failure: nothing is recorded as failed and the URL is asked again after the
 * wait); other 4xx answers end the URL.
 * Thread-safe.
 */
final class ResponseRules {
  private final ResponseProcessor processor;
  private final RecrawlSchedule schedule;
  private final QueuePolicy policy;
  private final PolitenessConfig politeness;
  private final FetchConfig fetch;
  private final Clock clock;
  private final boolean extract;
  private final int linkDepth;

  ResponseRules(ResponseProcessor processor, RecrawlSchedule schedule, QueuePolicy policy,
      PolitenessConfig politeness, FetchConfig fetch, Clock clock) {
    this(processor, schedule, policy, politeness, fetch, clock, true, 0);
  }

  /**
   * @param extract whether HTML pages are processed; without, they are archived as they are
   *     (no article) and {@code newsarc reindex} extracts them later
   * @param linkDepth without extraction, pages at a depth below this are still parsed for
   *     their links (the scope's {@code max-depth}); deeper ones are not parsed at all
   */
  ResponseRules(ResponseProcessor processor, RecrawlSchedule schedule, QueuePolicy policy,
      PolitenessConfig politeness, FetchConfig fetch, Clock clock, boolean extract,
      int linkDepth) {
    this.extract = extract;
    this.linkDepth = linkDepth;
    this.processor = processor;
    this.schedule = schedule;
    this.policy = policy;
    this.politeness = politeness;
    this.fetch = fetch;
    this.clock = clock;
  }

  Decision decide(Lease lease, FetchResponse r, StoredCapture stored, Duration crawlDelay,
      int queueFailures) {
    int status = r.status();
    Instant now = clock.instant();
    String etag = r.header("ETag");
    String lastModified = r.header("Last-Modified");
    if (status == 304) {
      return revisitOrDone(lease, lease.kind(), false, etag, lastModified, null, status,
          policy.answered(r.elapsed(), crawlDelay), null, null, null, "not-modified");
    }
    if (status >= 200 && status < 300) {
      if (r.truncated()) {
        FailureKind kind = r.truncationKind();
        String why = kind == FailureKind.TOO_LARGE
            ? "body larger than " + fetch.maxBodyBytes() + " bytes (archived truncated)"
            : "body cut short: " + r.truncationReason();
        return done(lease, UrlKind.PAGE, status, policy.answered(r.elapsed(), crawlDelay), null,
            kind, why, "failed");
      }
      String digest = stored.payloadDigest();
      boolean changed = lease.digest() == null || !lease.digest().equals(digest);
      Processed p = changed && !extract && isHtml(r)
          ? lease.depth() < linkDepth ? processor.linksOnly(lease, r, true)
          : Processed.of(UrlKind.PAGE, true)
          : changed ? processor.process(lease, r, true)
          : Processed.of(lease.kind() == UrlKind.PAGE ? UrlKind.HUB : lease.kind(), false);
      return revisitOrDone(lease, p.kind(), changed, etag, lastModified, digest, status,
          policy.answered(r.elapsed(), crawlDelay), p, p.failure(), p.reason(),
          changed ? "fetched" : "unchanged");
    }
    if (r.isRedirect()) {
      String target = r.redirectTarget();
      if (target == null) {
        return done(lease, UrlKind.REDIRECT, status, policy.answered(r.elapsed(), crawlDelay),
            null, FailureKind.BAD_URL, "redirect to a bad Location: " + r.header("Location"),
            "failed");
      }
      if (lease.redirects() >= fetch.maxRedirects()) {
        return done(lease, UrlKind.REDIRECT, status, policy.answered(r.elapsed(), crawlDelay),
            null, FailureKind.REDIRECTS, "more than " + fetch.maxRedirects() + " redirects",
            "failed");
      }
      return new Decision(completion(UrlState.DONE, now, UrlKind.REDIRECT, status, 0, false,
          null), policy.answered(r.elapsed(), crawlDelay), null, target, null, null, "redirect");
    }
    if (r.isRedirectWithoutLocation()) {
      return done(lease, UrlKind.REDIRECT, status, policy.answered(r.elapsed(), crawlDelay),
          null, FailureKind.PROTOCOL, "HTTP " + status + " redirect without Location", "failed");
    }
    if (status == 429 || status >= 500) {
      QueueUpdate q = policy.overloaded(status, r.header("Retry-After"), r.elapsed(), crawlDelay,
          queueFailures);
      if (q.outcome() == QueueUpdate.Outcome.NEUTRAL) {
        // 429 or 503 with a Retry-After: the server paces the crawl. Nothing failed, so no
        // failure is recorded; the URL is asked again once the wait is over.
        return new Decision(completion(UrlState.QUEUED, now, lease.kind(), status,
            lease.revisitSeconds(), false, "HTTP " + status + ", paced"), q, null, null, null,
            q.reason(), "paced");
      }
      // Being told to slow down is not the URL's fault: 429 and 503 do not use up attempts.
      boolean counts = status != 429 && status != 503;
      boolean giveUp = counts && lease.attempts() + 1 >= politeness.maxAttempts();
      UrlState state = giveUp ? UrlState.FAILED : UrlState.QUEUED;
      return new Decision(completion(state, now, lease.kind(), status, lease.revisitSeconds(),
          counts, "HTTP " + status), q, null, null, FailureKind.HTTP_STATUS,
          "HTTP " + status + (giveUp ? ", given up" : ", will retry"), giveUp ? "failed" : "retry");
    }
    return done(lease, lease.kind(), status, policy.answered(r.elapsed(), crawlDelay), null,
        FailureKind.HTTP_STATUS, "HTTP " + status, "failed");
  }

  private static boolean isHtml(FetchResponse r) {
    String type = r.mediaType();
    return type.isEmpty() || type.equals("text/html") || type.equals("application/xhtml+xml");
  }

  private Decision revisitOrDone(Lease lease, UrlKind kind, boolean changed, String etag,
      String lastModified, String digest, int status, QueueUpdate queue, Processed p,
      FailureKind failure, String reason, String outcome) {
    Instant now = clock.instant();
    Duration interval = null;
    if (schedule.recurring(kind, lease.depth(), lease.seed())) {
      interval = schedule.next(lease.revisitSeconds(), changed);
    } else if (kind == UrlKind.ARTICLE && schedule.articleInterval() != null) {
      interval = schedule.articleInterval();
    }
    Completion c = interval == null
        ? new Completion(UrlState.DONE, now, kind, status, etag, lastModified, digest, 0, false,
            reason)
        : new Completion(UrlState.QUEUED, now.plus(interval), kind, status, etag, lastModified,
            digest, interval.toSeconds(), false, reason);
    return new Decision(c, queue, p, null, failure, reason, outcome);
  }

  private Decision done(Lease lease, UrlKind kind, int status, QueueUpdate queue, Processed p,
      FailureKind failure, String reason, String outcome) {
    return new Decision(completion(UrlState.DONE, clock.instant(), kind, status,
        lease.revisitSeconds(), false, reason), queue, p, null, failure, reason, outcome);
  }

  private static Completion completion(UrlState state, Instant next, UrlKind kind, int status,
      long revisitSeconds, boolean countAttempt, String error) {
    return new Completion(state, next, kind, status, null, null, null, revisitSeconds,
        countAttempt, error);
  }
}
