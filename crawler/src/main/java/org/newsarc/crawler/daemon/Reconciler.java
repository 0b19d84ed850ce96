package org.newsarc.crawler.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.newsarc.archive.HttpExchange;
import org.newsarc.archive.StoredCapture;
import org.newsarc.archive.WarcFileReader;
import org.newsarc.crawler.fetch.FetchResponse;
import org.newsarc.crawler.frontier.Frontier;
import org.newsarc.crawler.frontier.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the gap a crash can leave between the WARC and the database: a response (or revisit)
 * record flushed to the WARC whose transaction never committed. WarcArchive.open has already
 * cut any unfinished file back to its last whole record. At start, before any worker runs, every
 * WARC file not yet marked settled is read for response records the catalog does not know: one
 * of a URL still leased is recorded as if it had just been fetched, so the URL is not fetched
 * (and archived) a second time; a robots.txt record gets its catalog row. A file is marked
 * settled (durably, in table {@code settled_warcs}) only once it is closed and has been read to
 * its end, so a crash during recovery leaves it to be read again; file times play no part. A
 * torn record at the end of an unfinished file ends the scan of that file. Not thread-safe;
 * runs alone.
 */
final class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
  private final Path warcDir;
  private final Frontier frontier;
  private final CaptureRecorder recorder;
  private final org.newsarc.archive.Catalog catalog;

  Reconciler(Path warcDir, Frontier frontier, CaptureRecorder recorder,
      org.newsarc.archive.Catalog catalog) {
    this.warcDir = warcDir;
    this.frontier = frontier;
    this.recorder = recorder;
    this.catalog = catalog;
  }

  /** Records orphaned responses of {@code leased} URLs; returns how many were recovered. */
  int reconcile(List<Lease> leased) throws IOException {
    if (!Files.isDirectory(warcDir)) {
      return 0;
    }
    Map<String, Lease> byUrl = new HashMap<>();
    leased.forEach(l -> byUrl.put(l.url(), l));
    java.util.Set<String> settled = settled();
    int recovered = 0;
    for (Path file : unsettledFiles(settled)) {
      recovered += scan(file, byUrl);
      String name = file.getFileName().toString();
      if (!name.endsWith(".open") && Files.size(file) > 0) {
        markSettled(name);
      }
    }
    return recovered;
  }

  private java.util.Set<String> settled() throws IOException {
    return frontier.transaction(() -> {
      java.util.Set<String> names = new java.util.HashSet<>();
      try (java.sql.Statement st = frontier.connection().createStatement()) {
        st.execute("CREATE TABLE IF NOT EXISTS settled_warcs (name TEXT PRIMARY KEY)");
        try (ResultSet rs = st.executeQuery("SELECT name FROM settled_warcs")) {
          while (rs.next()) {
            names.add(rs.getString(1));
          }
        }
      }
      return names;
    });
  }

  private void markSettled(String name) throws IOException {
    frontier.transaction(() -> {
      try (PreparedStatement ps = frontier.connection().prepareStatement(
          "INSERT OR IGNORE INTO settled_warcs(name) VALUES (?)")) {
        ps.setString(1, name);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Every WARC file that may hold records without catalog rows, in name (= write) order. */
  private List<Path> unsettledFiles(java.util.Set<String> settled) throws IOException {
    try (Stream<Path> files = Files.list(warcDir)) {
      return files.filter(f -> {
        String n = f.getFileName().toString();
        return (n.endsWith(".warc.gz") || n.endsWith(".warc.gz.open")) && !settled.contains(n);
      }).sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
    }
  }

  private int scan(Path file, Map<String, Lease> byUrl) throws IOException {
    String name = file.getFileName().toString().replaceFirst("\\.open$", "");
    List<Orphan> orphans = new ArrayList<>();
    try (WarcReader reader = new WarcReader(file)) {
      reader.onWarning(w -> LOG.debug("{}: {}", file, w));
      Orphan pending = null;
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          LOG.info("{}: stopped reading at a torn record ({})", file, e.getMessage());
          if (pending != null) {
            // Its request record was torn; the response itself is whole.
            orphans.add(pending);
          }
          break;
        }
        long position = reader.position();
        if (pending != null) {
          orphans.add(pending.withLength(position - pending.offset()));
          pending = null;
        }
        if (next.isEmpty()) {
          break;
        }
        if (isCapture(next.get())) {
          WarcCaptureRecord capture = (WarcCaptureRecord) next.get();
          if (byUrl.containsKey(capture.target())
              && !known(capture.target(), capture.id().toString())) {
            pending = read(capture, byUrl.get(capture.target()), position, name);
          } else if (capture.target().endsWith("/robots.txt")
              && !known(capture.target(), capture.id().toString())) {
            // robots.txt has no lease: its row is all that a crash can have lost.
            pending = read(capture, null, position, name);
          }
        }
      }
    }
    int n = 0;
    for (Orphan o : orphans) {
      if (o.lease() == null) {
        recordRobots(o);
        continue;
      }
      if (byUrl.remove(o.lease().url()) != null) {
        recorder.record(o.lease(), o.response(), o.stored(), Duration.ZERO);
        LOG.info("recovered {} from {} after a crash", o.lease().url(), name);
        n++;
      }
    }
    return n;
  }

  private void recordRobots(Orphan o) throws IOException {
    FetchResponse r = o.response();
    catalog.addCapture(new org.newsarc.archive.CaptureRow(r.url(), r.url(),
        r.exchange().date(), r.status(), r.header("Content-Type"), r.exchange().ipAddress(),
        r.redirectTarget(), o.stored()));
    LOG.info("recovered the catalog row of {} after a crash", r.url());
  }

  /** A response, or a revisit (a 304, or a payload archived before). */
  private static boolean isCapture(WarcRecord record) {
    return record instanceof WarcResponse || record instanceof WarcRevisit;
  }

  private boolean known(String url, String recordId) throws IOException {
    return frontier.transaction(() -> {
      // Record ids are stored with or without their angle brackets.
      try (PreparedStatement ps = frontier.connection().prepareStatement(
          "SELECT 1 FROM captures WHERE url=? AND record_id IN (?, ?)")) {
        ps.setString(1, url);
        ps.setString(2, recordId);
        ps.setString(3, "<" + recordId + ">");
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  private Orphan read(WarcCaptureRecord record, Lease lease, long offset, String file)
      throws IOException {
    boolean revisit = record instanceof WarcRevisit;
    HttpResponse http = revisit ? ((WarcRevisit) record).http() : ((WarcResponse) record).http();
    byte[] header = http.serializeHeader();
    byte[] body = http.body().stream().readAllBytes();
    String digest = record.payloadDigest().map(d -> d.prefixedBase32()).orElse(null);
    if (revisit && http.status() != 304 && digest != null) {
      // An identical-payload revisit keeps only the headers; the worker that wrote it had the
      // whole page, and so must the decision taken for it now (its links, its article).
      byte[] original = originalBody(digest);
      if (original != null) {
        body = original;
      } else {
        LOG.warn("{}: the response that the revisit of {} refers to ({}) was not found; its"
            + " links are not followed", file, record.target(), digest);
      }
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    http.headers().map().forEach((k, vs) -> vs.forEach(v -> headers.add(Map.entry(k, v))));
    String ip = record.ipAddress().map(a -> a.getHostAddress()).orElse(null);
    HttpExchange exchange = new HttpExchange(record.target(), record.date(), ip, null,
        new byte[0], header, body, null);
    FetchResponse response = new FetchResponse(record.target(), http.status(), headers, exchange,
        Duration.ZERO);
    StoredCapture stored = new StoredCapture(file, offset, 0, "<" + record.id() + ">", digest,
        record.date(), revisit);
    return new Orphan(lease, response, stored);
  }

  /**
   * The HTTP body of the first full response with payload digest {@code digest}, as the
   * catalog locates it (in a closed or a still open WARC file); null when it is not there.
   */
  private byte[] originalBody(String digest) throws IOException {
    Optional<StoredCapture> original = catalog.storedWithPayload(digest);
    if (original.isEmpty()) {
      return null;
    }
    Path path = warcDir.resolve(original.get().warcFile());
    if (!Files.exists(path)) {
      path = warcDir.resolve(original.get().warcFile() + ".open");
    }
    if (!Files.exists(path)) {
      return null;
    }
    try (WarcFileReader reader = WarcFileReader.open(path, original.get().offset(),
        (f, offset, problem) -> { })) {
      Optional<WarcRecord> next = reader.next();
      if (next.isPresent() && next.get() instanceof WarcResponse response
          && response.payloadDigest().map(d -> d.prefixedBase32()).orElse("").equals(digest)) {
        return response.http().body().stream().readAllBytes();
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: cannot read the response at offset {}: {}", path,
          original.get().offset(), e.getMessage());
    }
    return null;
  }

  /** A response record found in the WARC with no catalog row. */
  private record Orphan(Lease lease, FetchResponse response, StoredCapture stored) {
    long offset() {
      return stored.offset();
    }

    Orphan withLength(long length) {
      return new Orphan(lease, response, new StoredCapture(stored.warcFile(), stored.offset(),
          length, stored.recordId(), stored.payloadDigest(), stored.date(), stored.revisit()));
    }
  }

}
