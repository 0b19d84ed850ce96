package org.newsarc.crawler.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.newsarc.crawler.fetch.FailureKind;
import org.newsarc.crawler.fetch.FetchException;
import org.newsarc.crawler.fetch.FetchResponse;
import org.newsarc.crawler.fetch.Fetcher;

/**
 * robots.txt rules per origin (scheme, host and port), fetched on first use and kept for at most
 * {@code ttl}, with the rules of RFC 9309: a 4xx answer means there are no rules (allow all);
 * a 5xx or 429 answer, or a network error, means the site is unreachable, so everything is
 * disallowed until the next try, which comes after {@code retryAfterFailure}. Up to
 * {@link #MAX_REDIRECTS} redirects are followed and at least {@link #MAX_BYTES} are parsed.
 * Every robots.txt response, redirects included, is handed to the {@link Sink} so that it is
 * archived like any other capture. Thread-safe.
 */
public final class RobotsCache {
  /** RFC 9309 asks crawlers to follow at least five redirects. */
  public static final int MAX_REDIRECTS = 5;
  /** RFC 9309 asks crawlers to parse at least 500 KiB. */
  public static final int MAX_BYTES = 512 * 1024;

  /** Receives every robots.txt exchange for archiving; may throw to report a storage failure. */
  @FunctionalInterface
  public interface Sink {
    void accept(String requestedUrl, FetchResponse response) throws IOException;
  }

  /**
   * Fetches robots.txt; lets the caller put the fetch under the same per-host politeness as
   * every other request.
   */
  @FunctionalInterface
  public interface Source {
    FetchResponse fetch(String url) throws FetchException, InterruptedException;
  }

  /**
   * Keeps fetched robots.txt answers across restarts, so that a restart within the cache
   * lifetime does not fetch robots.txt again. Implementations must be thread-safe.
   */
  public interface Store {
    /** Keeps nothing. */
    Store NONE = new Store() {
      @Override
      public Stored load(String origin) {
        return null;
      }

      @Override
      public void save(String origin, Stored stored) {}
    };

    /** The answer kept for {@code origin}, or null. */
    Stored load(String origin) throws IOException;

    void save(String origin, Stored stored) throws IOException;
  }

  /** A robots.txt answer as kept: status, Content-Type, the body to parse, when it came. */
  public record Stored(int status, String contentType, byte[] body, Instant fetchedAt) {}

  /**
   * The rules for one origin, where they came from and until when they hold.
   *
   * @param fetchFailure when robots.txt could not be fetched at all, the network failure
   *     (the host itself is then unreachable); null otherwise
   */
  public record Entry(BaseRobotRules rules, String source, Instant expires,
      FailureKind fetchFailure) {}

  private final Source source;
  private final List<String> agentNames;
  private final Clock clock;
  private final Duration ttl;
  private final Duration retryAfterFailure;
  private final Sink sink;
  private final Duration maxCrawlDelay;
  private final SimpleRobotRulesParser parser;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private volatile Store store = Store.NONE;

  /**
   * @param agentName the product token matched against User-agent lines, e.g. "newsarc"
   * @param ttl how long fetched rules are kept; RFC 9309 says at most 24 hours
   * @param retryAfterFailure how long an unreachable robots.txt blocks a host before a retry
   * @param maxCrawlDelay Crawl-delay values above this are capped to it
   */
  public RobotsCache(Fetcher fetcher, String agentName, Clock clock, Duration ttl,
      Duration retryAfterFailure, Duration maxCrawlDelay, Sink sink) {
    this(url -> fetcher.fetch(url, Map.of()), agentName, clock, ttl, retryAfterFailure,
        maxCrawlDelay, sink);
  }

  /** As above, fetching through {@code source}, e.g. one that waits for the host's turn. */
  public RobotsCache(Source source, String agentName, Clock clock, Duration ttl,
      Duration retryAfterFailure, Duration maxCrawlDelay, Sink sink) {
    this.source = source;
    this.agentNames = List.of(agentName.toLowerCase(Locale.ROOT));
    this.clock = clock;
    this.ttl = ttl.compareTo(Duration.ofHours(24)) > 0 ? Duration.ofHours(24) : ttl;
    this.retryAfterFailure = retryAfterFailure;
    this.sink = sink;
    this.maxCrawlDelay = maxCrawlDelay;
    // crawler-commons turns a Crawl-delay above its maximum into "disallow all"; newsarc
    // honours such a delay up to the cap instead (see crawlDelay), so the parser gets no cap.
    this.parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 50);
  }

  /** Keeps valid rules in {@code store} and reads them back there before fetching; returns this. */
  public RobotsCache keptIn(Store store) {
    this.store = store;
    return this;
  }

  /** True when robots.txt lets newsarc fetch {@code url}. */
  public boolean isAllowed(String url) throws IOException, InterruptedException {
    return entryFor(url).rules().isAllowed(url);
  }

  /** The rules for the origin of {@code url}, fetching robots.txt when not cached or expired. */
  public Entry entryFor(String url) throws IOException, InterruptedException {
    String origin = origin(url);
    Instant now = clock.instant();
    Entry entry = cache.get(origin);
    if (entry == null || !now.isBefore(entry.expires())) {
      // One lock per origin: a slow robots.txt holds up only its own host.
      synchronized (locks.computeIfAbsent(origin, o -> new Object())) {
        entry = cache.get(origin);
        if (entry == null || !clock.instant().isBefore(entry.expires())) {
          entry = load(origin);
          cache.put(origin, entry);
        }
      }
    }
    return entry;
  }

  /** True when rules for the origin of {@code url} are cached and not expired (no fetch needed). */
  public boolean isFresh(String url) throws IOException {
    Entry entry = cache.get(origin(url));
    return entry != null && clock.instant().isBefore(entry.expires());
  }

  /** The Crawl-delay of {@code entry}, at most the configured cap; zero when none is set. */
  public Duration crawlDelay(Entry entry) {
    long ms = entry.rules().getCrawlDelay();
    if (ms <= 0) {
      return Duration.ZERO;
    }
    Duration d = Duration.ofMillis(ms);
    return d.compareTo(maxCrawlDelay) > 0 ? maxCrawlDelay : d;
  }

  /** Forgets cached rules, so the next check fetches robots.txt again. */
  public void clear() {
    cache.clear();
  }

  private Entry load(String origin) throws IOException, InterruptedException {
    String robotsUrl = origin + "/robots.txt";
    Stored kept = keptRules(origin);
    if (kept != null) {
      Instant expires = kept.fetchedAt().plus(ttl);
      if (clock.instant().isBefore(expires)) {
        return fromStored(robotsUrl, kept, expires, " (kept from " + kept.fetchedAt() + ")");
      }
    }
    return fetch(origin, robotsUrl);
  }

  private Stored keptRules(String origin) {
    try {
      return store.load(origin);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private void keep(String origin, Stored stored) {
    try {
      store.save(origin, stored);
    } catch (IOException | RuntimeException e) {
      // Losing the copy only costs a robots.txt fetch after the next restart.
    }
  }

  private Entry fromStored(String robotsUrl, Stored s, Instant expires, String note) {
    if (s.status() >= 400) {
      return new Entry(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL),
          "robots.txt " + s.status() + ": no rules" + note, expires, null);
    }
    BaseRobotRules rules = parser.parseContent(robotsUrl, s.body(),
        s.contentType() == null ? "text/plain" : s.contentType(), agentNames);
    return new Entry(rules, "robots.txt " + s.status() + note, expires, null);
  }

  private Entry fetch(String origin, String robotsUrl) throws IOException, InterruptedException {
    String current = robotsUrl;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      FetchResponse response;
      try {
        response = source.fetch(current);
      } catch (FetchException e) {
        return unreachable(e.kind().label() + ": " + e.getMessage(), e.kind());
      }
      sink.accept(robotsUrl, response);
      int status = response.status();
      if (response.isRedirect()) {
        String next = response.redirectTarget();
        if (next == null) {
          return unreachable("bad redirect from robots.txt", null);
        }
        current = next;
        continue;
      }
      if (status >= 200 && status < 300) {
        byte[] body;
        try {
          body = wholeLines(response.decodedBody(MAX_BYTES + 1L));
        } catch (FetchException e) {
          // The host's own fault (brotli, broken gzip, a bomb): unreachable, not a crawl stop.
          return unreachable("robots.txt " + e.getMessage(), FailureKind.DECODING);
        }
        Stored stored = new Stored(status, response.header("Content-Type"), body,
            clock.instant());
        keep(origin, stored);
        return fromStored(robotsUrl, stored, clock.instant().plus(ttl), "");
      }
      if (status >= 400 && status < 500 && status != 429) {
        // "Unavailable": RFC 9309 lets the crawler access any resource.
        keep(origin, new Stored(status, null, new byte[0], clock.instant()));
        return new Entry(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL),
            "robots.txt " + status + ": no rules", clock.instant().plus(ttl), null);
      }
      return unreachable("robots.txt answered " + status, null);
    }
    return unreachable("more than " + MAX_REDIRECTS + " redirects for robots.txt", null);
  }

  /**
   * The body cut to {@link #MAX_BYTES} after its last whole line, so that a rule is never cut in
   * two ({@code Disallow: /page} read as {@code Disallow: /p}).
   */
  static byte[] wholeLines(byte[] body) {
    if (body.length <= MAX_BYTES) {
      return body;
    }
    int end = MAX_BYTES;
    boolean endsLine = body[end] == '\n' || body[end] == '\r';
    while (!endsLine && end > 0 && body[end - 1] != '\n' && body[end - 1] != '\r') {
      end--;
    }
    return Arrays.copyOf(body, end);
  }

  /** "Unreachable": RFC 9309 requires assuming complete disallow, so retry later. */
  private Entry unreachable(String why, FailureKind fetchFailure) {
    SimpleRobotRules rules = new SimpleRobotRules(RobotRulesMode.ALLOW_NONE);
    rules.setDeferVisits(true);
    return new Entry(rules, why + ": everything disallowed until retried",
        clock.instant().plus(retryAfterFailure), fetchFailure);
  }

  static String origin(String url) throws IOException {
    try {
      URI u = new URI(url);
      if (u.getScheme() == null || u.getHost() == null) {
        throw new IOException("not an absolute URL: " + url);
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      String port = u.getPort() == -1 ? "" : ":" + u.getPort();
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + port;
    } catch (URISyntaxException e) {
      throw new IOException("bad URL " + url + ": " + e.getMessage(), e);
    }
  }

}
