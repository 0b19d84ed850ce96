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
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.cdx.CdxFormat;
import org.netpreserve.jwarc.cdx.CdxRequestEncoder;
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
    return replaceIndex(warc, out -> write(List.of(warc), out, problems));
  }

  /**
   * Writes (replacing) the index beside {@code warc} from lines made by {@link #line} as its
   * records were appended, sorted as {@link #write(List, Writer)} sorts them; the file itself is
   * not read.
   */
  static Path writeBeside(Path warc, List<String> lines) throws IOException {
    List<String> sorted = new ArrayList<>(lines);
    sorted.sort(null);
    return replaceIndex(warc, out -> {
      for (String line : sorted) {
        out.write(line);
        out.write('\n');
      }
    });
  }

  /** What writes an index's text. */
  @FunctionalInterface
  private interface IndexText {
    void writeTo(Writer out) throws IOException;
  }

  private static Path replaceIndex(Path warc, IndexText text) throws IOException {
    Path index = indexFileFor(warc);
    Path tmp = index.resolveSibling(index.getFileName() + ".tmp");
    try {
      // Made whole first: a writer that fails to flush on a full disk may leave its file open.
      StringWriter out = new StringWriter();
      text.writeTo(out);
      Files.write(tmp, out.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw new IOException("cannot index " + warc + ": " + e.getMessage(), e);
    }
    Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return index;
  }

  /**
   * The index line of one record of file {@code fileName} whose gzip member starts at {@code
   * offset} and is {@code length} bytes long, exactly as {@link #write(List, Writer)} makes it
   * when reading the file back, for a record with no request other than GET paired with it.
   * Null when the record is not one the index lists.
   *
   * @throws IOException when jwarc cannot make the line (the file should then be read back)
   */
  static String line(WarcTargetRecord record, String fileName, long offset, long length)
      throws IOException {
    if (!indexed(record)) {
      return null;
    }
    StringWriter text = new StringWriter();
    CdxWriter cdx = new CdxWriter(text);
    cdx.setFormat(CdxFormat.CDXJ);
    cdx.write(record, fileName, offset, length, null);
    rewriteLast(text, 0, record, null);
    String made = null;
    for (String part : text.toString().split("\n")) {
      if (!part.isEmpty()) {
        if (made != null) {
          throw new IOException("more than one index line for " + record.target());
        }
        made = likeReplayTools(part);
      }
    }
    return made;
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
      // First pass: where each record starts, and what each request asked (for POST keys).
      List<Long> offsets = new ArrayList<>();
      List<Seen> seen = new ArrayList<>();
      long size;
      try (WarcFileReader reader = WarcFileReader.open(warc, (f, o, m) -> { })) {
        size = reader.size();
        Optional<WarcRecord> next;
        while ((next = reader.next()).isPresent()) {
          offsets.add(reader.offset());
          seen.add(Seen.of(next.get()));
        }
      }
      try (WarcFileReader reader = WarcFileReader.open(warc, problems)) {
        Optional<WarcRecord> next;
        int i = 0;
        int k = -1;
        while ((next = reader.next()).isPresent()) {
          k++;
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
          if (!indexed(record)) {
            continue;
          }
          WarcTargetRecord target = (WarcTargetRecord) record;
          Seen request = k < seen.size() ? pairedRequest(seen, k, target.target()) : null;
          int before = lines.getBuffer().length();
          try {
            cdx.write(target, warc.getFileName().toString(), offset, end - offset,
                request == null ? null : request.encodedRequest());
            rewriteLast(lines, before, target, request);
          } catch (IOException | RuntimeException e) {
            lines.getBuffer().setLength(before);
            reader.report(offset, "not indexed: " + e.getMessage());
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
   * The records pywb's and warcio's indexers list: responses, revisits, and resource and
   * metadata records other than {@code application/warc-fields} (wget's {@code metadata://}
   * files are resources; newsarc's own metadata records are warc-fields and left out).
   */
  private static boolean indexed(WarcRecord record) {
    if (record instanceof WarcResponse || record instanceof WarcRevisit) {
      return true;
    }
    if (record instanceof WarcResource || record instanceof WarcMetadata) {
      String type = record.headers().first("Content-Type").orElse("");
      return !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/warc-fields");
    }
    return false;
  }

  /**
   * The request that goes with the record at {@code k}, when it is a request other than GET for
   * the same URI right after it, or right before it and not taken by the record before that:
   * how warcio pairs records.
   */
  private static Seen pairedRequest(List<Seen> seen, int k, String target) {
    if (k + 1 < seen.size() && seen.get(k + 1).isRequestFor(target)) {
      return seen.get(k + 1).encodedRequest() == null ? null : seen.get(k + 1);
    }
    if (k >= 1 && seen.get(k - 1).isRequestFor(target)
        && !(k >= 2 && seen.get(k - 2).capture() && target.equals(seen.get(k - 2).target()))) {
      return seen.get(k - 1).encodedRequest() == null ? null : seen.get(k - 1);
    }
    return null;
  }

  /**
   * Makes the line last written (from {@code from} on) what warcio writes: a URI that is not
   * http(s), such as wget's {@code metadata://gnu.org/...}, is its own key, unchanged; a POST
   * capture names its method and encoded body.
   */
  private static void rewriteLast(StringWriter lines, int from, WarcTargetRecord record,
      Seen request) {
    StringBuffer buf = lines.getBuffer();
    String line = buf.substring(from);
    String target = record.target();
    Matcher url = URL_FIELD.matcher(line);
    Optional<String> type = record.headers().first("Content-Type");
    if (record instanceof WarcMetadata && !line.contains("\"mime\": ") && type.isPresent()
        && url.find()) {
      // jwarc gives a metadata record no mime; warcio gives its Content-Type as written.
      line = line.substring(0, url.end()) + ", \"mime\": \"" + json(type.get()) + "\""
          + line.substring(url.end());
    }
    String scheme = target.contains(":") ? target.substring(0, target.indexOf(':'))
        .toLowerCase(java.util.Locale.ROOT) : "";
    if (!scheme.equals("http") && !scheme.equals("https") && line.indexOf(' ') > 0) {
      line = target + line.substring(line.indexOf(' '));
    }
    if (request != null) {
      int close = line.lastIndexOf('}');
      if (close > 0) {
        line = line.substring(0, close) + ", \"method\": \"" + json(request.method())
            + "\", \"requestBody\": \"" + json(request.requestBody()) + "\""
            + line.substring(close);
      }
    }
    buf.setLength(from);
    buf.append(line);
  }

  private static String json(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * What the first pass keeps of a record.
   *
   * @param type the WARC-Type
   * @param target the WARC-Target-URI, or ""
   * @param method a request's method, or null
   * @param encodedRequest for a request other than GET, {@code __wb_method=M&BODY-QUERY} as
   *     pywb encodes it, else null
   */
  private record Seen(String type, String target, String method, String encodedRequest) {
    static Seen of(WarcRecord record) {
      String target = record instanceof WarcTargetRecord t && t.target() != null ? t.target() : "";
      if (record instanceof WarcRequest request) {
        try {
          String method = request.http().method();
          String encoded = method.equalsIgnoreCase("GET") ? null
              : CdxRequestEncoder.encode(request.http());
          return new Seen(record.type(), target, method, encoded);
        } catch (IOException | RuntimeException e) {
          return new Seen(record.type(), target, null, null);
        }
      }
      return new Seen(record.type(), target, null, null);
    }

    boolean isRequestFor(String uri) {
      return type.equals("request") && target.equals(uri);
    }

    boolean capture() {
      return type.equals("response") || type.equals("revisit");
    }

    /** The body part of the encoded request, as warcio's {@code requestBody} field gives it. */
    String requestBody() {
      int amp = encodedRequest.indexOf('&');
      return amp < 0 ? "" : encodedRequest.substring(amp + 1);
    }
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
