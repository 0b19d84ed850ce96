package org.newsarc.crawler.daemon;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.newsarc.crawler.config.ScopeConfig;
import org.newsarc.crawler.discovery.Discovered;
import org.newsarc.crawler.fetch.UrlText;
import org.newsarc.crawler.frontier.AddResult;
import org.newsarc.crawler.frontier.Candidate;
import org.newsarc.crawler.frontier.Frontier;
import org.newsarc.crawler.frontier.QueueKeys;
import org.newsarc.crawler.frontier.UrlKind;
import org.newsarc.crawler.frontier.UrlNormalizer;
import org.newsarc.crawler.scope.Scope;
import org.newsarc.crawler.scope.Verdict;

/**
 * Lets discovered URLs into the frontier: normalises them, applies the {@link Scope} and the
 * frontier's per-queue limits, and stores feed and sitemap metadata beside them. Must be called
 * inside the frontier's transaction when its work is to commit with a capture. Counts refusals
 * by reason for the status. Thread-safe.
 */
public final class Admission {
  /** Priorities within a queue: higher first. */
  static final int SEED = 9;
  static final int FEED_OR_SITEMAP = 8;
  static final int NEWS_ENTRY = 6;
  static final int LINK = 3;

  private final Frontier frontier;
  private final Scope scope;
  private final ScopeConfig limits;
  private final UrlNormalizer normalizer;
  private final QueueKeys queues;
  private final MetadataStore metadata = new MetadataStore();
  private final Clock clock;
  private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
  private volatile RunLinks runLinks;

  public Admission(Frontier frontier, Scope scope, ScopeConfig limits, UrlNormalizer normalizer,
      QueueKeys queues, Clock clock) {
    this.frontier = frontier;
    this.scope = scope;
    this.limits = limits;
    this.normalizer = normalizer;
    this.queues = queues;
    this.clock = clock;
  }

  /**
   * Follows links within a bounded run as {@code links} says (which pages a link leads to, and
   * the origin each gets), or, with null, lets no link of a run-scoped input in.
   */
  void followLinks(RunLinks links) {
    this.runLinks = links;
  }

  /** Offers a seed; seeds skip the scope rules and the per-queue limits. */
  public AddResult seed(String url) throws IOException {
    return seed(url, -1);
  }

  /**
   * Offers a seed serving input {@code origin} of a run-scoped frontier (-1: none); returns
   * {@code KNOWN} as well for a URL that cannot be fetched.
   */
  public AddResult seed(String url, long origin) throws IOException {
    String n = normalizer.normalize(UrlText.ascii(url));
    if (n == null || queues.queueOf(n) == null) {
      count("bad-url");
      return AddResult.KNOWN;
    }
    RunLinks links = runLinks;
    if (links != null && origin >= 0) {
      links.input((int) origin, n);
    }
    // A seed already known keeps its schedule: a restart must not refetch what is up to date.
    return frontier.add(new Candidate(n, queues.queueOf(n), 0, null, UrlKind.PAGE, SEED,
        true, clock.instant(), 0, origin), Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  /**
   * Offers a URL found on {@code foundOn}.
   *
   * @param depth its depth (the finding page's depth plus one, or the same for index entries)
   * @param redirects redirect hops that led to it
   * @return what the frontier did, or null when the scope refused it
   */
  public AddResult offer(Discovered d, String foundOn, int depth, int redirects, boolean seed)
      throws IOException {
    return offer(d, foundOn, depth, redirects, seed, -1);
  }

  /** As above, for a URL serving input {@code origin} of a run-scoped frontier (-1: none). */
  public AddResult offer(Discovered d, String foundOn, int depth, int redirects, boolean seed,
      long origin) throws IOException {
    Screened s = screen(d, foundOn, depth, redirects, seed, origin);
    return s == null ? null : admit(s);
  }

  /**
   * A discovered URL that passed normalisation and the scope, for {@link #admit}: what can be
   * decided without the frontier, so that a capture's links are screened before its
   * transaction, outside the catalog's lock.
   */
  public record Screened(Discovered found, String foundOn, Candidate candidate,
      RunLinks claimedIn) {}

  /**
   * The first half of {@link #offer}: normalises {@code d} and applies the scope; returns null
   * (and counts the reason) when it is refused. Touches no database.
   */
  public Screened screen(Discovered d, String foundOn, int depth, int redirects, boolean seed,
      long origin) {
    boolean exempt = seed && redirects == 0;
    if (!exempt && depth > limits.maxDepth()) {
      // Refused whatever the URL says: an article's many links at the depth limit are not
      // parsed and normalised for nothing.
      count("max-depth");
      return null;
    }
    // Invalid ports and absurd lengths stop here; IDN hosts go on in punycode.
    String n = normalizer.normalize(UrlText.ascii(d.url()));
    if (n == null) {
      count("bad-url");
      return null;
    }
    String queue = queues.queueOf(n);
    if (queue == null) {
      // java.net.URI finds no host in it (e.g. an underscore in the name): not fetchable here.
      count("bad-url");
      return null;
    }
    // A redirect, even from a seed, goes through scope like any link.
    Verdict verdict = exempt ? Verdict.ACCEPT : scope.check(n, depth);
    if (!verdict.accepted()) {
      count(verdict.reason());
      return null;
    }
    RunLinks links = runLinks;
    boolean link = origin >= 0 && !seed && redirects == 0;
    if (link) {
      // A link of a bounded run's page: a page of its own in the run, or not fetched at all.
      long claimed = links == null ? RunLinks.OFF_SITE : links.claim(origin, n, foundOn);
      if (claimed < 0) {
        count(claimed == RunLinks.SEEN ? "run:seen" : "run:off-site");
        return null;
      }
      origin = claimed;
    }
    int priority = d.kind() == UrlKind.FEED || d.kind() == UrlKind.SITEMAP ? FEED_OR_SITEMAP
        : d.metadata() != null && d.metadata().published() != null ? NEWS_ENTRY : LINK;
    Candidate c = new Candidate(n, queue, depth, foundOn, d.kind(), seed ? SEED : priority, seed,
        clock.instant(), redirects, origin);
    return new Screened(d, foundOn, c, link ? links : null);
  }

  /**
   * Gives back the run's claim on a screened link that will not be admitted after all (its
   * capture's rows were rolled back), so that the run does not wait for a page never queued.
   */
  public void release(Screened s) {
    if (s != null && s.claimedIn() != null) {
      s.claimedIn().drop(s.candidate().origin());
    }
  }

  /**
   * The second half of {@link #offer}: lets a screened URL into the frontier within its
   * per-queue limits, with its metadata; returns what the frontier did.
   */
  public AddResult admit(Screened s) throws IOException {
    Candidate c = s.candidate();
    Discovered d = s.found();
    return frontier.transaction(() -> {
      AddResult r = frontier.add(c, limits.maxPagesPerHost(),
          limits.traps().maxQueryVariantsPerPath());
      if (r != AddResult.ADDED) {
        release(s);
      }
      if (r == AddResult.QUEUE_FULL) {
        count("max-pages-per-host");
      } else if (r == AddResult.TOO_MANY_VARIANTS) {
        count("trap:query-variants");
      }
      if (d.metadata() != null && d.metadata().hasContent() && s.foundOn() != null) {
        storeMetadata(c.url(), s.foundOn(), d);
      }
      return r;
    });
  }

  private void storeMetadata(String url, String foundOn, Discovered d) throws IOException {
    try {
      metadata.store(frontierDb(), url, foundOn, d.metadata(), clock.instant());
    } catch (SQLException e) {
      throw new IOException("cannot store metadata of " + url + ": " + e.getMessage(), e);
    }
  }

  private java.sql.Connection frontierDb() {
    return frontier.connection();
  }

  /** URLs refused so far, by the rule that refused them. */
  public Map<String, Long> refusals() {
    Map<String, Long> out = new java.util.TreeMap<>();
    refused.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  private void count(String reason) {
    refused.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }
}
