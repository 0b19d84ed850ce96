package org.newsarc.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.extractor.ArticleExtractor;

/** Reading responses back, rebuilding the catalog from WARCs alone, and packaging a WACZ. */
class ReadBackTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final String ARTICLE = "<html lang=en><head><title>Rivers rise in spring</title>"
      + "<meta name=author content='Ann Lee'></head><body><article><h1>Rivers rise in spring</h1>"
      + "<p>" + "The river rose by two metres overnight as snow melted in the hills. ".repeat(8)
      + "</p><p>" + "Farmers moved their animals to higher ground before dawn. ".repeat(8)
      + "</p></article></body></html>";

  @TempDir
  Path tmp;

  /** Writes a small archive with a catalog, as a crawl would, over two files. */
  private Path writeArchive(Catalog catalog) throws IOException {
    Path warcs = WarcChecks.keptFolder("read-back");
    WarcOptions options = WarcOptions.defaults().withMaxFileBytes(1500);
    try (WarcArchive archive = WarcArchive.open(warcs, options, new MutableClock(T0), catalog)) {
      List<HttpExchange> exchanges = List.of(
          Exchanges.status("http://news.test/old", T0, 301,
              "Location: /rivers\r\nContent-Length: 0\r\n"),
          Exchanges.gzipHtml("http://news.test/rivers", T0.plusSeconds(1), ARTICLE),
          Exchanges.gzipHtml("http://news.test/rivers?amp=1", T0.plusSeconds(2), ARTICLE),
          Exchanges.status("http://news.test/rivers", T0.plusSeconds(3), 304, ""));
      for (HttpExchange e : exchanges) {
        StoredCapture stored = archive.write(e, new CaptureMetadata("http://news.test/old",
            List.of(), Duration.ofMillis(5), List.of("http://news.test/x"), 0.9, "t"));
        catalog.addCapture(new CaptureRow("http://news.test/old", e.targetUri(), e.date(),
            e.status(), "text/html", "127.0.0.1", null, stored));
      }
    }
    return warcs;
  }

  @Test
  void readsResponsesBackResolvingRevisitsAndMetadata() throws IOException {
    try (Catalog catalog = Catalog.open(tmp.resolve("a.db"))) {
      Path warcs = writeArchive(catalog);
      List<Path> files = CdxjIndex.warcFiles(warcs);
      assertTrue(files.size() >= 2, "rotated: " + files);
      List<ArchivedResponse> all = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      try (ArchivedResponses in = ArchivedResponses.open(files, warnings::add)) {
        for (Optional<ArchivedResponse> r; (r = in.next()).isPresent(); ) {
          all.add(r.get());
        }
      }
      assertEquals(List.of(), warnings);
      assertEquals(4, all.size());
      ArchivedResponse full = all.get(1);
      ArchivedResponse dedup = all.get(2);
      assertEquals("http://news.test/rivers", full.url());
      assertTrue(!full.revisit() && dedup.revisit());
      assertArrayEquals(ARTICLE.getBytes(StandardCharsets.UTF_8), full.decodedBody());
      assertArrayEquals(full.payload(), dedup.payload(), "revisit resolved to the original");
      assertArrayEquals(full.decodedBody(), dedup.decodedBody());
      assertEquals(List.of("http://news.test/x"), full.metadata().get("outlink"));
      assertEquals(304, all.get(3).status());
      assertEquals(0, all.get(3).payload().length);
      assertEquals("127.0.0.1", full.ipAddress());
      assertTrue(full.location().length() > 0);
      assertEquals(full.location().offset(), catalogOffset(catalog, "http://news.test/rivers"));
    }
  }

  @Test
  void rebuildsTheCatalogFromWarcFilesAlone() throws IOException {
    Path warcs;
    try (Catalog catalog = Catalog.open(tmp.resolve("first.db"))) {
      warcs = writeArchive(catalog);
    }
    try (Catalog rebuilt = Catalog.open(tmp.resolve("rebuilt.db"))) {
      CatalogRebuilder.Report report = CatalogRebuilder.rebuild(CdxjIndex.warcFiles(warcs),
          rebuilt, new ArticleExtractor(), new MutableClock(T0));
      assertEquals(4, report.captures());
      assertEquals(2, report.revisits());
      assertEquals(2, report.articles(), "the page and its identical-payload revisit");
      assertEquals(4, rebuilt.count("captures"));
      assertEquals(List.of("Rivers rise in spring", "Rivers rise in spring"),
          rebuilt.searchTitles("river", 10));
      // Rebuilding again replaces instead of doubling.
      CatalogRebuilder.rebuild(CdxjIndex.warcFiles(warcs), rebuilt, new ArticleExtractor(),
          new MutableClock(T0));
      assertEquals(4, rebuilt.count("captures"));
      assertEquals(2, rebuilt.count("articles"));
      assertTrue(rebuilt.firstWithPayload("sha1:NOPE").isEmpty());
      assertEquals("http://news.test/rivers",
          rebuilt.latestFullCapture("http://news.test/rivers").orElseThrow().url());
      assertEquals("http://news.test/old", requestedUrlOf(rebuilt, "http://news.test/rivers"));
    }
  }

  @Test
  void packagesAWaczWithHashesThatMatch() throws IOException {
    Path warcs;
    try (Catalog catalog = Catalog.open(tmp.resolve("c.db"))) {
      warcs = writeArchive(catalog);
    }
    List<Path> files = CdxjIndex.warcFiles(warcs);
    Path wacz = tmp.resolve("out/archive.wacz");
    Map<String, String> titles = new HashMap<>(Map.of("http://news.test/rivers", "Rivers"));
    WaczExporter.Report report = WaczExporter.export(files, wacz, "Test", "newsarc/test",
        new MutableClock(T0), titles::get);
    assertEquals(files.size(), report.warcs());
    // The 200 HTML response, and the URL captured only as an identical-payload revisit of it;
    // the 304 revisit is no page.
    assertEquals(2, report.pages(), "the response and the revisit-only URL");
    ObjectMapper json = new ObjectMapper();
    try (ZipFile zip = new ZipFile(wacz.toFile())) {
      JsonNode pkg = json.readTree(zip.getInputStream(zip.getEntry("datapackage.json")));
      assertEquals("1.1.1", pkg.get("wacz_version").asText());
      assertEquals(files.size() + 2, pkg.get("resources").size());
      for (JsonNode r : pkg.get("resources")) {
        ZipEntry entry = zip.getEntry(r.get("path").asText());
        byte[] data = zip.getInputStream(entry).readAllBytes();
        assertEquals(r.get("bytes").asLong(), data.length);
        assertEquals(r.get("hash").asText(), "sha256:" + sha256(data));
        if (r.get("path").asText().startsWith("archive/")) {
          assertEquals(ZipEntry.STORED, entry.getMethod(), "WARCs are stored as they are");
        }
      }
      byte[] pkgBytes = zip.getInputStream(zip.getEntry("datapackage.json")).readAllBytes();
      JsonNode digest = json.readTree(zip.getInputStream(
          zip.getEntry("datapackage-digest.json")));
      assertEquals("sha256:" + sha256(pkgBytes), digest.get("hash").asText());
      List<String> pages = new String(zip.getInputStream(zip.getEntry("pages/pages.jsonl"))
          .readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      assertEquals("json-pages-1.0", json.readTree(pages.get(0)).get("format").asText());
      JsonNode page = json.readTree(pages.get(1));
      assertEquals("http://news.test/rivers", page.get("url").asText());
      assertEquals("2026-03-01T10:00:01Z", page.get("ts").asText());
      assertEquals("Rivers", page.get("title").asText());
      assertEquals("http://news.test/rivers?amp=1",
          json.readTree(pages.get(2)).get("url").asText(), "revisit-only URL is a page");
      List<String> index = new String(zip.getInputStream(zip.getEntry("indexes/index.cdx"))
          .readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      assertEquals(4, index.size());
      assertEquals(index.stream().sorted().toList(), index, "sorted");
      assertTrue(index.get(0).startsWith("test,news)/"), index.get(0));
    }
  }

  private static String sha256(byte[] data) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
  }

  private static long catalogOffset(Catalog catalog, String url) throws IOException {
    try (var ps = catalog.connection().prepareStatement(
        "SELECT warc_offset FROM captures WHERE url = ? ORDER BY id LIMIT 1")) {
      ps.setString(1, url);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
  }

  private static String requestedUrlOf(Catalog catalog, String url) throws IOException {
    try (var ps = catalog.connection().prepareStatement(
        "SELECT requested_url FROM captures WHERE url = ? ORDER BY id LIMIT 1")) {
      ps.setString(1, url);
      try (var rs = ps.executeQuery()) {
        rs.next();
        assertNull(null);
        return rs.getString(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
  }
}
