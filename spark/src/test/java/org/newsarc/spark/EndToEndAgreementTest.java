package org.newsarc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.archive.CdxjIndex;

/**
 * {@code newsarc-spark extract}, run through its command line in local mode, against
 * {@code newsarc reindex} followed by {@code newsarc export --all-pages --keep-duplicates} (the
 * archive module's rebuild and export that those commands run) on the demo archive and on the
 * WARC interoperability corpus (files written by wget, warcio.js and by hand, with bad records):
 * the same rows, columns and provenance included, in the same order, and the same problems.
 */
class EndToEndAgreementTest {
  private static final Path INTEROP = Path.of("..", "archive", "src", "test", "resources",
      "interop");

  @TempDir
  Path dir;

  /** What one run of the command line printed, and its exit code. */
  record Run(int exit, String out) {}

  @Test
  void theDemoArchiveGivesTheRowsOfReindexThenExport() throws IOException {
    Path warcs = DemoArchive.write(dir.resolve("demo"), 20_000);
    Reindexed.Export expected = Reindexed.reindexThenExport(CdxjIndex.warcFiles(warcs), dir);
    Path out = dir.resolve("demo-out");

    // A small split size: the files are also cut into record ranges.
    Run run = extract("--input", warcs.toString(), "--output", out.toString(),
        "--format", "jsonl", "--split-size", "8k");

    assertEquals(0, run.exit(), run.out());
    List<JsonNode> actual = Reindexed.readJsonl(out);
    assertTrue(expected.rows().size() >= 20, "pages and revisits: " + expected.rows().size());
    Reindexed.assertSameRows(Reindexed.normal(expected.rows()), Reindexed.normal(actual));
    assertTrue(run.out().contains(expected.rows().size() + " row(s) written"), run.out());
  }

  @Test
  void theInteroperabilityCorpusGivesTheRowsAndProblemsOfReindex() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("interop"));
    try (Stream<Path> files = Files.list(INTEROP)) {
      for (Path f : files.filter(p -> CdxjIndex.isArchiveName(p.getFileName().toString()))
          .toList()) {
        Files.copy(f, corpus.resolve(f.getFileName()));
      }
    }
    List<Path> warcs = CdxjIndex.warcFiles(corpus);
    assertTrue(warcs.size() >= 8, warcs.toString());
    Reindexed.Export expected = Reindexed.reindexThenExport(warcs, dir);
    assertTrue(!expected.warnings().isEmpty(), "the corpus has bad records");
    assertTrue(expected.rows().stream().anyMatch(r -> r.get("warc_file").asText()
        .equals("a-wget-dedup.warc.gz")), "wget revisits resolved from a later file");
    Path out = dir.resolve("interop-out");

    Run run = extract("--input", corpus.toString(), "--output", out.toString(),
        "--format", "jsonl");

    assertEquals(1, run.exit(), "skipped records make the exit code 1: " + run.out());
    Reindexed.assertSameRows(Reindexed.normal(expected.rows()), Reindexed.normal(Reindexed.readJsonl(out)));
    List<String> warnings = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      if (line.startsWith("warning: ")) {
        warnings.add(line.substring("warning: ".length()));
      }
    }
    assertEquals(expected.warnings(), warnings);
    assertTrue(run.out().contains(expected.warnings().size() + " problem(s) skipped"),
        run.out());
  }

  @Test
  void aCorruptedFileIsSkippedAndCountedAndTheOthersAreWritten() throws IOException {
    Path warcs = DemoArchive.write(dir.resolve("demo"), 20_000);
    List<Path> files = CdxjIndex.warcFiles(warcs);
    Path mixed = Files.createDirectories(dir.resolve("mixed"));
    Files.copy(files.get(0), mixed.resolve(files.get(0).getFileName()));
    // Not gzip, whatever its name says: nothing in it can be read.
    Files.write(mixed.resolve("zz-garbage.warc.gz"),
        "this is not a WARC file\r\n\r\n".repeat(40).getBytes(StandardCharsets.US_ASCII));
    Map<String, String> firstRow = Reindexed.normal(
        Reindexed.reindexThenExport(List.of(files.get(0)), dir).rows().get(0));
    Path out = dir.resolve("mixed-out");

    Run run = extract("--input", mixed.toString(), "--output", out.toString(),
        "--format", "jsonl");

    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().matches("(?s)Read 2 file\\(s\\).*[1-9][0-9]* problem\\(s\\) skipped.*"),
        run.out());
    assertTrue(run.out().contains("warning: zz-garbage.warc.gz"), run.out());
    List<JsonNode> rows = Reindexed.readJsonl(out);
    assertTrue(rows.stream().allMatch(r -> r.get("warc_file").asText()
        .equals(files.get(0).getFileName().toString())));
    assertEquals(firstRow, Reindexed.normal(rows.get(0)), "the good file's rows are written");
  }

  private static Run extract(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "extract";
    all[1] = "--master";
    all[2] = "local[2]";
    System.arraycopy(args, 0, all, 3, args.length);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    PrintStream before = System.out;
    int exit;
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      exit = SparkMain.run(all);
    } finally {
      System.setOut(before);
    }
    return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
  }
}
