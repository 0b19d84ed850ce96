package org.newsarc.spark.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.newsarc.archive.CdxjIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the input into the parts Spark tasks read. A WARC file larger than the split size whose
 * record offsets are known, from its CDXJ index beside it ({@code NAME.cdxj}, as newsarc writes
 * one for every closed file) or from a collection index naming it, is cut into ranges of about
 * that size, each starting at a response or revisit record; every other file is one split. A
 * cut is only made where the file really has a record start, so a stale or foreign index costs
 * parallelism, never rows. ARC files and WARC files gzipped as one member (whose records all
 * share one offset) stay whole. Stateless.
 */
public final class RecordRanges {
  private static final Logger LOG = LoggerFactory.getLogger(RecordRanges.class);
  private static final JsonFactory JSON = new JsonFactory();
  /** Smallest and largest split size chosen when none is given. */
  static final long MIN_AUTO = 4L << 20;
  static final long MAX_AUTO = 128L << 20;
  /** Splits per core when the split size is chosen. */
  static final long SPLITS_PER_CORE = 16;

  private RecordRanges() {}

  /**
   * The split size when none is given: about {@value #SPLITS_PER_CORE} splits per core over the
   * whole input, so that no core waits long on the last one, within 4 MB to 128 MB.
   */
  public static long autoSplitBytes(long totalBytes, int cores) {
    long share = totalBytes / (SPLITS_PER_CORE * Math.max(1, cores));
    return Math.max(MIN_AUTO, Math.min(MAX_AUTO, share));
  }

  /**
   * The splits of {@code files} (in input order), cutting files larger than {@code splitBytes}
   * (0: {@link #autoSplitBytes} for {@code cores}) where an index gives their offsets;
   * {@code collectionIndex} (a CDXJ file covering many archive files, or null) is looked in for
   * files without an index beside them.
   */
  public static List<FileSplit> plan(List<String> files, Configuration conf, long splitBytes,
      int cores, String collectionIndex) throws IOException {
    if (splitBytes < 0) {
      throw new IllegalArgumentException("the split size must be positive: " + splitBytes);
    }
    long[] sizes = new long[files.size()];
    long total = 0;
    for (int i = 0; i < files.size(); i++) {
      Path path = new Path(java.net.URI.create(files.get(i)));
      sizes[i] = path.getFileSystem(conf).getFileStatus(path).getLen();
      total += sizes[i];
    }
    long target = splitBytes > 0 ? splitBytes : autoSplitBytes(total, cores);
    Map<String, TreeSet<Long>> fromCollection = collectionIndex == null ? Map.of()
        : readIndex(new Path(collectionIndex), conf, null);
    List<FileSplit> splits = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String uri = files.get(i);
      Path path = new Path(java.net.URI.create(uri));
      List<Long> cuts = sizes[i] > target && isWarc(path.getName())
          ? cuts(path.getFileSystem(conf), path, sizes[i], target, fromCollection) : List.of();
      long start = 0;
      for (long cut : cuts) {
        splits.add(new FileSplit(uri, i, splits.size(), start, cut));
        start = cut;
      }
      splits.add(cuts.isEmpty() ? FileSplit.whole(uri, i, splits.size())
          : new FileSplit(uri, i, splits.size(), start, Long.MAX_VALUE));
    }
    return splits;
  }

  /**
   * Where to cut {@code path}: into as many ranges as {@code splitBytes} fits into its size,
   * each cut at the first record at or after an even share of the file, so that the ranges are
   * about the same size (a remainder range would leave one task running alone at the end).
   */
  private static List<Long> cuts(FileSystem fs, Path path, long size, long splitBytes,
      Map<String, TreeSet<Long>> fromCollection) throws IOException {
    TreeSet<Long> offsets = fromCollection.get(path.getName());
    Path beside = new Path(path.getParent(),
        CdxjIndex.indexFileFor(java.nio.file.Path.of(path.getName())).getFileName().toString());
    if (fs.exists(beside)) {
      try {
        offsets = readIndex(beside, fs.getConf(), path.getName()).get(path.getName());
      } catch (IOException e) {
        LOG.warn("{}: reading the file whole: {}", path, e.getMessage());
        return List.of();
      }
    }
    if (offsets == null || offsets.size() < 2) {
      return List.of();
    }
    List<Long> cuts = new ArrayList<>();
    boolean gzip = path.getName().toLowerCase(Locale.ROOT).endsWith(".gz");
    long parts = evenParts(size, splitBytes);
    try (FSDataInputStream in = fs.open(path)) {
      for (long k = 1; k < parts; k++) {
        Long offset = offsets.ceiling(size / parts * k);
        long last = cuts.isEmpty() ? 0 : cuts.get(cuts.size() - 1);
        if (offset == null || offset <= last || offset >= size) {
          continue; // a record longer than a share: the next cut comes after it
        }
        if (!startsRecord(in, offset, gzip)) {
          LOG.warn("{}: the index gives offset {}, where no record starts; reading the file"
              + " whole", path, offset);
          return List.of();
        }
        cuts.add(offset);
      }
    }
    return cuts;
  }

  /** How many even ranges, none larger than {@code splitBytes}, a file of {@code size} makes. */
  static long evenParts(long size, long splitBytes) {
    return Math.max(1, (size + splitBytes - 1) / splitBytes);
  }

  /** True when a gzip member (gzip files) or a WARC record line (plain files) starts here. */
  static boolean startsRecord(FSDataInputStream in, long offset, boolean gzip)
      throws IOException {
    byte[] head = new byte[8];
    try {
      in.readFully(offset - 1, head);
    } catch (java.io.EOFException e) {
      return false;
    }
    if (gzip) {
      return (head[1] & 0xff) == 0x1f && (head[2] & 0xff) == 0x8b && head[3] == 8;
    }
    return head[0] == '\n' && new String(head, 1, 7, StandardCharsets.US_ASCII).equals("WARC/1.");
  }

  /**
   * The record offsets of each file a CDXJ index names (response, revisit and resource lines);
   * with {@code onlyFile}, lines naming other files are passed over.
   */
  static Map<String, TreeSet<Long>> readIndex(Path index, Configuration conf, String onlyFile)
      throws IOException {
    Map<String, TreeSet<Long>> offsets = new HashMap<>();
    FileSystem fs = index.getFileSystem(conf);
    int lineNumber = 0;
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(fs.open(index), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        lineNumber++;
        // SURT TIMESTAMP {JSON}: the key has no spaces but may hold braces.
        int space = line.indexOf(' ');
        int brace = space < 0 ? -1 : line.indexOf(' ', space + 1) + 1;
        if (line.isBlank() || brace <= 0) {
          continue;
        }
        try (JsonParser fields = JSON.createParser(line.substring(brace))) {
          String file = "";
          String offset = null;
          // Only the two top-level fields are wanted: a token stream, not a tree per line.
          if (fields.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("no JSON object");
          }
          while (fields.nextToken() == JsonToken.FIELD_NAME) {
            String name = fields.currentName();
            JsonToken value = fields.nextToken();
            if (value.isStructStart()) {
              fields.skipChildren();
            } else if (name.equals("filename")) {
              file = fields.getValueAsString("");
            } else if (name.equals("offset")) {
              offset = fields.getValueAsString();
            }
          }
          if (file.isEmpty() || offset == null || (onlyFile != null && !onlyFile.equals(file))) {
            continue;
          }
          offsets.computeIfAbsent(file, k -> new TreeSet<>()).add(Long.parseLong(offset));
        } catch (IOException | NumberFormatException e) {
          throw new IOException(index + " line " + lineNumber + " is not a CDXJ line with an"
              + " offset: " + e.getMessage(), e);
        }
      }
    }
    return offsets;
  }

  private static boolean isWarc(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".warc") || lower.endsWith(".warc.gz");
  }
}
