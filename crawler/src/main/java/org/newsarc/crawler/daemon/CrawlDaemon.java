package org.newsarc.crawler.daemon;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.newsarc.archive.ArchiveLock;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.WarcArchive;
import org.newsarc.archive.WarcOptions;
import org.newsarc.crawler.capture.PageOutcome;
import org.newsarc.crawler.config.CrawlConfig;
import org.newsarc.crawler.fetch.FailureKind;
import org.newsarc.crawler.fetch.FetchOptions;
import org.newsarc.crawler.fetch.Fetcher;
import org.newsarc.crawler.frontier.AddResult;
import org.newsarc.crawler.frontier.Frontier;
import org.newsarc.crawler.frontier.FrontierReport;
import org.newsarc.crawler.frontier.Lease;
import org.newsarc.crawler.frontier.QueueKeys;
import org.newsarc.crawler.frontier.UrlNormalizer;
import org.newsarc.crawler.politeness.QueuePolicy;
import org.newsarc.crawler.politeness.Sleeper;
import org.newsarc.crawler.robots.RobotsCache;
import org.newsarc.crawler.scope.Scope;
import org.newsarc.crawler.status.CrawlStats;
import org.newsarc.crawler.status.JvmTimes;
import org.newsarc.crawler.status.StatusServer;
import org.newsarc.crawler.status.StatusSnapshot;
import org.newsarc.extractor.ArticleExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl daemon: opens the WARC folder, the catalog with its frontier, the fetcher and the
 * robots cache for one {@link CrawlConfig}; on {@link #run} it recovers from any crash, queues
 * the seeds, serves the status endpoint and runs the workers until the {@link StopSignal} says
 * stop, then lets in-flight fetches finish. Opened with {@link #openRun} instead, the same
 * engine does bounded runs ({@link #archive}, for {@code newsarc archive}) over a run-scoped
 * frontier. {@link #close} closes the WARC file (renaming it to its final name) and the
 * database. Not thread-safe: one thread opens, runs and closes it.
 */
public final class CrawlDaemon implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(CrawlDaemon.class);
  /** The most captures in one catalog transaction. */
  private static final int GROUP_MAX = 32;
  /** How long a catalog transaction may wait for captures that workers are processing. */
  private static final long GROUP_WAIT_MILLIS = 3;
  /** Name of the catalog and frontier database inside the output folder. */
  public static final String DATABASE = "newsarc.db";
  /** With exit-when-idle, queues held back longer than this do not keep the crawl running. */
  static final Duration IDLE_HORIZON = Duration.ofMinutes(1);

  private final CrawlConfig config;
  private final List<String> seeds;
  private final ArchiveLock lock;
  private final WarcArchive warcs;
  private final Catalog catalog;
  private final Frontier frontier;
  private final Fetcher fetcher;
  private final OutcomeLog log;
  private final CrawlStats stats;
  private final Admission admission;
  private final CommitGroup commits;
  private final CaptureRecorder recorder;
  private final RobotsCache robots;
  private final QueuePolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Path out;
  private volatile StatusServer status;
  private volatile Consumer<String> progress;
  private Duration progressEvery = Duration.ofSeconds(5);

  /** Whether this is a bounded run over a run-scoped frontier ({@link #openRun}). */
  private final boolean bounded;
  private boolean reconciled;

  private CrawlDaemon(CrawlConfig config, List<String> seeds, Path out, FetchOptions fetch,
      Clock clock, Sleeper sleeper, ArchiveLock lock, WarcArchive warcs, Catalog catalog,
      boolean bounded, boolean extract) throws IOException {
    this.bounded = bounded;
    this.config = config;
    this.lock = lock;
    this.seeds = List.copyOf(seeds);
    this.out = out;
    this.clock = clock;
    this.sleeper = sleeper;
    this.warcs = warcs;
    this.catalog = catalog;
    this.frontier = bounded
        ? Frontier.openRunScoped(catalog, config.politeness().maxInFlightPerQueue(), clock)
        : Frontier.open(catalog, config.politeness().maxInFlightPerQueue(), clock);
    // A bounded run reports each URL itself; only the crawl keeps a fetch log.
    this.log = bounded ? null : new OutcomeLog(out.resolve("logs"),
        config.output().logMaxFileBytes(), config.output().logKeepFiles());
    this.fetcher = new Fetcher(fetch, clock);
    this.stats = new CrawlStats(clock);
    this.robots = new RobotsCache(fetcher, config.identity().name(), clock,
        config.robots().cacheTtl(), config.robots().retryUnreachableAfter(),
        config.politeness().maxCrawlDelay(), this::archiveRobots)
        .keptIn(new RobotsStore(frontier));
    this.policy = new QueuePolicy(config.politeness(), clock, RandomGenerator.getDefault());
    Scope scope = new Scope(config.scope(), seeds, clock);
    this.admission = new Admission(frontier, scope, config.scope(), new UrlNormalizer(),
        new QueueKeys(config.politeness().queueByDomain()), clock);
    ResponseRules rules = new ResponseRules(
        new ResponseProcessor(new ArticleExtractor(), config.discovery(), bounded,
            stats.stages()),
        new RecrawlSchedule(config.recrawl()), policy, config.politeness(), config.fetch(), clock,
        extract, config.scope().maxDepth());
    this.commits = new CommitGroup(frontier, catalog, GROUP_MAX, GROUP_WAIT_MILLIS);
    this.recorder = new CaptureRecorder(frontier, catalog, commits, warcs, admission, rules,
        clock, stats.stages());
  }

  /**
   * Opens the daemon's storage for {@code config}.
   *
   * @param outputDir the output folder (the config's output.directory, already resolved)
   * @throws IllegalArgumentException when the config has no usable contact or no seeds
   */
  public static CrawlDaemon open(CrawlConfig config, List<String> seeds, Path outputDir,
      String version, Clock clock, Sleeper sleeper) throws IOException {
    if (!config.identity().hasUsableContact()) {
      throw new IllegalArgumentException("identity.contact must be an http(s) URL or a mailto:"
          + " address where site owners can reach the operator; newsarc does not crawl"
          + " anonymously");
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("no seeds: give seeds.urls or seeds.files");
    }
    var f = config.fetch();
    FetchOptions fetch = FetchOptions.defaults(FetchOptions.userAgent(version,
            config.identity().contact()).replaceFirst("^newsarc/", config.identity().name() + "/"))
        .withTimeouts(f.connectTimeout(), f.readTimeout(), f.totalTimeout())
        .withMaxBodyBytes(f.maxBodyBytes()).withAllowedAddresses(f.allowAddresses());
    WarcOptions options = WarcOptions.defaults().newBuilder()
        .prefix(config.output().warcPrefix())
        .maxFileBytes(config.output().warcMaxFileBytes())
        .maxFileAge(config.output().warcMaxFileAge())
        .version(config.output().warcVersion())
        .digestAlgorithm(config.output().warcDigest())
        .compressionLevel(config.output().warcGzipLevel())
        .deflater(config.output().warcDeflate())
        .software("newsarc/" + version)
        .operator(config.identity().operator() != null ? config.identity().operator()
            : config.identity().contact())
        .build();
    return openStorage(config, seeds, outputDir, fetch, options, clock, sleeper, false, true);
  }

  /**
   * Opens the engine for bounded runs ({@code archive}): the same fetcher, robots cache and
   * robots.txt store, politeness, commit path and reconciler as a crawl, over a run-scoped
   * frontier that holds only what {@link #archive} is given and is gone when the daemon
   * closes; the crawl's own queue in the same database is not touched. No contact is required.
   *
   * @param extract whether articles are extracted (else {@code reindex} does it later)
   */
  public static CrawlDaemon openRun(CrawlConfig config, FetchOptions fetch, Path outputDir,
      WarcOptions warc, boolean extract, Clock clock, Sleeper sleeper) throws IOException {
    return openStorage(config, List.of(), outputDir, fetch, warc, clock, sleeper, true, extract);
  }

  private static CrawlDaemon openStorage(CrawlConfig config, List<String> seeds, Path outputDir,
      FetchOptions fetch, WarcOptions options, Clock clock, Sleeper sleeper, boolean bounded,
      boolean extract) throws IOException {
    // One process per output folder; the lock goes when the process does, even after kill -9.
    ArchiveLock lock = ArchiveLock.acquire(outputDir);
    Catalog catalog = null;
    WarcArchive warcs = null;
    try {
      catalog = Catalog.open(outputDir.resolve(DATABASE));
      // Opening recovers any .open file a crash left; the catalog turns repeats into revisits.
      warcs = WarcArchive.open(outputDir.resolve("warcs"), options, clock, catalog);
      return new CrawlDaemon(config, seeds, outputDir, fetch, clock, sleeper, lock, warcs,
          catalog, bounded, extract);
    } catch (IOException | RuntimeException e) {
      if (warcs != null) {
        warcs.close();
      }
      if (catalog != null) {
        catalog.close();
      }
      lock.close();
      throw e;
    }
  }

  /** Runs the crawl until {@code stop} says stop; waits for in-flight fetches to finish. */
  public CrawlSummary run(StopSignal stop, boolean exitWhenIdle)
      throws IOException, InterruptedException {
    if (bounded) {
      throw new IllegalStateException("a daemon opened for bounded runs cannot crawl");
    }
    List<Lease> leased = frontier.leased();
    int recovered = new Reconciler(warcs.directory(), frontier, recorder, catalog)
        .reconcile(leased);
    int requeued = frontier.requeueLeased();
    if (!leased.isEmpty()) {
      LOG.info("resuming after an unclean stop: {} response(s) recovered from the WARC,"
          + " {} URL(s) queued again", recovered, requeued);
    }
    for (String seed : seeds) {
      admission.seed(seed);
    }
    LOG.info("WARC records deflated by {} at level {}", warcs.deflater(),
        warcs.options().compressionLevel());
    if (config.status().enabled()) {
      status = StatusServer.start(config.status().port(), () -> statusTree(stop));
      LOG.info("status on http://127.0.0.1:{}/status and /metrics", status.port());
    }
    CrawlWorker.Parts parts = new CrawlWorker.Parts(frontier, catalog, fetcher, robots, warcs,
        recorder, admission, policy, stats, log, stop, clock, sleeper,
        config.discovery().robotsSitemaps(), config.politeness().maxAttempts());
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < config.politeness().workers(); i++) {
      Thread t = new Thread(new CrawlWorker(parts), "newsarc-worker-" + i);
      t.start();
      workers.add(t);
    }
    Instant lastProgress = clock.instant();
    while (workers.stream().anyMatch(Thread::isAlive)) {
      Consumer<String> show = progress;
      if (show != null && !clock.instant().isBefore(lastProgress.plus(progressEvery))) {
        lastProgress = clock.instant();
        show.accept(progressLine());
      }
      if (exitWhenIdle && !stop.stopping() && frontier.idle(IDLE_HORIZON)) {
        stop.request("nothing left to fetch now");
      }
      workers.get(0).join(Duration.ofMillis(200).toMillis());
      stop.stopping();
      warcs.rotateIfDue();
    }
    LOG.info("catalog: {} capture(s) committed in {} transaction(s), {} ms CPU in them",
        commits.works(), commits.groups(), commits.cpuNanos() / 1_000_000);
    String stages = stats.stages().perFetch(stats.fetches());
    if (stages != null) {
      LOG.info("workers: {}; {}", stages, JvmTimes.perFetch(stats.fetches()));
    }
    return new CrawlSummary(stats.fetches(), stats.articles(), recovered, requeued,
        stop.reason());
  }

  /**
   * Hands a one-line summary (pages, rate, queues ready/waiting/parked, errors) to
   * {@code line} every {@code every} while {@link #run} runs; null turns it off.
   */
  public void onProgress(Consumer<String> line, Duration every) {
    this.progressEvery = every;
    this.progress = line;
  }

  /**
   * The one-line summary, e.g.
   * {@code 1200 pages, 41.3/s, queues 12 ready / 80 waiting / 1 parked, 3 errors}.
   */
  String progressLine() throws IOException {
    FrontierReport r = FrontierReport.of(frontier, clock.instant(), Integer.MAX_VALUE);
    long parked = r.held().stream().filter(FrontierReport.HeldQueue::parked).count();
    long errors = stats.errors().values().stream().mapToLong(Long::longValue).sum();
    return String.format("%d pages, %.1f/s, queues %d ready / %d waiting / %d parked, %d errors",
        stats.fetches(), stats.pagesPerSecond(), r.readyQueues(),
        Math.max(0, r.queues() - r.readyQueues() - parked), parked, errors);
  }

  /** The status tree served on /status. */
  public Map<String, Object> statusTree(StopSignal stop) throws IOException {
    return StatusSnapshot.of(stats, FrontierReport.of(frontier, clock.instant(), 50),
        admission.refusals(), stop.reason(), clock);
  }

  /** The port the status endpoint listens on, or -1 when it is off. */
  public int statusPort() {
    StatusServer s = status;
    return s == null ? -1 : s.port();
  }

  public Frontier frontier() {
    return frontier;
  }

  public Path outputDirectory() {
    return out;
  }

  /** Archives one robots.txt exchange: WARC record and catalog row. */
  private void archiveRobots(String requestedUrl, org.newsarc.crawler.fetch.FetchResponse r)
      throws IOException {
    recorder.recordUnleased(requestedUrl, r);
  }

  /**
   * Archives an exchange fetched outside the engine, as robots.txt is: its WARC records and
   * catalog row. Returns the capture's catalog row.
   */
  public long store(String requestedUrl, org.newsarc.crawler.fetch.FetchResponse r)
      throws IOException {
    return recorder.recordUnleased(requestedUrl, r).captureId();
  }

  /** Told about each input of {@link #archive} as it finishes, one call at a time. */
  public interface OutcomeListener {
    void finished(int index, PageOutcome outcome);
  }

  /**
   * One bounded run: fetches and archives each of {@code urls} (and, when the configured
   * scope's max depth is above 0, the pages they link to on their own site up to that many
   * link hops, each once, reported after the inputs as discovered; see {@link RunLinks}) with
   * the configured workers, different hosts in parallel, each host at the
   * configured pace; hands each outcome to {@code listener} as it is known and returns them in
   * input order. A URL given twice is fetched twice. The first run of a daemon reconciles the
   * WARC files with the catalog first, as a crawl does at start.
   *
   * @throws InterruptedException when interrupted; the inputs not decided yet are left out
   */
  public List<PageOutcome> archive(List<String> urls, OutcomeListener listener)
      throws IOException, InterruptedException {
    if (!bounded) {
      throw new IllegalStateException("open the daemon with openRun for bounded runs");
    }
    if (!reconciled) {
      // A run-scoped frontier holds no leases: what a crash can have left is robots.txt rows.
      new Reconciler(warcs.directory(), frontier, recorder, catalog).reconcile(List.of());
      reconciled = true;
    }
    frontier.clearRun();
    RunLinks links = config.scope().maxDepth() > 0 ? new RunLinks(urls) : null;
    admission.followLinks(links);
    ArchiveOutcomes outcomes = new ArchiveOutcomes(urls, links, catalog, clock, MAX_PACED_WAIT,
        fetcher.options().addresses(), listener::finished);
    // All inputs are queued in one transaction (one commit, not one per URL); the ones that
    // cannot be are reported after it, so that no outcome is decided under the catalog's lock.
    boolean full = warcs.diskFull();
    List<Boolean> queued = frontier.transaction(() -> {
      List<Boolean> added = new ArrayList<>(urls.size());
      for (int i = 0; i < urls.size(); i++) {
        String url = urls.get(i);
        added.add(!full && isHttpUrl(url) && admission.seed(url, i) == AddResult.ADDED);
      }
      return added;
    });
    for (int i = 0; i < urls.size(); i++) {
      String url = urls.get(i);
      if (queued.get(i)) {
        continue;
      }
      if (full) {
        outcomes.failUnfetched(i, FailureKind.STORAGE, DISK_FULL);
      } else if (!isHttpUrl(url)) {
        outcomes.failUnfetched(i, FailureKind.BAD_URL, "not an absolute http(s) URL: " + url);
      } else {
        outcomes.failUnfetched(i, FailureKind.BAD_URL, "not a URL that can be fetched: " + url);
      }
    }
    StopSignal stop = new StopSignal(clock, -1, null);
    CrawlWorker.Parts parts = new CrawlWorker.Parts(frontier, catalog, fetcher, robots, warcs,
        recorder, admission, policy, stats, null, stop, clock, sleeper, false, 1, outcomes);
    List<Thread> workers = new ArrayList<>();
    // Links followed may bring more hosts than the inputs name.
    int n = links != null ? config.politeness().workers()
        : Math.min(config.politeness().workers(), Math.max(1, outcomes.remaining()));
    for (int i = 0; i < n && outcomes.remaining() > 0; i++) {
      Thread t = new Thread(new CrawlWorker(parts), "newsarc-archive-" + i);
      t.start();
      workers.add(t);
    }
    try {
      while (outcomes.remaining() > 0 && !stop.stopping()) {
        outcomes.awaitChange(Duration.ofMillis(200));
        if (outcomes.remaining() > 0 && frontier.idle(RUN_IDLE_HORIZON)) {
          stop.request("nothing left that can be fetched now");
        }
        warcs.rotateIfDue();
      }
    } finally {
      stop.request("run over");
      for (Thread t : workers) {
        t.join();
      }
    }
    String why = warcs.diskFull() ? DISK_FULL
        : stop.reason().startsWith("storage error") ? stop.reason()
        : "not fetched: its host is held back (" + stop.reason() + ")";
    FailureKind kind = warcs.diskFull() || stop.reason().startsWith("storage error")
        ? FailureKind.STORAGE : FailureKind.NETWORK;
    for (int i : outcomes.undecided()) {
      outcomes.failUnfetched(i, kind, why);
    }
    return outcomes.outcomes();
  }

  /** The longest Retry-After a bounded run waits for; a longer one fails the URL. */
  public static final Duration MAX_PACED_WAIT = Duration.ofSeconds(60);
  /** A bounded run ends when no URL left can be fetched within this (its hosts are parked). */
  static final Duration RUN_IDLE_HORIZON = Duration.ofMinutes(2);
  private static final String DISK_FULL = "disk full: not archived; free some space and run the"
      + " same command again";

  static boolean isHttpUrl(String url) {
    try {
      java.net.URI u = new java.net.URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  public Path catalogFile() {
    return catalog.file();
  }

  public Path warcDirectory() {
    return warcs.directory();
  }

  @Override
  public void close() throws IOException {
    try {
      if (status != null) {
        status.close();
      }
      fetcher.close();
      if (log != null) {
        log.close();
      }
      warcs.close();
    } finally {
      try {
        catalog.close();
      } finally {
        lock.close();
      }
    }
  }
}
