package org.newsarc.archive.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.CaptureRow;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.StoredCapture;
import org.newsarc.extractor.Article;

/** The export defects of issue 11: formats, targets, modes, sites and what filters leave out. */
class DatasetDefectsTest {
  private static final Instant T = Instant.parse("2024-05-01T00:00:00Z");
  @TempDir Path dir;
  Catalog catalog;
  DatasetExporter exporter;

  @BeforeEach
  void fill() throws IOException {
    catalog = Catalog.open(dir.resolve("newsarc.db"));
    exporter = new DatasetExporter(catalog, Clock.fixed(T, ZoneOffset.UTC), "newsarc test");
    add("http://127.0.0.1:8080/news/a.html", "Loopback story", 0.9, "Local words here.");
    add("https://www.example.org/b", "Example story", 0.9, "Other words there.");
    add("https://www.example.org/", "Front page", 0.1, "Latest news");
  }

  @Test
  void formatNamesAreCaseInsensitive() {
    assertEquals(DatasetFormat.CSV, DatasetFormat.choose("csv", "out"));
    assertEquals(DatasetFormat.CSV, DatasetFormat.choose("CSV", "out.csv"));
    assertEquals(DatasetFormat.PARQUET, DatasetFormat.choose("Parquet", "-"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatasetFormat.choose("xml", "out"));
    assertTrue(e.getMessage().contains("jsonl, csv, sqlite, parquet"), e.getMessage());
  }

  @Test
  void theEndingChoosesTheFormatAndUnknownOrContradictingEndingsAreRefused() {
    assertEquals(DatasetFormat.PARQUET, DatasetFormat.choose(null, "all.parquet"));
    assertEquals(DatasetFormat.SQLITE, DatasetFormat.choose(null, "d/all.sqlite3"));
    assertEquals(DatasetFormat.JSONL, DatasetFormat.choose(null, "/dev/stdout"));
    assertThrows(IllegalArgumentException.class, () -> DatasetFormat.choose(null, "all.tsv"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatasetFormat.choose("jsonl", "all.csv"));
    assertTrue(e.getMessage().contains("contradicts"), e.getMessage());
  }

  @Test
  void dashStreamsToStandardOutputAndWritesNoFileNamedDash() throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    DatasetExporter.Summary s = exporter.export(DatasetQuery.all(), DatasetFormat.CSV,
        OutputTarget.of("-", List.of(), List.of()), stdout);
    String csv = stdout.toString(StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("id,url,"), csv);
    assertEquals(2, s.rows());
    assertFalse(Files.exists(Path.of("-")));
  }

  @Test
  void aSymlinkToADeviceIsWrittenThroughAndNotReplaced() throws Exception {
    Path link = dir.resolve("stdout-link");
    Files.createSymbolicLink(link, Path.of("/dev/null"));
    OutputTarget t = OutputTarget.of(link.toString(), List.of(), List.of());
    assertTrue(t.direct());
    assertTrue(OutputTarget.of("/dev/stdout", List.of(), List.of()).direct(),
        "/dev/stdout is written in place even when the shell sent it to a regular file");
    exporter.export(DatasetQuery.all(), DatasetFormat.JSONL, t, null);
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")));
    // a symlink to a regular file: the file is replaced, the link stays
    Path real = dir.resolve("real.jsonl");
    Files.writeString(real, "old");
    Path link2 = dir.resolve("link2.jsonl");
    Files.createSymbolicLink(link2, real);
    exporter.export(DatasetQuery.all(), DatasetFormat.JSONL,
        OutputTarget.of(link2.toString(), List.of(), List.of()), null);
    assertTrue(Files.isSymbolicLink(link2));
    assertEquals(2, Files.readAllLines(real).size());
  }

  @Test
  void theCatalogWarcFilesAndTheWarcFolderAreRefused() throws Exception {
    Path db = dir.resolve("newsarc.db");
    Path warcs = Files.createDirectories(dir.resolve("warcs"));
    List<Path> files = List.of(db);
    List<Path> dirs = List.of(warcs);
    for (String bad : new String[] {db.toString(), db + "-wal", dir + "/./newsarc.db",
        warcs.resolve("x.jsonl").toString(), dir.resolve("a.warc.gz").toString(),
        warcs.toString()}) {
      assertThrows(OutputTarget.RefusedException.class, () -> OutputTarget.of(bad, files, dirs),
          bad);
    }
    Path alias = dir.resolve("alias.db");
    Files.createSymbolicLink(alias, db);
    assertThrows(OutputTarget.RefusedException.class,
        () -> OutputTarget.of(alias.toString(), files, dirs), "a link to the catalog");
    assertEquals(3, catalog.count("articles"), "catalog untouched");
  }

  @Test
  void exportsGetTheModeOfAnyNewFile() throws Exception {
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(
        Files.createFile(dir.resolve("probe")));
    for (DatasetFormat f : DatasetFormat.values()) {
      Path out = exporter.export(DatasetQuery.all(), f, dir.resolve("out/all." + f.label())).file();
      assertEquals(expected, Files.getPosixFilePermissions(out, LinkOption.NOFOLLOW_LINKS),
          f.label());
    }
    Path tmp = OutputTarget.newTempFile(dir, ".t-", ".tmp");
    assertEquals(expected, Files.getPosixFilePermissions(tmp));
  }

  @Test
  void aSiteMatchesItsHostWithOrWithoutPortAndItsName() throws Exception {
    assertEquals(1, rows("127.0.0.1"));
    assertEquals(1, rows("127.0.0.1:8080"));
    assertEquals(0, rows("127.0.0.1:9"));
    assertEquals(1, rows("example.org"));
    assertEquals(1, rows("Example Site"));
    assertEquals(0, rows("ample.org"));
  }

  @Test
  void theSummaryAndCardSayWhatEachFilterLeftOut() throws Exception {
    DatasetExporter.Summary s = exporter.export(new DatasetQuery(List.of("example.org"), null,
        null, List.of(), null, 0, true, true, 0), DatasetFormat.JSONL, dir.resolve("o.jsonl"));
    assertEquals(1, s.rows());
    assertEquals(1, s.leftOut().get("not an article (article_signal < 0.5; --all-pages keeps them)"),
        s.leftOut().toString());
    assertEquals(1, s.leftOut().get("other site (--site)"), s.leftOut().toString());
    String card = Files.readString(s.dataCard());
    assertTrue(card.startsWith("---\n"), "YAML header");
    assertTrue(card.contains("--all-pages keeps them) | 1 |"), card);
  }

  private int rows(String site) throws IOException {
    return exporter.export(new DatasetQuery(List.of(site), null, null, List.of(), null, 0, true,
        true, 0), DatasetFormat.JSONL, dir.resolve("q.jsonl")).rows();
  }

  private void add(String url, String title, double signal, String text) throws IOException {
    long id = catalog.addCapture(new CaptureRow(url, url, T, 200, "text/html", "127.0.0.1", null,
        new StoredCapture("x.warc.gz", 0, 10, "<urn:uuid:" + java.util.UUID.randomUUID() + ">",
            "sha1:AAAA", T, false)));
    catalog.addArticle(id, Article.newBuilder(url).title(title).text(text).articleSignal(signal)
        .siteName(url.contains("example") ? "Example Site" : null)
        .authors(List.of("A. Writer", "B. Reporter")).build(), "test", T);
  }
}
