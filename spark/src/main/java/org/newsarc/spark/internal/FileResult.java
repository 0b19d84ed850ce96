package org.newsarc.spark.internal;

import java.io.Serializable;
import java.util.List;

/**
 * What reading one split of an archive file gave: its extracted rows, the revisits it could not resolve by
 * itself, the payload digests of its whole responses, and its problems. Immutable.
 *
 * @param file the file's URI
 * @param fileIndex its place in the input order
 * @param splitIndex the place of the split read in the input order, or -1 for revisits
 *     resolved across files (their split follows from their offset)
 * @param rows extracted rows, in record order
 * @param pendingRevisits extractable revisits whose original lies in another file
 * @param wholeDigests payload digests of the file's whole responses, each once
 * @param responses response and revisit records read
 * @param extractionFailures pages the extractor rejected
 * @param warnings unreadable records and other problems, with file and offset
 * @param fileError why the file could not be read at all, or null
 */
public record FileResult(
    String file,
    int fileIndex,
    int splitIndex,
    List<ExtractedRow> rows,
    List<PendingRevisit> pendingRevisits,
    List<String> wholeDigests,
    long responses,
    long extractionFailures,
    List<String> warnings,
    String fileError) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A revisit record whose payload must come from an earlier file. */
  public record PendingRevisit(String digest, int fileIndex, long offset)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
