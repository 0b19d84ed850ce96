package org.newsarc.crawler.capture;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsarc.archive.CaptureMetadata;
import org.newsarc.archive.CaptureRow;
import org.newsarc.archive.HttpExchange.Truncation;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.StoredCapture;
import org.newsarc.archive.WarcArchive;
import org.newsarc.crawler.discovery.ParseBudget;
import org.newsarc.crawler.fetch.FailureKind;
import org.newsarc.crawler.fetch.FetchException;
import org.newsarc.crawler.fetch.FetchResponse;
import org.newsarc.crawler.fetch.Fetcher;
import org.newsarc.crawler.politeness.HostDelays;
import org.newsarc.crawler.politeness.QueuePolicy;
import org.newsarc.crawler.politeness.RetryAfter;
import org.newsarc.crawler.robots.RobotsCache;
import org.newsarc.extractor.Article;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.ExtractionException;

/**
 * Archives one page: checks robots.txt, waits its turn for the host (the gaps are decided by
 * the crawl's {@link QueuePolicy} and booked in {@link HostDelays}), fetches, writes every hop
 * (redirects included) to the WARC and the catalog, and extracts the article from the final HTML
 * response. Failures never escape as exceptions: each one comes back in the {@link PageOutcome}
 * and is recorded in the catalog's failures table. Used as is by {@code newsarc archive} and
 * {@code newsarc demo}. Thread-safe as long as its parts are (they are).
 */
public final class PageArchiver {
  /** Redirect hops followed before giving up. */
  public static final int MAX_REDIRECTS = 10;
  /** Times one URL is asked again after a 429 or 503 with Retry-After. */
  public static final int MAX_PACED_RETRIES = 3;
  /** The longest Retry-After waited for; a longer one fails the URL with its status. */
  public static final Duration MAX_PACED_WAIT = Duration.ofSeconds(60);

  private final Fetcher fetcher;
  private final RobotsCache robots;
  private final HostDelays delays;
  private final QueuePolicy policy;
  private final WarcArchive warcs;
  private final Catalog catalog;
  private final ArticleExtractor extractor;
  private final Clock clock;
  private final boolean extract;
  /** Shared by every worker of this archiver: how much HTML is parsed at once, in all. */
  private final ParseBudget budget;

  public PageArchiver(Fetcher fetcher, RobotsCache robots, HostDelays delays, QueuePolicy policy,
      WarcArchive warcs, Catalog catalog, ArticleExtractor extractor, Clock clock) {
    this.fetcher = fetcher;
    this.robots = robots;
    this.delays = delays;
    this.policy = policy;
    this.warcs = warcs;
    this.catalog = catalog;
    this.extractor = extractor;
    this.clock = clock;
    this.extract = true;
    this.budget = new ParseBudget(ParseBudget.DEFAULT_BYTES);
  }

  private PageArchiver(PageArchiver base, boolean extract) {
    this.fetcher = base.fetcher;
    this.robots = base.robots;
    this.delays = base.delays;
    this.policy = base.policy;
    this.warcs = base.warcs;
    this.catalog = base.catalog;
    this.extractor = base.extractor;
    this.clock = base.clock;
    this.extract = extract;
    this.budget = base.budget;
  }

  /**
   * The same archiver, archiving HTML pages without extracting their articles (no articles
   * rows; {@code newsarc reindex} fills them in later from the WARC files).
   */
  public PageArchiver withoutExtraction() {
    return new PageArchiver(this, false);
  }

  /**
   * Archives {@code url}, waiting for each host's turn in this thread; never throws for bad
   * input or network trouble.
   */
  public PageOutcome archive(String url) throws InterruptedException {
    Visit visit = new Visit(url);
    Instant notBefore;
    while ((notBefore = step(visit)) != null) {
      delays.waitUntil(notBefore);
    }
    return visit.outcome();
  }

  /**
   * One URL on its way through robots.txt, pacing answers and redirects. {@link #step} moves it
   * on; {@link #outcome} is set once it is done. Used by one thread at a time.
   */
  public static final class Visit {
    private final String url;
    private final List<Hop> hops = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private String current;
    private FetchResponse response;
    private int hop;
    private int paced;
    /** Whether {@code current} passed the redirect checks already (it is being waited for). */
    private boolean entered;
    private PageOutcome outcome;

    public Visit(String url) {
      this.url = url;
      this.current = url;
    }

    /** The result, or null while the visit still has requests to make. */
    public PageOutcome outcome() {
      return outcome;
    }

    /** The URL asked for. */
    public String url() {
      return url;
    }
  }

  /**
   * Makes the requests of {@code v} that may be made now: robots.txt when needed, then one
   * request after another as long as each host's turn has come. Returns null when the visit is
   * done ({@link Visit#outcome}), or the time its next request may go out: the worker is then
   * free for other hosts instead of sleeping out a politeness gap.
   */
  public Instant step(Visit v) throws InterruptedException {
    while (v.outcome == null) {
      Instant notBefore = next(v);
      if (notBefore != null) {
        return notBefore;
      }
    }
    return null;
  }

  /** One request of {@code v}, or the time it must wait for; null once the request is made. */
  private Instant next(Visit v) throws InterruptedException {
    String url = v.url;
    List<Hop> hops = v.hops;
    String current = v.current;
    if (warcs.diskFull()) {
      // Nothing more can be stored: fetching would only waste the site's and our time.
      return done(v, fail(url, hops, FailureKind.STORAGE, "disk full: not archived; free some"
          + " space and run the same command again", v.response));
    }
    if (!isHttpUrl(current)) {
      return done(v, fail(url, hops, FailureKind.BAD_URL, "not an absolute http(s) URL: "
          + current, null));
    }
    if (!v.entered) {
      if (v.hop > MAX_REDIRECTS || !v.seen.add(current)) {
        String why = v.hop > MAX_REDIRECTS ? "more than " + MAX_REDIRECTS + " redirects"
            : "redirect loop at " + current;
        return done(v, fail(url, hops, FailureKind.REDIRECTS, why, v.response));
      }
      v.entered = true;
    }
    String host = hostOf(current);
    RobotsCache.Entry rules;
    try {
      boolean robotsFetched = !robots.isFresh(current);
      if (robotsFetched) {
        Instant turn = delays.nextAllowed(host);
        if (turn.isAfter(clock.instant())) {
          return turn;
        }
      }
      rules = robots.entryFor(current);
      if (robotsFetched && rules.fetchFailure() == null) {
        // The gap after robots.txt honours the Crawl-delay it has just announced.
        delays.hold(host, policy.robotsOnly(robots.crawlDelay(rules)).nextAllowedAt());
      }
    } catch (IOException e) {
      return done(v, fail(url, hops, FailureKind.STORAGE, "robots.txt: " + e.getMessage(),
          v.response));
    }
    if (rules.fetchFailure() != null) {
      return done(v, fail(url, hops, rules.fetchFailure(), "host unreachable (robots.txt: "
          + rules.source() + ")", v.response));
    }
    if (!rules.rules().isAllowed(current)) {
      return done(v, fail(url, hops, FailureKind.ROBOTS,
          "disallowed by robots.txt (" + rules.source() + ")", v.response));
    }
    Duration crawlDelay = robots.crawlDelay(rules);
    Instant turn = delays.nextAllowed(host);
    if (turn.isAfter(clock.instant())) {
      // robots.txt was just asked, or another URL of this host: the page waits its turn.
      return turn;
    }
    FetchResponse response;
    try {
      response = politeFetch(fetcher, delays, policy, current, crawlDelay);
    } catch (FetchException e) {
      return done(v, fail(url, hops, e.kind(), e.getMessage(), null));
    }
    v.response = response;
    Instant retryAt = pacedUntil(response);
    if (retryAt != null && v.paced < MAX_PACED_RETRIES) {
      // 429 or 503 with Retry-After: the server paces us; archive the answer, ask again later.
      try {
        hops.add(store(url, response, null, metadata(url, hops, response, null)));
      } catch (IOException e) {
        return done(v, fail(url, hops, FailureKind.STORAGE, e.getMessage(), response));
      }
      // The host is already held until then: the policy read the same Retry-After.
      v.paced++;
      return null;
    }
    String location = response.redirectTarget();
    boolean badRedirect = response.isRedirect() && location == null;
    Extraction extraction = null;
    if (extract && location == null && !badRedirect) {
      extraction = extract(response);
    }
    try {
      hops.add(store(url, response, location, metadata(url, hops, response, extraction)));
    } catch (IOException e) {
      return done(v, fail(url, hops, FailureKind.STORAGE, e.getMessage(), response));
    }
    if (badRedirect) {
      return done(v, fail(url, hops, FailureKind.BAD_URL,
          "redirect to a bad Location: " + response.header("Location"), response));
    }
    if (location == null) {
      return done(v, finish(url, hops, response, extraction));
    }
    v.hop++;
    v.current = location;
    v.entered = false;
    return null;
  }

  private static Instant done(Visit v, PageOutcome outcome) {
    v.outcome = outcome;
    return null;
  }

  /** When a 429 or 503 asks for a wait of at most {@link #MAX_PACED_WAIT}, its end; else null. */
  private Instant pacedUntil(FetchResponse response) {
    if (response.status() != 429 && response.status() != 503) {
      return null;
    }
    Instant now = clock.instant();
    Instant until = RetryAfter.until(response.header("Retry-After"), now).orElse(null);
    return until == null || until.isAfter(now.plus(MAX_PACED_WAIT)) ? null : until;
  }

  /**
   * Fetches {@code url} once its host's turn has come, and books the host's next turn as the
   * {@link QueuePolicy} decides it. Each answer is judged on its own: a one-shot run keeps no
   * run of failures per host, so it backs off but never parks a host.
   */
  static FetchResponse politeFetch(Fetcher fetcher, HostDelays delays, QueuePolicy policy,
      String url, Duration crawlDelay) throws FetchException, InterruptedException {
    String host = hostOf(url);
    delays.awaitTurn(host);
    Instant next = null;
    try {
      FetchResponse response = fetcher.fetch(url, Map.of());
      next = policy.after(response.status(), response.header("Retry-After"),
          response.elapsed(), crawlDelay, 0).nextAllowedAt();
      return response;
    } catch (FetchException e) {
      next = policy.unreachable(e.kind().label(), 0).nextAllowedAt();
      throw e;
    } finally {
      delays.release(host, next == null ? policy.noRequest().nextAllowedAt() : next);
    }
  }

  /** Writes one exchange to the WARC and the catalog, with a metadata record of its timing. */
  public Hop store(String requestedUrl, FetchResponse response, String redirectLocation)
      throws IOException {
    return store(requestedUrl, response, redirectLocation,
        metadata(requestedUrl, List.of(), response, null));
  }

  /**
   * Writes one exchange to the WARC (a revisit record when the catalog already holds its
   * payload) with {@code metadata} as its metadata record, and records it in the catalog.
   */
  public Hop store(String requestedUrl, FetchResponse response, String redirectLocation,
      CaptureMetadata metadata) throws IOException {
    StoredCapture stored = warcs.write(response.exchange(), metadata);
    long id = catalog.addCapture(new CaptureRow(requestedUrl, response.url(),
        response.exchange().date(), response.status(), response.header("Content-Type"),
        response.exchange().ipAddress(), redirectLocation, stored));
    return new Hop(response.url(), response.status(), id, stored.warcFile());
  }

  /** The extractor's verdict on a final response, or null when it is no page to extract. */
  private record Extraction(Article article, FailureKind failure, String reason,
      List<String> outlinks) {}

  private Extraction extract(FetchResponse response) {
    String type = response.mediaType();
    if (response.status() < 200 || response.status() >= 400 || response.truncated()
        || (!type.isEmpty() && !type.equals("text/html") && !type.equals("application/xhtml+xml"))) {
      return null;
    }
    try {
      Map<String, String> headers = new LinkedHashMap<>();
      for (Map.Entry<String, String> h : response.headers()) {
        headers.putIfAbsent(h.getKey(), h.getValue());
      }
      // The share is taken before decoding, as in the crawl, so that however many workers
      // archive at once, the pages they decode and parse together stay within the budget.
      String coding = response.header("Content-Encoding");
      long most = coding == null || coding.isBlank()
          || coding.strip().equalsIgnoreCase("identity")
          ? Math.min(FetchResponse.MAX_PARSE_BYTES, response.exchange().responseBody().length)
          : FetchResponse.MAX_PARSE_BYTES;
      try (ParseBudget.Share share = budget.reserve(most)) {
        byte[] html = response.decodedBody();
        share.shrinkTo(html.length);
        // One DOM per page: the links are read from the tree the extractor parses.
        List<List<String>> links = new ArrayList<>(1);
        Article article = extractor.extract(html, response.url(), headers,
            page -> links.add(Outlinks.of(page)));
        return new Extraction(article, null, null, links.isEmpty() ? List.of() : links.get(0));
      }
    } catch (ExtractionException e) {
      return new Extraction(null, FailureKind.EXTRACTION, e.getMessage(), List.of());
    } catch (IOException e) {
      return new Extraction(null, FailureKind.DECODING, e.getMessage(), List.of());
    } catch (RuntimeException e) {
      // The extractor promises not to throw; if it does anyway, the crawl goes on.
      return new Extraction(null, FailureKind.EXTRACTION, "extractor error: " + e, List.of());
    }
  }

  private static CaptureMetadata metadata(String requestedUrl, List<Hop> earlierHops,
      FetchResponse response, Extraction extraction) {
    Article article = extraction == null ? null : extraction.article();
    return new CaptureMetadata(requestedUrl,
        earlierHops.stream().map(Hop::url).toList(), response.elapsed(),
        extraction == null ? List.of() : extraction.outlinks(),
        article == null ? null : article.articleSignal(),
        article == null ? null : ArticleExtractor.VERSION);
  }

  private PageOutcome finish(String url, List<Hop> hops, FetchResponse response,
      Extraction extraction) {
    Hop last = hops.get(hops.size() - 1);
    if (response.isRedirectWithoutLocation()) {
      return fail(url, hops, FailureKind.PROTOCOL, "HTTP " + response.status()
          + " redirect without Location", response);
    }
    if (response.status() >= 400 || response.status() < 200) {
      return fail(url, hops, FailureKind.HTTP_STATUS, "HTTP " + response.status(), response);
    }
    if (response.truncated()) {
      boolean tooLong = response.exchange().truncated() == Truncation.LENGTH;
      String why = tooLong
          ? "body larger than " + fetcher.options().maxBodyBytes() + " bytes (archived truncated)"
          : "body cut short: " + response.truncationReason();
      return fail(url, hops, response.truncationKind(), why, response);
    }
    String type = response.mediaType();
    if (!type.isEmpty() && !type.equals("text/html") && !type.equals("application/xhtml+xml")) {
      return fail(url, hops, FailureKind.NOT_HTML, "content type " + type, response);
    }
    if (!extract) {
      return new PageOutcome(url, hops, null, -1, null, null, response);
    }
    if (extraction == null || extraction.article() == null) {
      String reason = extraction == null ? "not extracted" : extraction.reason();
      return fail(url, hops, extraction == null || extraction.failure() == null
          ? FailureKind.EXTRACTION : extraction.failure(), reason, response);
    }
    try {
      Article article = extraction.article();
      // One transaction: the article row, its full-text entry, its story and its LSH buckets
      // (127 rows) would otherwise each commit on their own.
      long articleId = catalog.inTransaction(() -> catalog.addArticle(last.captureId(), article,
          ArticleExtractor.VERSION, clock.instant()));
      return new PageOutcome(url, hops, article, articleId, null, null, response);
    } catch (IOException e) {
      return fail(url, hops, FailureKind.STORAGE, e.getMessage(), response);
    }
  }

  private PageOutcome fail(String url, List<Hop> hops, FailureKind kind, String reason,
      FetchResponse response) {
    Long captureId = hops.isEmpty() ? null : hops.get(hops.size() - 1).captureId();
    try {
      catalog.addFailure(url, clock.instant(), kind.label(), reason, captureId);
    } catch (IOException e) {
      reason = reason + " (and the failure could not be recorded: " + e.getMessage() + ")";
    }
    return new PageOutcome(url, hops, null, -1, kind, reason, response);
  }

  static boolean isHttpUrl(String url) {
    try {
      URI u = new URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  static String hostOf(String url) {
    try {
      URI u = new URI(url);
      return u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() == -1 ? "" : ":" + u.getPort());
    } catch (URISyntaxException e) {
      return url;
    }
  }

}
