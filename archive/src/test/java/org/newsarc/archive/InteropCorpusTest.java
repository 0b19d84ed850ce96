package org.newsarc.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsarc.extractor.ArticleExtractor;

/**
 * Reads the interoperability corpus (files written by wget, warcio.js and by hand, see
 * tools/interop/make-corpus.sh) and compares what newsarc reads with what the independent warcio
 * reader found in the same files ({@code expected.tsv}): every response, its status, the SHA-256
 * of its decoded body, and the offsets and lengths of the CDXJ index.
 */
@org.junit.jupiter.api.Timeout(120)
class InteropCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  /** One row of expected.tsv. */
  record Row(String file, long offset, long length, String type, String url, String status,
      String sha256) {}

  static Path corpus() {
    try {
      return Path.of(InteropCorpusTest.class.getResource("/interop/expected.tsv").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Row> expected() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(corpus().resolve("expected.tsv"))) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      rows.add(new Row(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], f[4], f[5], f[6]));
    }
    return rows;
  }

  static Stream<String> files() throws IOException {
    return expected().stream().map(Row::file).distinct();
  }

  private static List<Row> rows(String file, String... types) throws IOException {
    List<String> wanted = List.of(types);
    return expected().stream().filter(r -> r.file().equals(file) && wanted.contains(r.type()))
        .toList();
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The warcio row of the response a revisit repeats: same URL, in the file it came from. */
  private static Row original(Row revisit) throws IOException {
    String source = revisit.file().equals("a-wget-dedup.warc.gz") ? "z-wget-first.warc.gz"
        : revisit.file();
    String url = revisit.url().replace("framed-again", "framed");
    return rows(source, "response").stream().filter(r -> r.url().equals(url)).findFirst()
        .orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyResponseIsReadWithTheBodyWarcioReads(String name) throws IOException {
    List<Path> paths = new ArrayList<>(List.of(corpus().resolve(name)));
    if (name.equals("a-wget-dedup.warc.gz")) {
      paths.add(corpus().resolve("z-wget-first.warc.gz")); // the originals sort after it
    }
    List<String> warnings = new ArrayList<>();
    List<ArchivedResponse> read = new ArrayList<>();
    int skipped;
    try (ArchivedResponses responses = ArchivedResponses.open(paths, warnings::add)) {
      Optional<ArchivedResponse> next;
      while ((next = responses.next()).isPresent()) {
        if (next.get().location().warcFile().equals(name)) {
          read.add(next.get());
        }
      }
      skipped = responses.skipped();
    }
    for (String w : warnings) {
      assertTrue(w.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "printable: " + w);
    }
    assertEquals(name.equals("bad-middle.warc.gz") ? 1 : 0, skipped, name + ": " + warnings);
    List<Row> want = rows(name, "response", "revisit");
    assertEquals(want.size(), read.size(), name + ": responses and revisits read");
    for (int i = 0; i < want.size(); i++) {
      Row w = want.get(i);
      ArchivedResponse r = read.get(i);
      assertEquals(w.url(), r.url(), name);
      assertEquals(w.status(), Integer.toString(r.status()), name + " " + w.url());
      String body = w.type().equals("revisit") && w.status().equals("200")
          ? original(w).sha256() : w.sha256();
      if (!w.type().equals("revisit") || w.status().equals("200")) {
        assertEquals(body, sha256(r.decodedBody()), name + " " + w.url() + ": decoded body");
      }
      assertEquals(w.offset(), r.location().offset(), name + " " + w.url() + ": offset");
    }
  }

  @ParameterizedTest
  @MethodSource("files")
  void cdxjOffsetsAndLengthsPointAtTheRecords(String name) throws IOException {
    StringWriter out = new StringWriter();
    List<String> problems = new ArrayList<>();
    CdxjIndex.write(List.of(corpus().resolve(name)), out, (f, o, m) -> problems.add(o + m));
    // As warcio indexes: wget's MANIFEST.txt is a metadata record in text/plain, so it has a
    // line (metadata records in application/warc-fields would not; the corpus has none).
    List<Row> want = rows(name, "response", "revisit", "resource", "metadata");
    List<String> lines = out.toString().lines().toList();
    assertEquals(want.size(), lines.size(), name + ": index lines " + problems);
    if (name.equals("one-member.warc.gz")) {
      // One gzip member: every record is reached from its start, and it spans the file.
      long size = Files.size(corpus().resolve(name));
      for (String line : lines) {
        assertTrue(line.contains("\"offset\": \"0\"") && line.contains("\"length\": \"" + size
            + "\""), line);
      }
      return;
    }
    for (Row w : want) {
      boolean found = false;
      for (String line : lines) {
        JsonNode f = JSON.readTree(line.substring(line.indexOf('{')));
        if (f.path("offset").asLong(-1) == w.offset()) {
          found = true;
          long length = f.path("length").asLong();
          // warcio leaves the CRLF CRLF after an uncompressed record out of its length.
          assertTrue(length == w.length() || name.endsWith(".warc") && length == w.length() + 4,
              name + " " + w.url() + ": length " + length + ", warcio " + w.length());
          assertEquals(w.url(), f.path("url").asText(), name + " at " + w.offset());
        }
      }
      assertTrue(found, name + ": no line for " + w);
    }
    for (String line : lines) {
      assertTrue(line.contains("\"length\": \""), line);
      assertFalse(line.contains("\"length\": \"0\""), name + ": " + line);
    }
  }

  @Test
  void reindexOfTheWholeCorpusGivesEveryCaptureAndArticle() throws IOException {
    List<Path> all = CdxjIndex.warcFiles(corpus(), s -> { });
    assertEquals(files().count(), all.size(), "every corpus file is listed");
    try (Catalog catalog = Catalog.open(tmp.resolve("c.db"))) {
      CatalogRebuilder.Report report = CatalogRebuilder.rebuild(all, catalog,
          new ArticleExtractor(), Clock.systemUTC());
      long captures = expected().stream()
          .filter(r -> r.type().equals("response") || r.type().equals("revisit")).count();
      assertEquals(captures, report.captures(), report.warnings().toString());
      assertEquals(1, report.skippedRecords(), report.warnings().toString());
      // Every HTML 200 capture, revisits included, reaches the extractor.
      long html = expected().stream().filter(r -> r.status().equals("200")
          && (r.type().equals("response") || r.type().equals("revisit"))
          && !r.url().endsWith(".png") && !r.url().endsWith("/search")).count();
      List<String> extractable = new ArrayList<>();
      try (ArchivedResponses responses = ArchivedResponses.open(all, w -> { })) {
        Optional<ArchivedResponse> next;
        while ((next = responses.next()).isPresent()) {
          if (CatalogRebuilder.isExtractable(next.get())) {
            extractable.add(next.get().location().warcFile() + " " + next.get().url());
          }
        }
      }
      assertEquals(html, report.articles() + report.extractionFailures(),
          report + " " + extractable);
      assertNotNull(catalog.latestArticleTitle(
          rows("a-wget-dedup.warc.gz", "revisit").get(1).url()), "wget dedup revisit article");
    }
  }
}
