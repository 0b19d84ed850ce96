package org.newsarc.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packages WARC files as a WACZ (Web Archive Collection Zipped, 1.1.1) that ReplayWeb.page and
 * pywb open: the WARCs under {@code archive/} (stored, not recompressed), one sorted CDXJ index
 * under {@code indexes/index.cdx}, the HTML pages under {@code pages/pages.jsonl}, and a
 * {@code datapackage.json} listing every file with its size and SHA-256, itself hashed in
 * {@code datapackage-digest.json}. Stateless and thread-safe.
 */
public final class WaczExporter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter CDX_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private WaczExporter() {}

  /**
   * What was packaged.
   *
   * @param file the WACZ written
   * @param warcs WARC files included
   * @param indexLines CDXJ lines in the index
   * @param pages entries in pages.jsonl
   */
  public record Report(Path file, int warcs, int indexLines, int pages) {}

  /**
   * Writes {@code out} (replacing it) from {@code warcs}.
   *
   * @param title the collection's title, shown by replay tools
   * @param software the software named in datapackage.json, with its version
   * @param titleOf the page title for a URL, or null when unknown (from the catalog)
   */
  public static Report export(List<Path> warcs, Path out, String title, String software,
      Clock clock, Function<String, String> titleOf) throws IOException {
    if (warcs.isEmpty()) {
      throw new IllegalArgumentException("no WARC files to package");
    }
    StringWriter cdx = new StringWriter();
    CdxjIndex.write(warcs, cdx);
    String index = cdx.toString();
    List<String> lines = index.lines().filter(l -> !l.isBlank()).toList();
    List<ObjectNode> pages = pages(lines, titleOf);

    StringBuilder pagesJsonl = new StringBuilder();
    pagesJsonl.append("{\"format\":\"json-pages-1.0\",\"id\":\"pages\",\"title\":\"All Pages\"}\n");
    for (ObjectNode page : pages) {
      pagesJsonl.append(JSON.writeValueAsString(page)).append('\n');
    }

    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = org.newsarc.archive.dataset.OutputTarget.newTempFile(parent, ".wacz-", ".tmp");
    ArrayNode resources = JSON.createArrayNode();
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
      for (Path warc : warcs) {
        resources.add(storeFile(zip, "archive/" + warc.getFileName(), warc));
      }
      resources.add(deflated(zip, "indexes/index.cdx", index.getBytes(StandardCharsets.UTF_8)));
      resources.add(deflated(zip, "pages/pages.jsonl",
          pagesJsonl.toString().getBytes(StandardCharsets.UTF_8)));

      ObjectNode pkg = JSON.createObjectNode();
      pkg.put("profile", "data-package");
      pkg.put("wacz_version", "1.1.1");
      pkg.put("title", title);
      pkg.put("software", software);
      pkg.put("created", clock.instant().toString());
      if (!pages.isEmpty()) {
        pkg.put("mainPageUrl", pages.get(0).get("url").asText());
        pkg.put("mainPageDate", pages.get(0).get("ts").asText());
      }
      pkg.set("resources", resources);
      byte[] pkgBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(pkg);
      deflated(zip, "datapackage.json", pkgBytes);

      ObjectNode digest = JSON.createObjectNode();
      digest.put("path", "datapackage.json");
      digest.put("hash", "sha256:" + sha256(pkgBytes));
      deflated(zip, "datapackage-digest.json",
          JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(digest));
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw new IOException("cannot write WACZ " + out + ": " + e.getMessage(), e);
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new Report(out, warcs.size(), lines.size(), pages.size());
  }

  /** One page per HTML capture with status 200, in index (URL) order. */
  private static List<ObjectNode> pages(List<String> cdxLines, Function<String, String> titleOf)
      throws IOException {
    List<ObjectNode> pages = new ArrayList<>();
    for (String line : cdxLines) {
      String[] parts = line.split(" ", 3);
      if (parts.length < 3) {
        continue;
      }
      JsonNode fields = JSON.readTree(parts[2]);
      String mime = fields.path("mime").asText("");
      if (!fields.path("status").asText("").equals("200")
          || !(mime.equals("text/html") || mime.equals("application/xhtml+xml"))) {
        continue;
      }
      ObjectNode page = JSON.createObjectNode();
      String url = fields.path("url").asText();
      page.put("id", Integer.toString(pages.size() + 1));
      page.put("url", url);
      page.put("ts", LocalDateTime.parse(parts[1], CDX_TIME).toInstant(ZoneOffset.UTC).toString());
      String title = titleOf == null ? null : titleOf.apply(url);
      if (title != null) {
        page.put("title", title);
      }
      pages.add(page);
    }
    return pages;
  }

  /** Adds {@code file} uncompressed (WARCs are already gzip); returns its resource entry. */
  private static ObjectNode storeFile(ZipOutputStream zip, String name, Path file)
      throws IOException {
    CRC32 crc = new CRC32();
    MessageDigest sha = sha256Digester();
    long size = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        crc.update(buf, 0, n);
        sha.update(buf, 0, n);
        size += n;
      }
    }
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(size);
    entry.setCompressedSize(size);
    entry.setCrc(crc.getValue());
    entry.setTime(Files.getLastModifiedTime(file).toMillis());
    zip.putNextEntry(entry);
    try (InputStream in = Files.newInputStream(file)) {
      in.transferTo(zip);
    }
    zip.closeEntry();
    return resource(name, HexFormat.of().formatHex(sha.digest()), size);
  }

  private static ObjectNode deflated(ZipOutputStream zip, String name, byte[] data)
      throws IOException {
    ZipEntry entry = new ZipEntry(name);
    zip.putNextEntry(entry);
    zip.write(data);
    zip.closeEntry();
    return resource(name, sha256(data), data.length);
  }

  private static ObjectNode resource(String path, String sha256Hex, long bytes) {
    ObjectNode r = JSON.createObjectNode();
    r.put("name", path.substring(path.lastIndexOf('/') + 1));
    r.put("path", path);
    r.put("hash", "sha256:" + sha256Hex);
    r.put("bytes", bytes);
    return r;
  }

  private static String sha256(byte[] data) {
    return HexFormat.of().formatHex(sha256Digester().digest(data));
  }

  private static MessageDigest sha256Digester() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
