package org.newsarc.crawler.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per fetch outcome, for operators and scripts, in {@code fetch.log} with size
 * rotation ({@code fetch.log.1} is the newest rotated file). Logging never stops the crawl: a
 * write error is reported once through SLF4J. Thread-safe: lines are written whole.
 */
public final class OutcomeLog implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(OutcomeLog.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One outcome.
   *
   * @param outcome fetched, not-modified, redirect, retry, failed, blocked, deferred
   * @param status HTTP status, 0 when none
   * @param millis response time, -1 when none
   * @param warcFile WARC file of the response record, or null
   * @param error failure kind label, or null
   */
  public record Line(Instant time, String url, String queue, String outcome, int status,
      String kind, long millis, long bytes, String warcFile, long warcOffset, String error,
      String reason) {}

  private final Path file;
  private final long maxBytes;
  private final int keep;
  private BufferedWriter out;
  private long written;
  private boolean warned;

  public OutcomeLog(Path dir, long maxBytes, int keep) throws IOException {
    Files.createDirectories(dir);
    this.file = dir.resolve("fetch.log");
    this.maxBytes = maxBytes;
    this.keep = keep;
    open();
  }

  public synchronized void write(Line line) {
    try {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("time", line.time().toString());
      m.put("url", line.url());
      m.put("queue", line.queue());
      m.put("outcome", line.outcome());
      m.put("status", line.status());
      m.put("kind", line.kind());
      m.put("ms", line.millis());
      m.put("bytes", line.bytes());
      if (line.warcFile() != null) {
        m.put("warc", line.warcFile());
        m.put("offset", line.warcOffset());
      }
      if (line.error() != null) {
        m.put("error", line.error());
        m.put("reason", line.reason());
      }
      String text = JSON.writeValueAsString(m) + "\n";
      if (written + text.length() > maxBytes && written > 0) {
        rotate();
      }
      out.write(text);
      out.flush();
      written += text.length();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of plain values always serialises", e);
    } catch (IOException e) {
      if (!warned) {
        LOG.warn("cannot write fetch log {}: {}", file, e.getMessage());
        warned = true;
      }
    }
  }

  private void open() throws IOException {
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    written = Files.size(file);
  }

  private void rotate() throws IOException {
    out.close();
    Files.deleteIfExists(file.resolveSibling("fetch.log." + keep));
    for (int i = keep - 1; i >= 1; i--) {
      Path from = file.resolveSibling("fetch.log." + i);
      if (Files.exists(from)) {
        Files.move(from, file.resolveSibling("fetch.log." + (i + 1)),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(file, file.resolveSibling("fetch.log.1"), StandardCopyOption.REPLACE_EXISTING);
    open();
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
