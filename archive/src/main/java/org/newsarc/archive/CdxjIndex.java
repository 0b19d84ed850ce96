package org.newsarc.archive;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.netpreserve.jwarc.cdx.CdxFormat;
import org.netpreserve.jwarc.cdx.CdxWriter;
import org.newsarc.archive.internal.WarcFileNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CDXJ indexes of WARC files, in the form pywb and ReplayWeb.page read: one line per response or
 * revisit record, {@code SURT TIMESTAMP {"url":..,"mime":..,"status":..,"digest":..,"length":..,
 * "offset":..,"filename":..}}, sorted. Each closed file {@code NAME.warc.gz} gets {@code NAME.cdxj}
 * beside it. Stateless and thread-safe.
 */
public final class CdxjIndex {
  private static final Logger LOG = LoggerFactory.getLogger(CdxjIndex.class);
  /** Suffix of a per-file index. */
  public static final String SUFFIX = ".cdxj";

  private CdxjIndex() {}

  /** Where the index of {@code warc} lives: beside it, named after it. */
  public static Path indexFileFor(Path warc) {
    String name = warc.getFileName().toString();
    String base = name.endsWith(WarcFileNames.WARC_SUFFIX)
        ? name.substring(0, name.length() - WarcFileNames.WARC_SUFFIX.length()) : name;
    return warc.resolveSibling(base + SUFFIX);
  }

  /** Writes (replacing) the index beside {@code warc}; returns its path. */
  public static Path writeBeside(Path warc) throws IOException {
    Path index = indexFileFor(warc);
    Path tmp = index.resolveSibling(index.getFileName() + ".tmp");
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      write(List.of(warc), out);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw new IOException("cannot index " + warc + ": " + e.getMessage(), e);
    }
    Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return index;
  }

  /**
   * Writes one sorted index of all of {@code warcs} to {@code out}; the filename field holds each
   * file's name without its folder.
   */
  public static void write(List<Path> warcs, Writer out) throws IOException {
    CdxWriter cdx = new CdxWriter(out);
    cdx.setFormat(CdxFormat.CDXJ);
    cdx.setSort(true);
    cdx.onWarning(w -> LOG.warn("CDXJ indexing: {}", w));
    cdx.process(warcs, false);
    cdx.close();
  }

  /** Rebuilds the index beside every closed WARC file in {@code dir}; returns the indexes. */
  public static List<Path> rebuild(Path dir) throws IOException {
    List<Path> indexes = new ArrayList<>();
    for (Path warc : warcFiles(dir)) {
      indexes.add(writeBeside(warc));
    }
    return indexes;
  }

  /** The closed WARC files in {@code dir}, by name (which is also by start time and serial). */
  public static List<Path> warcFiles(Path dir) throws IOException {
    List<Path> warcs = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
        "*" + WarcFileNames.WARC_SUFFIX)) {
      files.forEach(warcs::add);
    }
    warcs.sort(null);
    return warcs;
  }
}
