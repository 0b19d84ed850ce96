package org.newsarc.archive;

import java.time.Instant;

/**
 * Where a capture was written: the WARC file, and the offset and length of its response (or
 * revisit) record, as a replay index needs them. Immutable.
 *
 * @param warcFile the file name (without directory and without the ".open" suffix)
 * @param offset byte offset of the record's gzip member in the file
 * @param length compressed length of that member
 * @param recordId the record's WARC-Record-ID
 * @param payloadDigest WARC-Payload-Digest as written, e.g. "sha1:ABC..."
 * @param date the capture's WARC-Date
 * @param revisit true when a revisit record was written instead of a full response
 */
public record StoredCapture(
    String warcFile,
    long offset,
    long length,
    String recordId,
    String payloadDigest,
    Instant date,
    boolean revisit) {}
