package org.newsarc.archive;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.WarcWriter;
import org.newsarc.archive.CaptureLookup.PriorCapture;
import org.newsarc.archive.internal.Digests;
import org.newsarc.archive.internal.GzipMembers;
import org.newsarc.archive.internal.OpenFileRecovery;
import org.newsarc.archive.internal.RecordFactory;
import org.newsarc.archive.internal.TruncatedHeader;
import org.newsarc.archive.internal.WarcFileNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes captures into gzip-per-record WARC files in one folder. A file is written as
 * {@code NAME.warc.gz.open}, begins with a warcinfo record, and is renamed to {@code NAME.warc.gz}
 * when it is closed (on {@link #close()}, or when it outgrows the size or age limit), after which
 * its CDXJ index is written beside it, from lines made as its records were appended (a file
 * left open by a crash is indexed by reading it back when it is recovered). Each capture
 * becomes a response (or revisit) record, the request record, and optionally a metadata record, linked by WARC-Concurrent-To and forced to
 * disk before {@link #write} returns. Records are compressed outside the file's lock and
 * captures finished together share one fsync (group commit). Opening a folder first recovers any {@code .open} file a
 * crash left behind. Thread-safe: writes are serialised.
 */
public final class WarcArchive implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(WarcArchive.class);
  private static final int MAX_NAME_ATTEMPTS = 1000;
  /** Bodies above this size are built into records {@link #LARGE_BUILDS} at a time. */
  static final int LARGE_BODY_BYTES = 1 << 20;
  /**
   * Building a record copies its body two or three times (block, compressed bytes), so many
   * threads writing large bodies at once would hold several times their bodies' size; two at a
   * time bound that whatever the number of writers.
   */
  static final int LARGE_BUILDS = 2;
  /**
   * Most CDXJ lines (about 250 bytes each) kept for the open file; past this its index is made
   * by reading it back when it closes, so that memory stays bounded whatever the records' size.
   */
  static final int MAX_INDEX_LINES = 100_000;

  private final Path dir;
  private final WarcOptions options;
  private final Clock clock;
  private final CaptureLookup lookup;
  private final RecordFactory records;
  private final GzipMembers gzip;
  private final WarcFileNames names;
  private final List<Path> recovered;

  private long nextSerial;
  private FileChannel channel;
  private WarcWriter writer;
  private Path openFile;
  private String fileName;
  private Instant openedAt;
  /** Counts the files opened, so that a forced position names its file. Guarded by this. */
  private long generation;
  /** How bytes reach the open file; tests put a full disk here. Guarded by this. */
  private ChannelWrites writes = FileChannel::write;
  /** Whether the last write failed for lack of space. Guarded by this. */
  private boolean full;
  private final Object syncLock = new Object();
  /** Whether a caller of awaitDurable is forcing the file now. Guarded by syncLock. */
  private boolean forcing;
  /** How the open file is forced to disk; tests slow it down or make it fail. */
  private volatile ChannelForce forces = ch -> ch.force(false);
  private final java.util.concurrent.Semaphore largeBuilds =
      new java.util.concurrent.Semaphore(LARGE_BUILDS, true);
  /** The file generation and position known to be on disk. Guarded by syncLock. */
  private long durableGeneration = -1;
  private long durableEnd;
  /** CDXJ lines of the records appended to the open file so far. Guarded by this. */
  private List<String> indexLines = new ArrayList<>();
  /** Whether the open file must be read back to be indexed when it closes. Guarded by this. */
  private boolean indexByReading;
  /** Most index lines kept in memory for one file; tests lower it. Guarded by this. */
  private int maxIndexLines = MAX_INDEX_LINES;

  private WarcArchive(Path dir, WarcOptions options, Clock clock, CaptureLookup lookup,
      List<Path> recovered, long nextSerial) {
    String host = WarcFileNames.localHost();
    this.dir = dir;
    this.options = options;
    this.clock = clock;
    this.lookup = lookup;
    this.records = new RecordFactory(options, host);
    this.gzip = new GzipMembers(options.compressionLevel(),
        GzipMembers.Engine.named(options.deflater()));
    this.names = new WarcFileNames(options.prefix(), host);
    this.recovered = List.copyOf(recovered);
    this.nextSerial = nextSerial;
  }

  /** Opens {@code dir} for writing, with no revisit lookup (every response stored whole). */
  public static WarcArchive open(Path dir, WarcOptions options, Clock clock) throws IOException {
    return open(dir, options, clock, CaptureLookup.NONE);
  }

  /**
   * Opens (creating if needed) the folder {@code dir} for writing WARC files, after recovering
   * any {@code .open} file left there by a writer that did not close. The caller must make sure
   * no other live process writes to the folder (see {@link ArchiveLock}): its open file would
   * be taken for a crashed one.
   *
   * @param lookup finds earlier captures of the same payload, for revisit records
   */
  public static WarcArchive open(Path dir, WarcOptions options, Clock clock,
      CaptureLookup lookup) throws IOException {
    Files.createDirectories(dir);
    List<Path> recovered = recoverOpenFiles(dir, options.writeCdxj());
    long serial = new WarcFileNames(options.prefix(), "").highestSerial(dir) + 1;
    return new WarcArchive(dir, options, clock, lookup, recovered, serial);
  }

  /** Recovers every {@code .open} file in {@code dir}; returns the files it kept. */
  public static List<Path> recoverOpenFiles(Path dir, boolean writeCdxj) throws IOException {
    List<Path> kept = new ArrayList<>();
    for (OpenFileRecovery.Result result : OpenFileRecovery.recoverAll(dir)) {
      if (result.file() != null) {
        kept.add(result.file());
        if (writeCdxj) {
          CdxjIndex.writeBeside(result.file());
        }
      }
    }
    return kept;
  }

  /** Writes one capture with no metadata record. */
  public StoredCapture write(HttpExchange exchange) throws IOException {
    return write(exchange, null);
  }

  /**
   * Writes one capture: a response record (or a revisit record when the lookup knows the payload
   * already, or the server answered 304), the request record, and a metadata record when
   * {@code metadata} is not null. Forces them to disk before returning.
   *
   * @return where the response or revisit record was written
   */
  public StoredCapture write(HttpExchange exchange, CaptureMetadata metadata)
      throws IOException {
    int status = exchange.status();
    WarcDigest payloadDigest = null;
    PriorCapture prior = null;
    if (status == 304) {
      // Nothing was sent again: an empty body is no payload, so it gets no digest.
      prior = lookup.latestFullCapture(exchange.targetUri()).orElse(null);
    } else {
      payloadDigest = records.digests().of(exchange.responseBody());
      if (status == 200 && exchange.responseBody().length > 0 && exchange.truncated() == null) {
        prior = lookup.firstWithPayload(Digests.label(payloadDigest)).orElse(null);
      }
    }
    boolean revisit = status == 304 || prior != null;
    boolean large = exchange.responseBody().length > LARGE_BODY_BYTES;
    if (large) {
      largeBuilds.acquireUninterruptibly();
    }
    try {
      return build(exchange, metadata, payloadDigest, prior, revisit);
    } finally {
      if (large) {
        largeBuilds.release();
      }
    }
  }

  private StoredCapture build(HttpExchange exchange, CaptureMetadata metadata,
      WarcDigest payloadDigest, PriorCapture prior, boolean revisit) throws IOException {
    // Records are built and compressed before taking the file: only the append is serialised.
    WarcRequest request = records.request(exchange);
    WarcCaptureRecord response = revisit
        ? records.revisit(exchange, request.id(), payloadDigest, prior)
        : records.response(exchange, request.id(), payloadDigest);
    ByteArrayOutputStream buf = new ByteArrayOutputStream(
        exchange.responseBody().length / 3 + 4096);
    WarcTargetRecord view = null;
    if (options.writeCdxj()) {
      try {
        view = indexView(exchange, response, records.warcDate(exchange.date()), revisit);
      } catch (RuntimeException e) {
        LOG.debug("{}: indexed by reading its file back: {}", exchange.targetUri(),
            e.getMessage());
      }
    }
    gzipMember(response, buf);
    long length = buf.size();
    gzipMember(request, buf);
    if (metadata != null) {
      gzipMember(records.metadata(exchange.targetUri(), exchange.date(), response.id(),
          metadata), buf);
    }
    Appended at = append(buf.toByteArray(), exchange.targetUri(), "capture",
        new ToIndex(view, length));
    awaitDurable(at);
    return new StoredCapture(at.fileName(), at.start(), length,
        "<" + response.id() + ">",
        payloadDigest == null ? null : Digests.label(payloadDigest), exchange.date(), revisit);
  }

  /**
   * What the index needs of the response or revisit record: a record with the same WARC header
   * fields whose block is only the HTTP header, so that making its CDXJ line reads none of the
   * body and leaves the real record unread. Null when the line could differ from what reading
   * the file back gives (a request other than GET, which the index pairs with its capture, or an
   * HTTP header without its closing blank line, which a reader would parse into the body).
   */
  private static WarcTargetRecord indexView(HttpExchange exchange, WarcCaptureRecord record,
      Instant date, boolean revisit) {
    byte[] requestHead = exchange.requestHeader();
    if (!startsWith(requestHead, "GET ")) {
      return null;
    }
    byte[] head = revisit || exchange.truncated() == null ? exchange.responseHeader()
        : TruncatedHeader.adjust(exchange.responseHeader(), exchange.responseBody().length);
    if (!endsWith(head, "\r\n\r\n") && !endsWith(head, "\n\n")) {
      return null;
    }
    WarcRecord.AbstractBuilder<? extends WarcCaptureRecord, ?> b = revisit
        ? new WarcRevisit.Builder(URI.create(record.target()))
        : new WarcResponse.Builder(URI.create(record.target()));
    b.version(record.version()).body(record.contentType(), head);
    // The builder's own field, which a WARC-Date header does not set; the record's date is this
    // instant, known without parsing its header again.
    b.date(date);
    for (Map.Entry<String, List<String>> field : record.headers().map().entrySet()) {
      if (field.getKey().equalsIgnoreCase("Content-Length")) {
        continue;
      }
      if (field.getKey().equalsIgnoreCase("WARC-Date")) {
        // The index keeps whole seconds, and jwarc parses this field back for each line:
        // without a fraction, that parse skips its slow decimal path.
        b.setHeader(field.getKey(), date.truncatedTo(ChronoUnit.SECONDS).toString());
        continue;
      }
      boolean first = true;
      for (String value : field.getValue()) {
        if (first) {
          b.setHeader(field.getKey(), value);
          first = false;
        } else {
          b.addHeader(field.getKey(), value);
        }
      }
    }
    return b.build();
  }

  private static boolean startsWith(byte[] bytes, String ascii) {
    if (bytes.length < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (bytes[i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean endsWith(byte[] bytes, String ascii) {
    int from = bytes.length - ascii.length();
    if (from < 0) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (bytes[from + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Appends {@code record} to {@code out} as one gzip member of its own. The record is written
   * uncompressed by jwarc into this thread's reused compressor (see {@link GzipMembers}); jwarc's
   * own gzip channel would make a new zlib state per record and leave it to the collector.
   */
  private void gzipMember(WarcRecord record, ByteArrayOutputStream out) throws IOException {
    try (java.io.OutputStream gz = gzip.open(out)) {
      new WarcWriter(Channels.newChannel(gz), WarcCompression.NONE).write(record);
    }
  }

  /** Writes some of {@code bytes} to {@code channel}, as {@link FileChannel#write} does. */
  @FunctionalInterface
  interface ChannelWrites {
    int write(FileChannel channel, ByteBuffer bytes) throws IOException;
  }

  /** For tests: writes go through {@code w} from now on (e.g. to fail as a full disk). */
  synchronized void writeThrough(ChannelWrites w) {
    writes = w;
  }

  /** Forces a file's written bytes to disk, as {@code FileChannel.force(false)} does. */
  @FunctionalInterface
  interface ChannelForce {
    void force(FileChannel channel) throws IOException;
  }

  /** For tests: group commits force the open file through {@code f} from now on. */
  void forceThrough(ChannelForce f) {
    forces = f;
  }

  /** For tests: keeps at most {@code n} index lines in memory for a file. */
  synchronized void maxIndexLines(int n) {
    maxIndexLines = n;
  }

  /** Where bytes were appended: the file, its generation, and the byte range. */
  private record Appended(String fileName, long generation, long start, long end) {}

  /**
   * The record an append starts with, for the index: its view (null when the file must be read
   * back to index it) and the length of its gzip member.
   */
  private record ToIndex(WarcTargetRecord view, long length) {}

  /** Appends whole, already compressed records to the open file; one writer at a time. */
  private synchronized Appended append(byte[] bytes, String targetUri, String what,
      ToIndex toIndex) throws IOException {
    closeIfTooOld();
    ensureOpen();
    long start = channel.position();
    String file = fileName;
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        writes.write(channel, b);
      }
    } catch (IOException e) {
      abandonCapture(start);
      if (DiskFullException.isDiskFull(e)) {
        full = true;
        throw new DiskFullException("disk full: cannot write the " + what + " of " + targetUri
            + "; " + file + " was cut back to its last whole record and closed, nothing"
            + " written before is lost; free some space and run the same command again", e);
      }
      throw new IOException("cannot write the " + what + " of " + targetUri + " to "
          + file + ": " + e.getMessage(), e);
    }
    full = false;
    if (toIndex != null && options.writeCdxj()) {
      index(toIndex, file, start);
    }
    Appended at = new Appended(file, generation, start, channel.position());
    if (at.end() >= options.maxFileBytes()) {
      closeCurrent();
    }
    return at;
  }

  /** Keeps the CDXJ line of a record just appended at {@code start}. Caller holds this. */
  private void index(ToIndex toIndex, String file, long start) {
    if (indexByReading) {
      return;
    }
    if (toIndex.view() == null) {
      indexLines = new ArrayList<>();
      indexByReading = true;
      return;
    }
    try {
      String line = CdxjIndex.line(toIndex.view(), file, start, toIndex.length());
      if (line != null) {
        indexLines.add(line);
      }
      if (indexLines.size() > maxIndexLines) {
        // A file of very many small records: read it back at close instead of holding them.
        indexLines = new ArrayList<>();
        indexByReading = true;
      }
    } catch (IOException | RuntimeException e) {
      // Reading the file back reports the record the way 'newsarc index' does.
      LOG.debug("indexing {} at {} when it is closed: {}", file, start, e.getMessage());
      indexLines = new ArrayList<>();
      indexByReading = true;
    }
  }

  /**
   * Group commit: returns once the bytes up to {@code at.end()} are on disk. One caller at a
   * time forces the file, outside the lock, while the others keep appending; those whose bytes
   * that force covers wait for it to end and return, and of the rest one forces again, once for
   * everything appended meanwhile. (Holding the lock through the force made callers whose bytes
   * were already on disk queue behind the next force.) A file closed since was forced when it
   * was closed. Waiting is not interrupted: an acknowledged capture must be on disk.
   */
  private void awaitDurable(Appended at) throws IOException {
    FileChannel c;
    long gen;
    long end;
    synchronized (syncLock) {
      boolean interrupted = false;
      try {
        while (!isDurable(at) && forcing) {
          try {
            syncLock.wait();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      if (isDurable(at)) {
        return;
      }
      synchronized (this) {
        if (generation != at.generation() || channel == null) {
          return; // closed (and forced) since
        }
        c = channel;
        gen = generation;
        end = channel.position();
      }
      forcing = true;
    }
    boolean forced = false;
    try {
      forces.force(c);
      forced = true;
    } catch (java.nio.channels.ClosedByInterruptException e) {
      throw new IOException("interrupted while forcing " + at.fileName() + " to disk", e);
    } catch (java.nio.channels.ClosedChannelException e) {
      return; // closed, and so forced, meanwhile (after the finally block)
    } catch (IOException e) {
      throw new IOException("cannot force " + at.fileName() + " to disk: " + e.getMessage(), e);
    } finally {
      synchronized (syncLock) {
        forcing = false;
        if (forced && (gen > durableGeneration || gen == durableGeneration && end > durableEnd)) {
          durableGeneration = gen;
          durableEnd = end;
        }
        syncLock.notifyAll();
      }
    }
  }

  /** Whether the bytes up to {@code at.end()} are known to be on disk. Caller holds syncLock. */
  private boolean isDurable(Appended at) {
    return durableGeneration > at.generation()
        || (durableGeneration == at.generation() && durableEnd >= at.end());
  }

  /**
   * Writes the metadata record of a capture written earlier by {@link #write}, for pipelines
   * that only know the outlinks and the article signal after the capture is stored. The record
   * names the response by WARC-Concurrent-To, so it may lie in a later file.
   *
   * @param stored what {@link #write} returned for the capture
   * @param targetUri the capture's URL
   */
  public void writeMetadata(StoredCapture stored, String targetUri,
      CaptureMetadata metadata) throws IOException {
    String id = stored.recordId();
    URI responseId = URI.create(id.startsWith("<") ? id.substring(1, id.length() - 1) : id);
    ByteArrayOutputStream buf = new ByteArrayOutputStream(2048);
    gzipMember(records.metadata(targetUri, stored.date(), responseId, metadata), buf);
    awaitDurable(append(buf.toByteArray(), targetUri, "metadata", null));
  }

  /** Closes the current file if it has been open longer than the age limit. */
  public synchronized void rotateIfDue() throws IOException {
    closeIfTooOld();
  }

  /** The folder the files are written to. */
  public Path directory() {
    return dir;
  }

  /** The options this archive writes with. */
  public WarcOptions options() {
    return options;
  }

  /**
   * The library that deflates the records, "zlib" or "libdeflate" (what the options' "auto"
   * came to).
   */
  public String deflater() {
    return gzip.engine().label();
  }

  /** Files that were left open by an earlier writer and recovered when this one opened. */
  public List<Path> recoveredFiles() {
    return recovered;
  }

  /** Name of the file being written now, or null when none is open. */
  public synchronized String currentFileName() {
    return fileName;
  }

  @Override
  public synchronized void close() throws IOException {
    closeCurrent();
  }

  private void closeIfTooOld() throws IOException {
    if (writer != null && Duration.between(openedAt, clock.instant())
        .compareTo(options.maxFileAge()) >= 0) {
      closeCurrent();
    }
  }

  private void ensureOpen() throws IOException {
    if (writer != null) {
      return;
    }
    Instant now = clock.instant();
    for (int attempt = 0; ; attempt++) {
      String name = names.name(now, nextSerial++);
      Path path = dir.resolve(name + WarcFileNames.OPEN_SUFFIX);
      try {
        channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        if (attempt < MAX_NAME_ATTEMPTS) {
          continue; // another writer took this serial
        }
        throw new IOException("no free WARC file name in " + dir + " after " + name, e);
      }
      if (Files.exists(dir.resolve(name))) {
        channel.close();
        Files.delete(path);
        continue;
      }
      openFile = path;
      fileName = name;
      openedAt = now;
      indexLines = new ArrayList<>();
      indexByReading = false;
      break;
    }
    writer = new WarcWriter(channel, WarcCompression.GZIP);
    try {
      ByteArrayOutputStream info = new ByteArrayOutputStream(1024);
      gzipMember(records.warcinfo(fileName, now), info);
      ByteBuffer b = ByteBuffer.wrap(info.toByteArray());
      while (b.hasRemaining()) {
        writes.write(channel, b);
      }
    } catch (IOException e) {
      // The new file holds at most part of its warcinfo record: nothing worth keeping.
      discardNewFile();
      if (DiskFullException.isDiskFull(e)) {
        full = true;
        throw new DiskFullException("disk full: cannot start a new WARC file in " + dir
            + " (the empty file was removed); free some space and run the same command again",
            e);
      }
      throw e;
    }
    generation++;
  }

  /**
   * After a failed write (disk full, I/O error): cuts the file back to where the capture began
   * and closes it, so that it holds only whole records; the next write starts a new file.
   */
  private void abandonCapture(long start) {
    try {
      channel.truncate(start);
      closeCurrent();
    } catch (IOException | RuntimeException e) {
      // The .open file stays; the next start-up recovers it.
      LOG.error("could not close {} after a failed write: {}", openFile, e.getMessage());
      writer = null;
      channel = null;
      openFile = null;
      fileName = null;
    }
  }

  private void discardNewFile() {
    Path path = openFile;
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing {}: {}", path, e.getMessage());
    }
    writer = null;
    channel = null;
    openFile = null;
    fileName = null;
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Left for the next start-up, which removes a .open file without whole records.
      LOG.error("could not remove {}: {}", path, e.getMessage());
    }
  }

  /**
   * True when the last write failed for lack of disk space (and none has succeeded since):
   * callers stop starting new work instead of fetching what cannot be stored.
   */
  public synchronized boolean diskFull() {
    return full;
  }

  private void closeCurrent() throws IOException {
    if (writer == null) {
      return;
    }
    try {
      channel.force(true);
      writer.close();
    } finally {
      writer = null;
      channel = null;
    }
    Path closed = dir.resolve(fileName);
    Files.move(openFile, closed, StandardCopyOption.ATOMIC_MOVE);
    openFile = null;
    fileName = null;
    List<String> lines = indexLines;
    boolean byReading = indexByReading;
    indexLines = new ArrayList<>();
    if (options.writeCdxj()) {
      try {
        if (byReading) {
          CdxjIndex.writeBeside(closed);
        } else {
          CdxjIndex.writeBeside(closed, lines);
        }
      } catch (IOException e) {
        // The WARC file is safe; 'newsarc index' can rebuild the index later.
        LOG.warn("could not write the CDXJ index of {}: {}", closed, e.getMessage());
      }
    }
  }
}
