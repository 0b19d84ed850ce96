package org.newsarc.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.newsarc.archive.internal.HttpBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the HTTP responses back out of WARC files, in file order: for {@code newsarc extract
 * --warc} and for rebuilding the catalog. Identical-payload revisits are resolved to the payload
 * of the earlier response with the same digest when that response is in the files read so far.
 * Each response comes with the fields of its metadata record when one follows it. Records that
 * cannot be parsed are skipped with a warning to {@code onWarning}. Not thread-safe.
 */
public final class ArchivedResponses implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ArchivedResponses.class);

  private final List<Path> files;
  private final Map<String, StoredCapture> byDigest = new HashMap<>();
  private int fileIndex = -1;
  private WarcReader reader;
  private String fileName;
  private WarcRecord lookahead;
  private boolean endOfFile;
  private final java.util.function.Consumer<String> onWarning;

  private ArchivedResponses(List<Path> files, java.util.function.Consumer<String> onWarning) {
    this.files = List.copyOf(files);
    this.onWarning = onWarning;
  }

  /** Reads {@code files} in the order given, logging problems. */
  public static ArchivedResponses open(List<Path> files) {
    return new ArchivedResponses(files, w -> LOG.warn("{}", w));
  }

  /** Reads {@code files} in the order given, reporting problems to {@code onWarning}. */
  public static ArchivedResponses open(List<Path> files,
      java.util.function.Consumer<String> onWarning) {
    return new ArchivedResponses(files, onWarning);
  }

  /** The next response, or empty after the last record of the last file. */
  public Optional<ArchivedResponse> next() throws IOException {
    while (true) {
      WarcRecord record = nextRecord();
      if (record == null) {
        return Optional.empty();
      }
      if (!(record instanceof WarcResponse) && !(record instanceof WarcRevisit)) {
        continue;
      }
      long offset = record.position();
      try {
        ArchivedResponse response = read((WarcCaptureRecord) record, offset);
        if (response != null) {
          return Optional.of(response);
        }
      } catch (IOException | RuntimeException e) {
        onWarning.accept(fileName + " offset " + offset + ": skipped unreadable record: "
            + e.getMessage());
      }
    }
  }

  private ArchivedResponse read(WarcCaptureRecord record, long offset) throws IOException {
    boolean revisit = record instanceof WarcRevisit;
    // The whole block is read first: the HTTP message is then parsed from memory, once for the
    // stored payload and once for the decoded body, and the record is left fully consumed.
    HttpBlock http = HttpBlock.parse(readAll(record.body().stream()));
    byte[] payload = http.entity();
    byte[] decoded = http.decoded();
    String digest = record.payloadDigest().map(d -> d.algorithm() + ":" + d.base32())
        .orElse(null);
    String uri = record.target();
    java.time.Instant date = record.date();
    String ip = record.ipAddress().map(java.net.InetAddress::getHostAddress).orElse(null);
    String recordId = "<" + record.id() + ">";
    WarcTruncationReason cut = record.truncated();
    String truncated = cut == null || cut == WarcTruncationReason.NOT_TRUNCATED ? null
        : cut.name().toLowerCase(java.util.Locale.ROOT);

    // The metadata record, if any, follows the response and its request.
    URI responseId = record.id();
    Map<String, List<String>> metadata = Map.of();
    WarcRecord next = peekRecord();
    long end = next != null ? next.position()
        : java.nio.file.Files.size(files.get(fileIndex));
    WarcRecord following;
    while ((following = peekRecord()) != null && !(following instanceof WarcResponse)
        && !(following instanceof WarcRevisit)) {
      lookahead = null;
      if (following instanceof WarcMetadata m && m.concurrentTo().contains(responseId)) {
        metadata = warcFields(readAll(m.body().stream()));
      }
    }
    StoredCapture location = new StoredCapture(fileName, offset, end - offset, recordId, digest,
        date, revisit);
    if (revisit && digest != null) {
      StoredCapture original = byDigest.get(digest);
      if (original != null) {
        byte[][] resolved = originalBodies(original);
        payload = resolved[0];
        decoded = resolved[1];
      }
    } else if (!revisit && digest != null && truncated == null) {
      byDigest.putIfAbsent(digest, location);
    }
    return new ArchivedResponse(uri, date, http.status(), http.headers(), payload, decoded, location,
        ip, truncated, metadata);
  }

  /** Re-reads the payload of an earlier response, which may lie in another file. */
  private byte[][] originalBodies(StoredCapture original) throws IOException {
    Path file = files.stream().filter(f -> f.getFileName().toString().equals(original.warcFile()))
        .findFirst().orElseThrow();
    try (WarcReader r = new WarcReader(file)) {
      r.position(original.offset());
      WarcRecord response = r.next().orElseThrow();
      HttpBlock http = HttpBlock.parse(readAll(response.body().stream()));
      return new byte[][] {http.entity(), http.decoded()};
    }
  }

  private WarcRecord peekRecord() throws IOException {
    if (lookahead == null && reader != null && !endOfFile) {
      lookahead = reader.next().orElse(null);
      // Asking jwarc again after the end would make it look for another record's trailer.
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
        reader.close();
        reader = null;
      }
      if (++fileIndex >= files.size()) {
        return null;
      }
      Path file = files.get(fileIndex);
      try {
        reader = new WarcReader(file);
      } catch (IOException e) {
        throw new IOException("cannot read WARC file " + file + ": " + e.getMessage(), e);
      }
      fileName = file.getFileName().toString();
      endOfFile = false;
      Path current = file;
      reader.onWarning(w -> onWarning.accept(current + ": " + w));
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

  /** Reads a record's block; the stream is not closed, which would close the reader. */
  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }
}
