package org.newsarc.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.newsarc.archive.internal.Digests;
import org.newsarc.archive.internal.HttpBlock;
import org.newsarc.archive.internal.Printable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the HTTP responses back out of WARC and ARC files, in file order: for {@code newsarc
 * extract --warc} and for rebuilding the catalog. Identical-payload revisits are resolved to the
 * payload of a whole response with the same digest anywhere in the files given (an earlier one
 * when there is one; otherwise the files are searched once, in full). Each response comes with
 * the fields of its metadata record when one follows it. A record that cannot be read is skipped
 * with a warning naming the file and offset to {@code onWarning}, and reading goes on; {@link
 * #skipped()} counts them. Not thread-safe.
 */
public final class ArchivedResponses implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ArchivedResponses.class);

  private final List<Path> files;
  private final Map<String, StoredCapture> byDigest = new HashMap<>();
  private boolean allIndexed;
  private int fileIndex = -1;
  private WarcFileReader reader;
  private String fileName;
  private WarcRecord lookahead;
  private long lookaheadOffset;
  private boolean endOfFile;
  private int skipped;
  private final Consumer<String> onWarning;
  private final long rangeStart;
  private final long rangeEnd;

  private ArchivedResponses(List<Path> files, Consumer<String> onWarning, long rangeStart,
      long rangeEnd) {
    this.files = List.copyOf(files);
    this.onWarning = onWarning;
    this.rangeStart = rangeStart;
    this.rangeEnd = rangeEnd;
  }

  /** Reads {@code files} in the order given, logging problems. */
  public static ArchivedResponses open(List<Path> files) {
    return new ArchivedResponses(files, w -> LOG.warn("{}", w), 0, Long.MAX_VALUE);
  }

  /** Reads {@code files} in the order given, reporting problems to {@code onWarning}. */
  public static ArchivedResponses open(List<Path> files, Consumer<String> onWarning) {
    return new ArchivedResponses(files, onWarning, 0, Long.MAX_VALUE);
  }

  /**
   * Reads the responses of {@code file} that start at offsets from {@code start} (which must be
   * where a record starts, as a CDXJ index gives it) up to, not including, {@code end}, so that
   * several readers can share one big file. Each response is read as a whole-file reading gives
   * it, with its length and metadata record even where these lie past {@code end}; a revisit
   * whose original lies outside the range is resolved from the rest of the file.
   */
  public static ArchivedResponses openRange(Path file, long start, long end,
      Consumer<String> onWarning) {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("not a range of offsets: " + start + " to " + end);
    }
    return new ArchivedResponses(List.of(file), onWarning, start, end);
  }

  /** Records skipped so far because they could not be read, and files that could not be opened. */
  public int skipped() {
    return skipped + (reader == null ? 0 : reader.skipped());
  }

  /** The next response, or empty after the last record of the last file. */
  public Optional<ArchivedResponse> next() throws IOException {
    while (true) {
      WarcRecord record = nextRecord();
      if (record == null) {
        return Optional.empty();
      }
      long offset = lookaheadOffset;
      if (offset >= rangeEnd) {
        skipped += reader.skipped();
        close();
        lookahead = null;
        fileIndex = files.size();
        return Optional.empty();
      }
      if (!(record instanceof WarcResponse) && !(record instanceof WarcRevisit)) {
        continue;
      }
      try {
        ArchivedResponse response = read((WarcCaptureRecord) record, offset);
        if (response != null) {
          return Optional.of(response);
        }
      } catch (IOException | RuntimeException e) {
        reader.report(offset, "skipped unreadable record: " + e.getMessage());
      }
    }
  }

  private ArchivedResponse read(WarcCaptureRecord record, long offset) throws IOException {
    boolean revisit = record instanceof WarcRevisit;
    // The whole block is read first: the HTTP message is then parsed from memory, once for the
    // stored payload and once for the decoded body, and the record is left fully consumed.
    HttpBlock http = HttpBlock.parse(record.body().stream().readAllBytes());
    byte[] payload = http.entity();
    byte[] decoded = http.decoded(payload);
    String digest = record.payloadDigest().map(d -> d.algorithm() + ":" + d.base32())
        .orElse(null);
    if (digest == null && !revisit) {
      digest = Digests.sha1Base32(payload); // ARC files and some writers give none
    }
    String uri = record.target();
    java.time.Instant date = record.date();
    String ip = record.ipAddress().map(java.net.InetAddress::getHostAddress).orElse(null);
    // ARC records have no record id: the catalog gets one naming the file and offset.
    String recordId = record.headers().first("WARC-Record-ID")
        .orElse("<urn:x-arc:" + fileName + "#" + offset + ">");
    WarcTruncationReason cut = record.truncated();
    String truncated = cut == null || cut == WarcTruncationReason.NOT_TRUNCATED ? null
        : cut.name().toLowerCase(Locale.ROOT);

    // The metadata record, if any, follows the response and its request.
    Map<String, List<String>> metadata = Map.of();
    WarcRecord next = peekRecord();
    long end = next != null && lookaheadOffset > offset ? lookaheadOffset : reader.size();
    WarcRecord following;
    while ((following = peekRecord()) != null && !(following instanceof WarcResponse)
        && !(following instanceof WarcRevisit)) {
      lookahead = null;
      if (recordId != null && following instanceof WarcMetadata m
          && m.headers().all("WARC-Concurrent-To").contains(recordId)) {
        try {
          metadata = warcFields(m.body().stream().readAllBytes());
        } catch (IOException | RuntimeException e) {
          reader.report(lookaheadOffset, "unreadable metadata record: " + e.getMessage());
        }
      }
    }
    StoredCapture location = new StoredCapture(fileName, offset, end - offset, recordId, digest,
        date, revisit);
    if (revisit && digest != null) {
      StoredCapture original = original(digest);
      if (original != null) {
        byte[][] resolved = originalBodies(original);
        payload = resolved[0];
        decoded = resolved[1];
        // wget marks its dedup revisits "WARC-Truncated: length": the missing body is the one
        // the original holds whole.
        truncated = null;
      }
    } else if (!revisit && digest != null && truncated == null) {
      byDigest.putIfAbsent(digest, location);
    }
    return new ArchivedResponse(uri, date, http.status(), http.headers(), payload, decoded, location,
        ip, truncated, metadata);
  }

  /** The whole response with {@code digest}: one read before, or one found in any file. */
  private StoredCapture original(String digest) {
    StoredCapture known = byDigest.get(digest);
    if (known != null || allIndexed) {
      return known;
    }
    allIndexed = true;
    for (Path file : files) {
      try (WarcFileReader r = WarcFileReader.open(file, (f, o, m) -> { })) {
        Optional<WarcRecord> rec;
        while ((rec = r.next()).isPresent()) {
          if (rec.get() instanceof WarcResponse response) {
            WarcTruncationReason cut = response.truncated();
            Optional<String> d = response.payloadDigest().map(x -> x.algorithm() + ":" + x.base32());
            if (d.isPresent() && (cut == null || cut == WarcTruncationReason.NOT_TRUNCATED)) {
              byDigest.putIfAbsent(d.get(), new StoredCapture(file.getFileName().toString(),
                  r.offset(), 0, null, d.get(), response.date(), false));
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // Reported when the file itself is read.
      }
    }
    return byDigest.get(digest);
  }

  /**
   * Re-reads the payload of an earlier response, which may lie in another file. Reading starts
   * at its offset and goes on to the first response with its digest, since in a file gzipped as
   * one member every record has the member's offset.
   */
  private byte[][] originalBodies(StoredCapture original) throws IOException {
    Path file = files.stream().filter(f -> f.getFileName().toString().equals(original.warcFile()))
        .findFirst().orElseThrow();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.position(original.offset());
      try (WarcReader r = new WarcReader(channel)) {
        Optional<WarcRecord> next;
        while ((next = r.next()).isPresent()) {
          if (next.get() instanceof WarcResponse response && response.payloadDigest()
              .map(d -> (d.algorithm() + ":" + d.base32()).equals(original.payloadDigest()))
              .orElse(false)) {
            HttpBlock http = HttpBlock.parse(response.body().stream().readAllBytes());
            byte[] entity = http.entity();
            return new byte[][] {entity, http.decoded(entity)};
          }
        }
      }
    }
    throw new IOException("no response with digest " + original.payloadDigest() + " in " + file
        + " from offset " + original.offset());
  }

  private WarcRecord peekRecord() {
    if (lookahead == null && reader != null && !endOfFile) {
      lookahead = reader.next().orElse(null);
      lookaheadOffset = reader.offset();
      endOfFile = lookahead == null;
    }
    return lookahead;
  }

  private WarcRecord nextRecord() throws IOException {
    while (true) {
      WarcRecord r = peekRecord();
      if (r != null) {
        lookahead = null;
        return r;
      }
      if (reader != null) {
        skipped += reader.skipped();
        reader.close();
        reader = null;
      }
      if (++fileIndex >= files.size()) {
        return null;
      }
      Path file = files.get(fileIndex);
      try {
        reader = WarcFileReader.open(file, rangeStart, (f, offset, message) -> {
          // A record at or past the end is the next range's to report.
          if (offset < rangeEnd) {
            onWarning.accept(f.getFileName() + " offset " + offset + ": " + message);
          }
        });
      } catch (IOException e) {
        skipped++;
        onWarning.accept(Printable.of(e.getMessage()));
        continue;
      }
      fileName = file.getFileName().toString();
      endOfFile = false;
    }
  }

  /** Parses an application/warc-fields block: "name: value" lines. */
  private static Map<String, List<String>> warcFields(byte[] block) {
    Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
    for (String line : new String(block, java.nio.charset.StandardCharsets.UTF_8).split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        fields.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>())
            .add(line.substring(colon + 1).strip());
      }
    }
    return fields;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }
}
