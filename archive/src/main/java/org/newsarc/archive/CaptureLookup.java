package org.newsarc.archive;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds earlier captures so that {@link WarcArchive} can write revisit records instead of
 * storing the same payload again. The catalog implements it; {@link #NONE} never finds anything
 * (every response is stored whole). Implementations must be thread-safe.
 */
public interface CaptureLookup {
  /** Finds nothing: every response is written in full. */
  CaptureLookup NONE = new CaptureLookup() {
    @Override
    public Optional<PriorCapture> firstWithPayload(String payloadDigest) {
      return Optional.empty();
    }

    @Override
    public Optional<PriorCapture> latestFullCapture(String url) {
      return Optional.empty();
    }
  };

  /** The first full (non-revisit) response whose payload digest is {@code payloadDigest}. */
  Optional<PriorCapture> firstWithPayload(String payloadDigest) throws IOException;

  /** The most recent full (non-revisit) response for {@code url}, for 304 revisits. */
  Optional<PriorCapture> latestFullCapture(String url) throws IOException;

  /**
   * An earlier response record a revisit can refer to.
   *
   * @param url its WARC-Target-URI
   * @param date its WARC-Date
   * @param recordId its WARC-Record-ID, such as {@code <urn:uuid:...>}, or null when unknown
   */
  record PriorCapture(String url, Instant date, String recordId) {}
}
