package org.newsarc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsarc.archive.ArchiveLock;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.CatalogRebuilder;
import org.newsarc.archive.CdxjIndex;
import org.newsarc.archive.WarcArchive;
import org.newsarc.extractor.ArticleExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsarc reindex}: rebuild the catalog from the WARC files alone. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
        "Rebuild the catalog from the WARC files alone, re-extracting every article.",
        "",
        "Rebuilds the captures and articles of DIR/newsarc.db from the WARC files in"
            + " DIR/warcs/, running the current extractor over every archived HTML page."
            + " Use it after an extractor upgrade, or when the catalog was lost.",
        "The old rows are replaced in one transaction; failures that never reached a WARC"
            + " (DNS, connection errors) are kept. An unfinished .open file left by a crash is"
            + " recovered first. Refuses to run while another newsarc process writes to DIR."},
    footer = {"", "Examples:",
        "  newsarc reindex --archive newsarc-data"})
public final class ReindexCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ArchiveFolderOption archive;

  @Override
  public Integer call() throws IOException {
    Path dir = archive.warcs(spec);
    PrintWriter out = spec.commandLine().getOut();
    try (ArchiveLock lock = ArchiveLock.acquire(archive.dir())) {
      List<Path> recovered = WarcArchive.recoverOpenFiles(dir, true);
      for (Path p : recovered) {
        out.printf("Recovered unfinished file %s%n", p.getFileName());
      }
      List<Path> warcs = new java.util.ArrayList<>();
      List<String> skipped = new java.util.ArrayList<>();
      for (Path w : CdxjIndex.warcFiles(dir, notListed -> out.printf("%s%n", notListed))) {
        if (java.nio.file.Files.size(w) == 0) {
          // An empty file (a crash before its first byte, a full disk) holds nothing to index.
          skipped.add("skipped empty WARC file " + w.getFileName() + " (0 bytes)");
        } else {
          warcs.add(w);
        }
      }
      for (String s : skipped) {
        out.printf("warning: %s%n", s);
      }
      try (Catalog catalog = openOrReplace(archive.catalog(), out)) {
        CatalogRebuilder.Report r = CatalogRebuilder.rebuild(warcs, catalog,
            new ArticleExtractor(), Clock.systemUTC());
        out.printf("Read %d WARC file(s): %d capture(s) (%d revisit(s)), %d article(s)"
            + " extracted, %d page(s) the extractor rejected.%n", r.files(), r.captures(),
            r.revisits(), r.articles(), r.extractionFailures());
        for (String w : r.warnings()) {
          out.printf("warning: %s%n", w);
        }
        if (r.skippedRecords() > 0) {
          out.printf("Skipped %d unreadable record(s); everything else was read.%n",
              r.skippedRecords());
        }
        out.printf("Catalog: %s%n", catalog.file());
        out.flush();
        return r.warnings().isEmpty() && skipped.isEmpty() ? 0 : 1;
      }
    }
  }

  /** The catalog, or a fresh one when it is damaged (the damaged file is kept aside). */
  private static Catalog openOrReplace(Path file, PrintWriter out) throws IOException {
    try {
      return Catalog.open(file);
    } catch (org.newsarc.archive.DamagedCatalogException e) {
      Path aside = file.resolveSibling(file.getFileName() + ".damaged-"
          + Clock.systemUTC().instant().getEpochSecond());
      java.nio.file.Files.move(file, aside);
      for (String suffix : List.of("-wal", "-shm")) {
        Path extra = file.resolveSibling(file.getFileName() + suffix);
        if (java.nio.file.Files.exists(extra)) {
          java.nio.file.Files.move(extra, aside.resolveSibling(aside.getFileName() + suffix));
        }
      }
      out.printf("The catalog was damaged; it is kept as %s and a fresh one is built from the"
          + " WARC files alone.%n", aside.getFileName());
      return Catalog.open(file);
    }
  }
}
