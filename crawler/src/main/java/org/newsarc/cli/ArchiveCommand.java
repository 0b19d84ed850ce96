package org.newsarc.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsarc.archive.WarcOptions;
import org.newsarc.crawler.capture.ArchiveSession;
import org.newsarc.crawler.capture.PageOutcome;
import org.newsarc.crawler.fetch.FetchOptions;
import org.newsarc.crawler.fetch.UrlText;
import org.newsarc.crawler.politeness.Sleeper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsarc archive}: fetch, archive and extract the given URLs now. */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    description = {
        "Archive these pages now: WARC, catalog rows and extracted articles.",
        "",
        "Fetches each URL (following redirects, obeying robots.txt, waiting between requests"
            + " to one host), writes every HTTP exchange to a WARC file in DIR/warcs/, extracts"
            + " the article from each HTML page and stores it in DIR/newsarc.db.",
        "Different hosts are fetched in parallel (--workers); each host gets one request at a"
            + " time. A line per URL is printed as soon as it finishes, so lines may come in"
            + " another order than the input; the summary and --json keep input order."
            + " On a terminal, stderr shows done/total, rate and ETA.",
        "It runs the engine of 'newsarc crawl' over just these URLs (nothing else is"
            + " discovered unless --follow-links is given); each is fetched again on every run."
            + " Running it again on the same DIR adds a new WARC file and new rows.",
        "With --follow-links N, the pages these link to are archived too, up to N link hops,"
            + " on the same site as the input they descend from (its host, or the host it"
            + " redirected to; www. ignored), each URL once per run, with the same robots.txt"
            + " and delays. Their lines come after or among the inputs', marked with the input"
            + " they came from.",
        "Exit code: 0 when every URL given was archived, 1 when some failed, 2 on usage"
            + " errors, 3 when the disk filled up. Pages found by --follow-links are reported"
            + " but do not change the exit code, except a full disk."},
    footer = {"", "Examples:",
        "  newsarc archive https://example.org/news/2024/05/story.html",
        "  newsarc archive --out my-archive -i urls.txt --contact mailto:me@example.org",
        "  newsarc archive --json --delay 2s URL1 URL2 > result.json"})
public final class ArchiveCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "URL", arity = "0..*", description = "URLs to archive.")
  List<String> urls = new ArrayList<>();

  @Option(names = {"-i", "--input"}, paramLabel = "FILE",
      description = "Read more URLs from FILE, one per line ('-' for standard input);"
          + " blank lines and lines starting with # are skipped.")
  Path input;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "newsarc-data",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--json", description = "Print one machine-readable JSON summary instead.")
  boolean json;

  @Option(names = "--jsonl", description = "Print one JSON line per URL as it finishes, and no"
      + " summary.")
  boolean jsonl;

  @Option(names = "--no-extract", negatable = false,
      description = "Archive (WARC and catalog) without extracting articles; run"
          + " 'newsarc reindex' later to fill them in.")
  boolean noExtract;

  @Option(names = "--follow-links", paramLabel = "N", defaultValue = "0",
      description = "Also archive the pages linked from the given ones, up to N link hops"
          + " away, on the same site (default: ${DEFAULT-VALUE}, none; at most "
          + MAX_FOLLOW_LINKS + ").")
  int followLinks;

  /** The deepest --follow-links accepted: each hop can multiply the pages by hundreds. */
  static final int MAX_FOLLOW_LINKS = 5;

  @Option(names = "--workers", paramLabel = "N", defaultValue = "8",
      description = "Hosts fetched in parallel; each host still gets one request at a time"
          + " (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--contact", paramLabel = "URL",
      description = "A URL or mailto: where site owners can reach you; added to the User-Agent.")
  String contact;

  @Option(names = "--allow-addresses", paramLabel = "CIDR", split = ",",
      description = "Also fetch from these private or loopback address ranges, e.g."
          + " 127.0.3.0/24 (default: public addresses only; redirects to any other private"
          + " address are still refused).")
  List<String> allowAddresses = new ArrayList<>();

  @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "1s",
      converter = DurationConverter.class,
      description = "Least time between two requests to one host (default: ${DEFAULT-VALUE})."
          + " A larger robots.txt Crawl-delay wins.")
  Duration delay;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
      converter = DurationConverter.class,
      description = "Most time one request may take, body included (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  // 8 MiB, as in a crawl: each worker may hold a body twice, so 32 workers stay under 1 GB.
  @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "8388608",
      description = "Bodies longer than this are archived truncated and reported as too large"
          + " (default: ${DEFAULT-VALUE}, 8 MiB; each worker may hold a body twice, so raise"
          + " it only with the heap).")
  long maxBytes;

  @Option(names = "--warc-version", paramLabel = "V", defaultValue = "1.1",
      description = "WARC format version, 1.1 or 1.0 (default: ${DEFAULT-VALUE}).")
  String warcVersion;

  @Option(names = "--warc-digest", paramLabel = "ALG", defaultValue = "sha1",
      description = "Digest for WARC-Block-Digest and WARC-Payload-Digest: sha1 (base32),"
          + " sha256 or sha512 (default: ${DEFAULT-VALUE}).")
  String warcDigest;

  @Option(names = "--warc-gzip-level", paramLabel = "N", defaultValue = "6",
      description = "zlib level of each gzipped WARC record, 1 (fastest) to 9 (smallest)"
          + " (default: ${DEFAULT-VALUE}, zlib's own; docs/performance.md has the trade-off).")
  int warcGzipLevel;

  @Option(names = "--warc-deflate", paramLabel = "LIB", defaultValue = "auto",
      description = "Library that deflates the WARC records: auto (libdeflate when the system"
          + " has it, Debian's libdeflate0, else zlib), zlib or libdeflate (default:"
          + " ${DEFAULT-VALUE}). Both write standard gzip members at the same levels.")
  String warcDeflate;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(urls);
    if (input != null) {
      all.addAll(readUrls(input));
    }
    if (all.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no URL given (name URLs or use -i FILE)");
    }
    if (workers < 1 || workers > 256) {
      throw new ParameterException(spec.commandLine(),
          "--workers must be between 1 and 256, not " + workers);
    }
    if (followLinks < 0 || followLinks > MAX_FOLLOW_LINKS) {
      throw new ParameterException(spec.commandLine(),
          "--follow-links must be between 0 and " + MAX_FOLLOW_LINKS + ", not " + followLinks);
    }
    if (warcGzipLevel < 1 || warcGzipLevel > 9) {
      throw new ParameterException(spec.commandLine(),
          "--warc-gzip-level must be between 1 and 9, not " + warcGzipLevel);
    }
    if (json && jsonl) {
      throw new ParameterException(spec.commandLine(), "choose one of --json and --jsonl");
    }
    FetchOptions fetch = fetchOptions();
    String outProblem = OutputFolder.problem(out);
    if (outProblem != null) {
      throw new ParameterException(spec.commandLine(), "--out: " + outProblem);
    }
    if (contact == null) {
      spec.commandLine().getErr().println("newsarc: warning: no --contact given; site owners"
          + " cannot reach you (give --contact mailto:you@example.org or an https URL)");
      spec.commandLine().getErr().flush();
    }
    PrintWriter stdout = spec.commandLine().getOut();
    OutcomeReport report = new OutcomeReport();
    WarcOptions warc;
    try {
      warc = WarcOptions.defaults().newBuilder().software("newsarc/" + Version.version())
          .operator(contact).version(warcVersion).digestAlgorithm(warcDigest)
          .compressionLevel(warcGzipLevel).deflater(warcDeflate).build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (ArchiveSession session = ArchiveSession.open(out, fetch, delay, warc, workers,
        !noExtract, followLinks, Clock.systemUTC(), Sleeper.SYSTEM)) {
      // An IDN host goes out in punycode; a URL that is not one is left for the archiver to
      // report as bad-url.
      List<String> ascii = new ArrayList<>(all.size());
      for (String url : all) {
        String a = UrlText.ascii(url.strip());
        ascii.add(a == null ? url.strip() : a);
      }
      Progress progress = Progress.onTerminal(all.size(), Clock.systemUTC());
      List<PageOutcome> outcomes = session.archiveAll(ascii, (index, outcome) -> {
        progress.clear();
        if (jsonl) {
          try {
            stdout.println(OutcomeReport.jsonLine(outcome));
          } catch (IOException e) {
            stdout.println("{\"url\":\"?\",\"error\":\"cannot write JSON\"}");
          }
        } else if (!json) {
          stdout.println(OutcomeReport.line(outcome));
        }
        stdout.flush();
        if (!outcome.discovered()) {
          // The display counts the URLs given; pages found on the way are extra.
          progress.step(outcome.ok());
        }
      });
      progress.clear();
      outcomes.forEach(report::add);
      if (json) {
        report.printJson(stdout, session);
      } else if (!jsonl) {
        report.printSummary(stdout, session);
      }
      long full = outcomes.stream().filter(o -> o.reason() != null
          && o.reason().startsWith("disk full")).count();
      if (full > 0) {
        spec.commandLine().getErr().println("newsarc: stopped: disk full; " + full + " URL(s)"
            + " not archived. The WARC files hold only whole records and the catalog matches"
            + " them: free some space and run the same command again.");
        spec.commandLine().getErr().flush();
        return DISK_FULL_EXIT;
      }
    }
    return report.failures() == 0 ? 0 : 1;
  }

  /** The exit code when the disk filled up: distinct, so that scripts can wait and resume. */
  static final int DISK_FULL_EXIT = 3;

  private FetchOptions fetchOptions() {
    if (timeout.isZero() || timeout.isNegative()) {
      throw new ParameterException(spec.commandLine(),
          "--timeout must be more than zero (0 would mean no timeout at all): " + timeout);
    }
    if (maxBytes <= 0) {
      throw new ParameterException(spec.commandLine(), "--max-bytes must be positive: " + maxBytes);
    }
    if (contact != null && !isContact(contact)) {
      throw new ParameterException(spec.commandLine(), "--contact must be an http(s) URL or a"
          + " mailto: address, e.g. mailto:you@example.org: " + contact);
    }
    try {
      return FetchOptions.defaults(FetchOptions.userAgent(Version.version(), contact))
          .withTimeouts(min(Duration.ofSeconds(10), timeout), min(Duration.ofSeconds(30), timeout),
              timeout)
          .withMaxBodyBytes(maxBytes).withAllowedAddresses(allowAddresses);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--allow-addresses: " + e.getMessage());
    }
  }

  /** An http(s) URL with a host, or mailto: with an address. */
  static boolean isContact(String value) {
    String v = value.strip();
    if (v.regionMatches(true, 0, "mailto:", 0, 7)) {
      return v.length() > 7 && v.indexOf('@') > 7 && !v.contains(" ");
    }
    return UrlText.problem(v) == null;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static List<String> readUrls(Path file) throws IOException {
    List<String> urls = new ArrayList<>();
    BufferedReader reader = file.toString().equals("-")
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(file, StandardCharsets.UTF_8);
    try (reader) {
      String line;
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          urls.add(line);
        }
      }
    }
    return urls;
  }
}
