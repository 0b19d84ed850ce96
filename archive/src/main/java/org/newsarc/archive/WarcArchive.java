package org.newsarc.archive;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Writes HTTP exchanges into gzip-compressed WARC files in one folder. A file is written under
 * the name {@code NAME.warc.gz.open} and renamed to {@code NAME.warc.gz} when it is closed, so a
 * reader never mistakes an unfinished file for a finished one. Each file begins with a warcinfo
 * record; each exchange becomes a request and a response record linked by WARC-Concurrent-To.
 * Thread-safe: writes are serialised.
 */
public final class WarcArchive implements Closeable {
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final String OPEN_SUFFIX = ".open";
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private final Path dir;
  private final WarcOptions options;
  private final Clock clock;
  private final String hostname;

  private FileChannel channel;
  private WarcWriter writer;
  private Path openFile;
  private String fileName;

  private WarcArchive(Path dir, WarcOptions options, Clock clock) {
    this.dir = dir;
    this.options = options;
    this.clock = clock;
    this.hostname = localHostname();
  }

  /** Opens (creating if needed) the folder {@code dir} for writing WARC files. */
  public static WarcArchive open(Path dir, WarcOptions options, Clock clock) throws IOException {
    Files.createDirectories(dir);
    return new WarcArchive(dir, options, clock);
  }

  /**
   * Writes a request and a response record for {@code exchange} and forces them to disk.
   *
   * @return where the response record was written
   */
  public synchronized StoredCapture write(HttpExchange exchange) throws IOException {
    ensureOpen();
    URI target = URI.create(exchange.targetUri());
    InetAddress ip = parseIp(exchange.ipAddress());

    byte[] requestBlock = exchange.requestHeader();
    WarcRequest.Builder request = new WarcRequest.Builder(target)
        .date(exchange.date())
        .blockDigest(sha1(requestBlock))
        .body(MediaType.HTTP_REQUEST, requestBlock);
    if (ip != null) {
      request.ipAddress(ip);
    }
    boolean notHttp1 = exchange.protocol() != null && !exchange.protocol().startsWith("http/1");
    if (notHttp1) {
      request.setHeader("WARC-Protocol", exchange.protocol());
    }
    WarcRequest requestRecord = request.build();

    byte[] responseBlock = exchange.responseBlock();
    WarcDigest payloadDigest = sha1(exchange.responseBody());
    WarcResponse.Builder response = new WarcResponse.Builder(target)
        .date(exchange.date())
        .blockDigest(sha1(responseBlock))
        .payloadDigest(payloadDigest)
        .concurrentTo(requestRecord.id())
        .body(MediaType.HTTP_RESPONSE, responseBlock);
    if (ip != null) {
      response.ipAddress(ip);
    }
    if (exchange.truncated() != null) {
      response.truncated(WarcTruncationReason.valueOf(exchange.truncated().name()));
    }
    if (notHttp1) {
      response.setHeader("WARC-Protocol", exchange.protocol());
    }
    WarcResponse responseRecord = response.build();

    long start = writer.position();
    writer.write(responseRecord);
    long length = writer.position() - start;
    writer.write(requestRecord);
    channel.force(false);
    StoredCapture stored = new StoredCapture(fileName, start, length,
        responseRecord.id().toString(), payloadDigest.prefixedBase32(), exchange.date(), false);
    if (writer.position() >= options.maxFileBytes()) {
      closeCurrent();
    }
    return stored;
  }

  /** The folder the files are written to. */
  public Path directory() {
    return dir;
  }

  /** Name of the file being written now, or null when none is open. */
  public synchronized String currentFileName() {
    return fileName;
  }

  @Override
  public synchronized void close() throws IOException {
    closeCurrent();
  }

  private void ensureOpen() throws IOException {
    if (writer != null) {
      return;
    }
    String stamp = NAME_TIME.format(clock.instant());
    String name = String.format("%s-%s-%05d-%s.warc.gz", options.prefix(), stamp,
        SERIAL.incrementAndGet(), hostname);
    Path path = dir.resolve(name + OPEN_SUFFIX);
    channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    writer = new WarcWriter(channel, WarcCompression.GZIP);
    openFile = path;
    fileName = name;
    writer.write(warcinfo(name));
  }

  private Warcinfo warcinfo(String name) throws IOException {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("software", List.of(options.software()));
    fields.put("format", List.of("WARC File Format 1.1"));
    fields.put("conformsTo",
        List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
    fields.put("hostname", List.of(hostname));
    if (options.operator() != null) {
      fields.put("operator", List.of(options.operator()));
    }
    if (options.robotsPolicy() != null) {
      fields.put("robots", List.of(options.robotsPolicy()));
    }
    return new Warcinfo.Builder().date(clock.instant()).filename(name).fields(fields).build();
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
    Files.move(openFile, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    openFile = null;
    fileName = null;
  }

  static WarcDigest sha1(byte[] data) {
    try {
      return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }

  private static InetAddress parseIp(String ip) {
    if (ip == null || ip.isEmpty()) {
      return null;
    }
    try {
      // A literal address: no name lookup happens.
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static String localHostname() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.replaceAll("[^A-Za-z0-9.-]", "_");
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
