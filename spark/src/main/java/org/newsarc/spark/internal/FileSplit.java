package org.newsarc.spark.internal;

import java.io.Serializable;

/**
 * A part of the input that one Spark task reads: a whole archive file, or the responses of one
 * file that start in a range of offsets taken from its CDXJ index. Immutable.
 *
 * @param file the file's URI
 * @param fileIndex the file's place in the input order
 * @param splitIndex the split's place in the input order (by file, then by offset)
 * @param start offset of the first record read (0 for a whole file)
 * @param end offset at which reading stops (exclusive; {@link Long#MAX_VALUE} for a whole file)
 */
public record FileSplit(String file, int fileIndex, int splitIndex, long start, long end)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public FileSplit {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("not a range of offsets: " + start + " to " + end);
    }
  }

  /** A split that reads all of {@code file}. */
  public static FileSplit whole(String file, int fileIndex, int splitIndex) {
    return new FileSplit(file, fileIndex, splitIndex, 0, Long.MAX_VALUE);
  }

  /** True when the split is the whole file. */
  public boolean wholeFile() {
    return start == 0 && end == Long.MAX_VALUE;
  }

  /** True when a record at {@code offset} of this split's file belongs to this split. */
  public boolean holds(long offset) {
    return offset >= start && offset < end;
  }
}
