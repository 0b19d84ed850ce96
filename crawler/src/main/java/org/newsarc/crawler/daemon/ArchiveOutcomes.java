package org.newsarc.crawler.daemon;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.newsarc.archive.Catalog;
import org.newsarc.crawler.capture.Hop;
import org.newsarc.crawler.capture.PageOutcome;
import org.newsarc.crawler.fetch.AddressPolicy;
import org.newsarc.crawler.fetch.FailureKind;
import org.newsarc.crawler.fetch.FetchResponse;
import org.newsarc.crawler.frontier.AddResult;
import org.newsarc.crawler.frontier.Lease;
import org.newsarc.crawler.frontier.QueueKeys;
import org.newsarc.crawler.politeness.RetryAfter;

/**
 * Maps what the engine does with each frontier URL back to the inputs of a bounded run: every
 * URL carries its input's index as its origin, so redirects (frontier URLs of their own) and
 * paced answers add hops to the input's chain until a final answer gives its
 * {@link PageOutcome}. Thread-safe: one lock over all inputs.
 */
final class ArchiveOutcomes implements RunObserver {
  /** Times one input is asked again after a 429 or 503 with Retry-After. */
  static final int MAX_PACED_RETRIES = 3;

  /** Told about each input as it finishes, one call at a time. */
  interface Listener {
    void finished(int index, PageOutcome outcome);
  }

  private final List<String> inputs;
  private final PageOutcome[] outcomes;
  private final List<List<Hop>> hops;
  private final int[] paced;
  /** The URL each input is at now: the input, or the redirect target it was sent on to. */
  private final String[] current;
  private final Catalog catalog;
  private final Clock clock;
  private final Duration maxPacedWait;
  private final Listener listener;
  private final AddressPolicy addresses;
  private int remaining;

  ArchiveOutcomes(List<String> inputs, Catalog catalog, Clock clock,
      Duration maxPacedWait, AddressPolicy addresses, Listener listener) {
    this.addresses = addresses;
    this.inputs = List.copyOf(inputs);
    this.outcomes = new PageOutcome[inputs.size()];
    this.hops = new ArrayList<>(inputs.size());
    inputs.forEach(u -> hops.add(new ArrayList<>()));
    this.paced = new int[inputs.size()];
    this.current = this.inputs.toArray(new String[0]);
    this.catalog = catalog;
    this.clock = clock;
    this.maxPacedWait = maxPacedWait;
    this.listener = listener;
    this.remaining = inputs.size();
  }

  @Override
  public synchronized boolean wanted(Lease lease) {
    return lease.origin() >= 0 && lease.origin() < outcomes.length
        && outcomes[(int) lease.origin()] == null;
  }

  @Override
  public synchronized CaptureRecorder.Chain chain(Lease lease) {
    if (lease.origin() < 0 || lease.origin() >= outcomes.length) {
      return CaptureRecorder.Chain.of(lease);
    }
    int i = (int) lease.origin();
    return new CaptureRecorder.Chain(inputs.get(i), hops.get(i).stream().map(Hop::url).toList());
  }

  @Override
  public void recorded(Lease lease, FetchResponse r, CaptureRecorder.Recorded rec) {
    PageOutcome done;
    synchronized (this) {
      if (!wanted(lease)) {
        return;
      }
      int i = (int) lease.origin();
      List<Hop> chain = hops.get(i);
      chain.add(new Hop(r.url(), r.status(), rec.captureId(), rec.warcFile()));
      Decision d = rec.decision();
      String input = inputs.get(i);
      switch (d.outcome()) {
        case "redirect" -> {
          if (rec.redirect() == AddResult.ADDED) {
            current[i] = d.redirectTo();
            return;
          }
          done = rec.redirect() == AddResult.KNOWN
              ? fail(i, FailureKind.REDIRECTS, "redirect loop at " + d.redirectTo(), rec)
              : blockedLiteral(d.redirectTo())
              ? fail(i, FailureKind.BLOCKED_ADDRESS, "redirect to " + d.redirectTo()
                  + ", not a public address", rec)
              : fail(i, FailureKind.BAD_URL, "redirect to a URL that is not fetched: "
                  + d.redirectTo(), rec);
        }
        case "paced" -> {
          Duration wait = pause(r);
          if (wait.compareTo(maxPacedWait) > 0) {
            // Longer than the run waits: this input fails, and so do the others on the same
            // host, at once and without a request, instead of being asked early.
            String why = QueueKeys.hostOf(r.url()) + " asked for a pause of " + human(wait)
                + " (" + d.reason() + "), longer than archive waits (" + human(maxPacedWait)
                + ")";
            done = fail(i, FailureKind.HTTP_STATUS, "HTTP " + r.status() + ": " + why, rec);
            finish(i, done);
            failHost(QueueKeys.hostOf(r.url()), "not fetched: " + why);
            return;
          }
          if (paced[i] < MAX_PACED_RETRIES) {
            // The server paces us: the URL stays queued and is asked again after the wait.
            paced[i]++;
            return;
          }
          done = fail(i, FailureKind.HTTP_STATUS, "HTTP " + r.status() + ", still pacing after "
              + MAX_PACED_RETRIES + " waits (" + d.reason() + ")", rec);
        }
        case "retry" -> done = fail(i, FailureKind.HTTP_STATUS, "HTTP " + r.status(), rec);
        default -> {
          Processed p = d.processed();
          done = d.failure() != null
              ? new PageOutcome(input, chain, null, -1, d.failure(), d.reason(), null)
              : new PageOutcome(input, chain, p == null ? null : p.article(), rec.articleId(),
                  null, null, null);
        }
      }
      finish(i, done);
    }
  }

  @Override
  public void failed(Lease lease, FailureKind kind, String reason) {
    synchronized (this) {
      if (!wanted(lease)) {
        return;
      }
      int i = (int) lease.origin();
      finish(i, new PageOutcome(inputs.get(i), hops.get(i), null, -1, kind, reason, null));
    }
  }

  /**
   * Decides input {@code i} without any fetch (a URL that cannot be fetched at all, or one the
   * run stopped before); records the failure.
   */
  synchronized void failUnfetched(int i, FailureKind kind, String reason) {
    if (outcomes[i] != null) {
      return;
    }
    List<Hop> chain = hops.get(i);
    Long captureId = chain.isEmpty() ? null : chain.get(chain.size() - 1).captureId();
    try {
      catalog.addFailure(inputs.get(i), clock.instant(), kind.label(), reason, captureId);
    } catch (IOException e) {
      reason = reason + " (and the failure could not be recorded: " + e.getMessage() + ")";
    }
    finish(i, new PageOutcome(inputs.get(i), chain, null, -1, kind, reason, null));
  }

  /** The inputs not decided yet. */
  synchronized List<Integer> undecided() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        out.add(i);
      }
    }
    return out;
  }

  /** Waits until an input is decided, at most {@code most}. */
  synchronized void awaitChange(Duration most) throws InterruptedException {
    if (remaining > 0) {
      wait(Math.max(1, most.toMillis()));
    }
  }

  synchronized int remaining() {
    return remaining;
  }

  /** Every outcome so far, in input order. */
  synchronized List<PageOutcome> outcomes() {
    return Arrays.stream(outcomes).filter(o -> o != null).toList();
  }

  private PageOutcome fail(int i, FailureKind kind, String reason,
      CaptureRecorder.Recorded rec) {
    try {
      catalog.addFailure(inputs.get(i), clock.instant(), kind.label(), reason, rec.captureId());
    } catch (IOException e) {
      reason = reason + " (and the failure could not be recorded: " + e.getMessage() + ")";
    }
    return new PageOutcome(inputs.get(i), hops.get(i), null, -1, kind, reason, null);
  }

  /**
   * Whether {@code url} names its host by an IP address that may not be fetched: the frontier
   * refuses such URLs before any request, and this says why.
   */
  private boolean blockedLiteral(String url) {
    try {
      String host = new java.net.URI(url).getHost();
      return host != null && addresses.refusesLiteral(host);
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** The wait a paced answer's Retry-After asks for. */
  private Duration pause(FetchResponse r) {
    Instant now = clock.instant();
    Instant until = RetryAfter.until(r.header("Retry-After"), now).orElse(now);
    return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
  }

  /** Decides, without a request, every input still waiting for {@code host}. */
  private void failHost(String host, String reason) {
    if (host == null) {
      return;
    }
    for (int j = 0; j < outcomes.length; j++) {
      if (outcomes[j] == null && host.equals(QueueKeys.hostOf(current[j]))) {
        failUnfetched(j, FailureKind.HTTP_STATUS, reason);
      }
    }
  }

  /** A wait as people read it: "90 s", "5 min", "1 h 30 min". */
  static String human(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 120) {
      return s + " s";
    }
    long min = (s + 30) / 60;
    if (min < 120) {
      return min + " min";
    }
    return min / 60 + " h" + (min % 60 == 0 ? "" : " " + min % 60 + " min");
  }

  private void finish(int i, PageOutcome outcome) {
    outcomes[i] = outcome;
    remaining--;
    listener.finished(i, outcome);
    notifyAll();
  }
}
