package org.newsarc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.dataset.ArticleSearch;
import org.newsarc.archive.dataset.DatasetExporter;
import org.newsarc.archive.dataset.DatasetFormat;
import org.newsarc.archive.dataset.DatasetQuery;
import org.newsarc.archive.dataset.OutputTarget;
import org.newsarc.crawler.capture.ArchiveSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsarc export}: take a documented dataset, or a WACZ package, out of an archive. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
        "Export articles as a documented dataset, or the WARC files as a WACZ package.",
        "",
        "Writes the articles of DIR/newsarc.db that match the filters to FILE (JSON Lines, CSV,"
            + " SQLite or Parquet, chosen by --format or by FILE's ending) and a data card"
            + " FILE.README.md (Hugging Face layout) describing the crawl, every column, the"
            + " filters used and the rows per site, language and month. By default only pages"
            + " judged to be articles are kept, one per canonical URL and per identical text;"
            + " the command says how many rows each filter left out. FILE '-' is standard"
            + " output. The catalog, WARC files and DIR/warcs/ are never written to.",
        "",
        "With --wacz FILE, packages the archive's WARC files, their CDXJ index and the list of"
            + " archived HTML pages as a WACZ file that ReplayWeb.page and pywb open."},
    footer = {"", "Examples:",
        "  newsarc export --archive newsarc-data --dataset articles.jsonl",
        "  newsarc export --dataset china.csv --language en --from 2022-03-01 --to 2022-03-31 \\",
        "      --query 'china AND (sanctions OR military)'",
        "  newsarc export --dataset subset.db --site example.org --min-words 200",
        "  newsarc export --dataset all.parquet",
        "  newsarc export --dataset - --format csv | head",
        "  newsarc export --wacz newsarc.wacz --title 'Spring floods'"})
public final class ExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ArchiveFolderOption archive;

  @Option(names = "--dataset", paramLabel = "FILE",
      description = "Where to write the dataset; '-' streams it to standard output.")
  String dataset;

  @Option(names = "--wacz", paramLabel = "FILE",
      description = "Write the WARC files as a WACZ package to FILE (filters do not apply).")
  Path wacz;

  @Option(names = "--title", paramLabel = "TEXT", defaultValue = "newsarc archive",
      description = "The WACZ collection's title (default: ${DEFAULT-VALUE}).")
  String title;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "jsonl, csv, sqlite or parquet, in any case (default: from FILE's ending,"
          + " else jsonl). An ending no format has, or one naming another format, is refused.")
  String format;

  @Option(names = "--site", paramLabel = "SITE", split = ",",
      description = "Keep these sites: a site name or a host (example.org also matches"
          + " www.example.org). Repeat or separate with commas.")
  List<String> sites = new ArrayList<>();

  @Option(names = "--language", paramLabel = "TAG", split = ",",
      description = "Keep these languages; 'en' also matches 'en-GB'.")
  List<String> languages = new ArrayList<>();

  @Option(names = "--from", paramLabel = "DATE", description = "Published on or after (YYYY-MM-DD).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before (YYYY-MM-DD).")
  String to;

  @Option(names = "--query", paramLabel = "FTS",
      description = "Full-text query over title and text (SQLite FTS5 syntax).")
  String query;

  @Option(names = "--min-words", paramLabel = "N", defaultValue = "0",
      description = "Keep articles with at least N words.")
  int minWords;

  @Option(names = "--all-pages", description = "Keep pages judged not to be articles, too.")
  boolean allPages;

  @Option(names = "--keep-duplicates", description = "Keep every capture, even of the same article.")
  boolean keepDuplicates;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Write at most N rows.")
  int limit;

  @Override
  public Integer call() throws IOException {
    if (dataset == null && wacz == null) {
      throw new ParameterException(spec.commandLine(), "name --dataset FILE or --wacz FILE");
    }
    Path db = archive.catalog();
    List<Path> protectedDirs = List.of(archive.dir().resolve(ArchiveSession.WARC_DIR));
    DatasetFormat chosen = null;
    DatasetQuery q = null;
    OutputTarget target = null;
    OutputTarget waczTarget = null;
    try {
      if (wacz != null) {
        waczTarget = OutputTarget.of(wacz.toString(), List.of(db), protectedDirs);
      }
      if (dataset != null) {
        chosen = DatasetFormat.choose(format, dataset);
        q = new DatasetQuery(sites, from, to, languages, query, minWords, !allPages,
            !keepDuplicates, limit);
        target = OutputTarget.of(dataset, List.of(db), protectedDirs);
      }
    } catch (IllegalArgumentException | OutputTarget.RefusedException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (wacz != null) {
      writeWacz(waczTarget);
      if (dataset == null) {
        return 0;
      }
    }
    if (!Files.isRegularFile(db)) {
      throw new ParameterException(spec.commandLine(), "no archive catalog at " + db);
    }
    // With the rows on a stream (standard output, /dev/stdout, a pipe), the report goes to
    // standard error so that it never mixes with them.
    PrintWriter out = target.direct() ? spec.commandLine().getErr() : spec.commandLine().getOut();
    try (Catalog catalog = Catalog.open(db)) {
      DatasetExporter.Summary s;
      try {
        s = new DatasetExporter(catalog, Clock.systemUTC(), "newsarc " + Version.version())
            .export(q, chosen, target, System.out);
      } catch (ArticleSearch.QuerySyntaxException e) {
        throw new ParameterException(spec.commandLine(), "--query: " + e.getMessage());
      }
      out.printf("Wrote %d article(s) as %s to %s%n", s.rows(), chosen.label(),
          s.file() == null ? "standard output" : s.file());
      out.println(s.dataCard() == null ? "No data card: the rows went to a stream."
          : "Data card: " + s.dataCard());
      for (Map.Entry<String, Integer> e : s.leftOut().entrySet()) {
        out.printf("Left out %d row(s): %s%n", e.getValue(), e.getKey());
      }
      for (Map.Entry<String, Integer> e : s.bySite().entrySet()) {
        out.printf("  %-40s %d%n", e.getKey(), e.getValue());
      }
      out.flush();
    }
    return 0;
  }

  /** A file is written in place by rename; a stream (- or a device) gets a finished copy. */
  private void writeWacz(OutputTarget t) throws IOException {
    if (!t.direct()) {
      WaczExport.run(spec.commandLine().getOut(), archive.dir(), wacz, title);
      return;
    }
    Path dir = Files.createTempDirectory("newsarc-wacz-");
    Path tmp = dir.resolve("archive.wacz");
    try {
      WaczExport.run(new PrintWriter(java.io.Writer.nullWriter()), archive.dir(), tmp, title);
      try (java.io.OutputStream out = t.openDirect(System.out)) {
        Files.copy(tmp, out);
      }
      spec.commandLine().getErr().printf("Wrote the WACZ package (%d bytes) to %s%n",
          Files.size(tmp), t.isStdout() ? "standard output" : t.path());
      spec.commandLine().getErr().flush();
    } finally {
      Files.deleteIfExists(tmp);
      Files.deleteIfExists(dir);
    }
  }
}
