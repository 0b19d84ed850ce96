package org.newsarc.archive;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final Pattern DIGEST_PREFIX = Pattern.compile("\"digest\": \"[a-z0-9-]+:");
  private static final Pattern URL_FIELD = Pattern.compile("\"url\": \"([^\"]*)\"");

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
    StringWriter lines = new StringWriter();
    CdxWriter cdx = new CdxWriter(lines);
    cdx.setFormat(CdxFormat.CDXJ);
    cdx.setSort(true);
    cdx.onWarning(w -> LOG.warn("CDXJ indexing: {}", w));
    cdx.process(warcs, false);
    cdx.close();
    List<String> sorted = new ArrayList<>();
    for (String line : lines.toString().split("\n")) {
      if (!line.isEmpty()) {
        sorted.add(likeReplayTools(line));
      }
    }
    sorted.sort(null); // plain code-point order, as pywb's binary search expects
    for (String line : sorted) {
      out.write(line);
      out.write('\n');
    }
    out.flush();
  }

  /**
   * Writes a line as pywb and warcio do: digests without their "sha1:" prefix (revisits are
   * matched on this field, so indexes from different tools must agree), and IPv6 hosts in
   * brackets in the key.
   */
  static String likeReplayTools(String line) {
    String fixed = DIGEST_PREFIX.matcher(line).replaceFirst("\"digest\": \"");
    int brace = fixed.indexOf('{');
    Matcher url = URL_FIELD.matcher(fixed);
    if (brace > 0 && url.find(brace)) {
      try {
        String host = URI.create(url.group(1)).getHost();
        if (host != null && host.startsWith("[")) {
          String bare = host.substring(1, host.length() - 1);
          if (fixed.startsWith(bare)) {
            fixed = host + fixed.substring(bare.length());
          }
        }
      } catch (IllegalArgumentException e) {
        // Not a URI java parses: keep the key jwarc made.
      }
    }
    return fixed;
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
