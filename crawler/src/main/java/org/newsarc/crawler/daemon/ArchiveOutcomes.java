package org.newsarc.crawler.daemon;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * {@link PageOutcome}. Pages found by following links ({@link RunLinks}) have origins of their
 * own after the inputs' and get outcomes of their own, marked as discovered. Thread-safe: one
 * lock over all inputs; {@link RunLinks} is asked under it, never the other way round.
 */
final class ArchiveOutcomes implements RunObserver {
  /** Times one input is asked again after a 429 or 503 with Retry-After. */
  static final int MAX_PACED_RETRIES = 3;

  /** Told about each input as it finishes, one call at a time. */
  interface Listener {
    void finished(int index, PageOutcome outcome);
  }

  private final List<String> inputs;
  private final RunLinks links;
  private final Map<Integer, PageOutcome> outcomes = new HashMap<>();
  private final Map<Integer, List<Hop>> hops = new HashMap<>();
  private final Map<Integer, Integer> paced = new HashMap<>();
  /** Where an input or page is now, when a redirect sent it on from the URL asked for. */
  private final Map<Integer, String> current = new HashMap<>();
  private final Catalog catalog;
  private final Clock clock;
  private final Duration maxPacedWait;
  private final Listener listener;
  private final AddressPolicy addresses;

  /** As below, with no link following. */
  ArchiveOutcomes(List<String> inputs, Catalog catalog, Clock clock,
      Duration maxPacedWait, AddressPolicy addresses, Listener listener) {
    this(inputs, null, catalog, clock, maxPacedWait, addresses, listener);
  }

  /** @param links the pages discovered by following links, or null when none are followed */
  ArchiveOutcomes(List<String> inputs, RunLinks links, Catalog catalog, Clock clock,
      Duration maxPacedWait, AddressPolicy addresses, Listener listener) {
    this.addresses = addresses;
    this.inputs = List.copyOf(inputs);
    this.links = links;
    this.catalog = catalog;
    this.clock = clock;
    this.maxPacedWait = maxPacedWait;
    this.listener = listener;
  }

  @Override
  public synchronized boolean wanted(Lease lease) {
    return known(lease.origin()) && !outcomes.containsKey((int) lease.origin());
  }

  @Override
  public synchronized CaptureRecorder.Chain chain(Lease lease) {
    if (!known(lease.origin())) {
      return CaptureRecorder.Chain.of(lease);
    }
    int i = (int) lease.origin();
    return new CaptureRecorder.Chain(requested(i), hops(i).stream().map(Hop::url).toList());
  }

  /** Whether {@code origin} is an input or a discovered page of this run. */
  private boolean known(long origin) {
    return origin >= 0 && (origin < inputs.size() || links != null && links.live(origin));
  }

  /** The URL asked for by input {@code i}, or discovered page {@code i}'s URL. */
  private String requested(int i) {
    return i < inputs.size() ? inputs.get(i) : links.url(i);
  }

  private List<Hop> hops(int i) {
    return hops.computeIfAbsent(i, k -> new ArrayList<>());
  }

  private PageOutcome outcome(int i, List<Hop> chain, org.newsarc.extractor.Article article,
      long articleId, FailureKind kind, String reason) {
    return new PageOutcome(requested(i), chain, article, articleId, kind, reason, null,
        i < inputs.size() ? null : links.discovery(i));
  }

  @Override
  public void recorded(Lease lease, FetchResponse r, CaptureRecorder.Recorded rec) {
    PageOutcome done;
    synchronized (this) {
      if (!wanted(lease)) {
        return;
      }
      int i = (int) lease.origin();
      List<Hop> chain = hops(i);
      chain.add(new Hop(r.url(), r.status(), rec.captureId(), rec.warcFile()));
      Decision d = rec.decision();
      switch (d.outcome()) {
        case "redirect" -> {
          if (rec.redirect() == AddResult.ADDED) {
            current.put(i, d.redirectTo());
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
            String host = QueueKeys.hostOf(r.url());
            String why = host + " asked for a pause of " + human(wait) + " (" + d.reason()
                + "), longer than archive waits (" + human(maxPacedWait) + ")";
            finish(i, fail(i, FailureKind.HTTP_STATUS, "HTTP " + r.status() + ": " + why, rec));
            failHost(host, "not fetched: " + why);
            return;
          }
          if (paced.getOrDefault(i, 0) < MAX_PACED_RETRIES) {
            // The server paces us: the URL stays queued and is asked again after the wait.
            paced.merge(i, 1, Integer::sum);
            return;
          }
          done = fail(i, FailureKind.HTTP_STATUS, "HTTP " + r.status() + ", still pacing after "
              + MAX_PACED_RETRIES + " waits (" + d.reason() + ")", rec);
        }
        case "retry" -> done = fail(i, FailureKind.HTTP_STATUS, "HTTP " + r.status(), rec);
        default -> {
          Processed p = d.processed();
          done = d.failure() != null
              ? outcome(i, chain, null, -1, d.failure(), d.reason())
              : outcome(i, chain, p == null ? null : p.article(), rec.articleId(), null, null);
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
      finish(i, outcome(i, hops(i), null, -1, kind, reason));
    }
  }

  /**
   * Decides input {@code i} without any fetch (a URL that cannot be fetched at all, or one the
   * run stopped before); records the failure.
   */
  synchronized void failUnfetched(int i, FailureKind kind, String reason) {
    if (outcomes.containsKey(i)) {
      return;
    }
    List<Hop> chain = hops(i);
    Long captureId = chain.isEmpty() ? null : chain.get(chain.size() - 1).captureId();
    try {
      catalog.addFailure(requested(i), clock.instant(), kind.label(), reason, captureId);
    } catch (IOException e) {
      reason = reason + " (and the failure could not be recorded: " + e.getMessage() + ")";
    }
    finish(i, outcome(i, chain, null, -1, kind, reason));
  }

  /** The inputs and discovered pages not decided yet. */
  synchronized List<Integer> undecided() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < total(); i++) {
      if (!outcomes.containsKey(i) && known(i)) {
        out.add(i);
      }
    }
    return out;
  }

  /** One past the highest origin of the run. */
  private int total() {
    return links == null ? inputs.size() : links.size();
  }

  /** Waits until an input is decided, at most {@code most}. */
  synchronized void awaitChange(Duration most) throws InterruptedException {
    if (remaining() > 0) {
      wait(Math.max(1, most.toMillis()));
    }
  }

  /** Inputs and discovered pages not decided yet. */
  synchronized int remaining() {
    int live = inputs.size() + (links == null ? 0 : links.discovered());
    return live - outcomes.size();
  }

  /** Every outcome so far: the inputs' in input order, then discovered pages' as found. */
  synchronized List<PageOutcome> outcomes() {
    List<PageOutcome> out = new ArrayList<>();
    for (int i = 0; i < total(); i++) {
      PageOutcome o = outcomes.get(i);
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  private PageOutcome fail(int i, FailureKind kind, String reason,
      CaptureRecorder.Recorded rec) {
    try {
      catalog.addFailure(requested(i), clock.instant(), kind.label(), reason, rec.captureId());
    } catch (IOException e) {
      reason = reason + " (and the failure could not be recorded: " + e.getMessage() + ")";
    }
    return outcome(i, hops(i), null, -1, kind, reason);
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

  /** Decides, without a request, every input or page still waiting for {@code host}. */
  private void failHost(String host, String reason) {
    if (host == null) {
      return;
    }
    for (int j : undecided()) {
      if (host.equals(QueueKeys.hostOf(current.getOrDefault(j, requested(j))))) {
        failUnfetched(j, FailureKind.HTTP_STATUS, reason);
      }
    }
  }

  /** A wait as people read it: "90 s", "5 min", "3 h 20 min". */
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
    outcomes.put(i, outcome);
    listener.finished(i, outcome);
    notifyAll();
  }
}
