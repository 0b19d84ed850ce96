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
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;
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
    String base = name;
    for (String suffix : new String[] {".warc.gz", ".arc.gz", ".warc", ".arc"}) {
      if (name.toLowerCase(java.util.Locale.ROOT).endsWith(suffix)) {
        base = name.substring(0, name.length() - suffix.length());
        break;
      }
    }
    return warc.resolveSibling(base + SUFFIX);
  }

  /** Writes (replacing) the index beside {@code warc}; returns its path. */
  public static Path writeBeside(Path warc) throws IOException {
    return writeBeside(warc, (file, offset, message) ->
        LOG.warn("CDXJ indexing: {} offset {}: {}", file, offset, message));
  }

  /** Writes (replacing) the index beside {@code warc}, telling {@code problems} what it skips. */
  public static Path writeBeside(Path warc, WarcFileReader.ProblemHandler problems)
      throws IOException {
    Path index = indexFileFor(warc);
    Path tmp = index.resolveSibling(index.getFileName() + ".tmp");
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      write(List.of(warc), out, problems);
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
    write(warcs, out, (file, offset, message) ->
        LOG.warn("CDXJ indexing: {} offset {}: {}", file, offset, message));
  }

  /**
   * As {@link #write(List, Writer)}, telling {@code problems} of records that could not be read
   * (they are left out). Offsets and lengths come from newsarc's own reader, so they point at the
   * right gzip member even where jwarc's indexer gives the end of the file.
   */
  public static void write(List<Path> warcs, Writer out, WarcFileReader.ProblemHandler problems)
      throws IOException {
    StringWriter lines = new StringWriter();
    CdxWriter cdx = new CdxWriter(lines);
    cdx.setFormat(CdxFormat.CDXJ);
    for (Path warc : warcs) {
      List<Long> offsets = new ArrayList<>();
      long size;
      try (WarcFileReader reader = WarcFileReader.open(warc, (f, o, m) -> { })) {
        size = reader.size();
        while (reader.next().isPresent()) {
          offsets.add(reader.offset());
        }
      }
      try (WarcFileReader reader = WarcFileReader.open(warc, problems)) {
        Optional<WarcRecord> next;
        int i = 0;
        while ((next = reader.next()).isPresent()) {
          long offset = reader.offset();
          while (i < offsets.size() && offsets.get(i) < offset) {
            i++;
          }
          long end = size;
          for (int j = i + 1; j < offsets.size(); j++) {
            if (offsets.get(j) > offset) {
              end = offsets.get(j);
              break;
            }
          }
          WarcRecord record = next.get();
          if (record instanceof WarcResponse || record instanceof WarcResource
              || record instanceof WarcRevisit) {
            try {
              cdx.write((WarcTargetRecord) record, warc.getFileName().toString(), offset,
                  end - offset);
            } catch (IOException | RuntimeException e) {
              reader.report(offset, "not indexed: " + e.getMessage());
            }
          }
        }
      }
    }
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

  /** The closed WARC and ARC files in {@code dir}, by name; other files are passed over. */
  public static List<Path> warcFiles(Path dir) throws IOException {
    return warcFiles(dir, skipped -> LOG.info("{}", skipped));
  }

  /**
   * The closed WARC and ARC files ({@code .warc}, {@code .warc.gz}, {@code .arc}, {@code
   * .arc.gz}) in {@code dir}, by name (which for newsarc's files is also by start time and
   * serial); each other file is named to {@code onSkipped} with the reason.
   */
  public static List<Path> warcFiles(Path dir, Consumer<String> onSkipped) throws IOException {
    List<Path> warcs = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file) || name.endsWith(SUFFIX) || name.endsWith(".tmp")
            || name.endsWith(".lock")) {
          continue;
        }
        if (isArchiveName(name)) {
          warcs.add(file);
        } else if (name.endsWith(WarcFileNames.OPEN_SUFFIX)) {
          onSkipped.accept("skipped " + name + ": still being written (or left by a crash)");
        } else {
          onSkipped.accept("skipped " + name
              + ": not a .warc, .warc.gz, .arc or .arc.gz file");
        }
      }
    }
    warcs.sort(null);
    return warcs;
  }

  /** True for a name ending {@code .warc}, {@code .warc.gz}, {@code .arc} or {@code .arc.gz}. */
  public static boolean isArchiveName(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".warc") || n.endsWith(".warc.gz") || n.endsWith(".arc")
        || n.endsWith(".arc.gz");
  }
}
