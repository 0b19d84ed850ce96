package org.newsarc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.CdxjIndex;
import org.newsarc.archive.WaczExporter;
import org.newsarc.crawler.capture.ArchiveSession;

/** The {@code --wacz} part of {@code newsarc export}: packages an archive folder. */
final class WaczExport {
  private WaczExport() {}

  static void run(PrintWriter out, Path archive, Path wacz, String title) throws IOException {
    Path dir = archive.resolve(ArchiveSession.WARC_DIR);
    List<Path> warcs = Files.isDirectory(dir) ? CdxjIndex.warcFiles(dir) : List.of();
    if (warcs.isEmpty()) {
      throw new IOException("no closed WARC files in " + dir);
    }
    Path db = archive.resolve(ArchiveSession.CATALOG_FILE);
    WaczExporter.Report report;
    if (Files.isRegularFile(db)) {
      try (Catalog catalog = Catalog.open(db)) {
        report = WaczExporter.export(warcs, wacz, title, "newsarc " + Version.version(),
            Clock.systemUTC(), url -> {
              try {
                return catalog.latestArticleTitle(url);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    } else {
      report = WaczExporter.export(warcs, wacz, title, "newsarc " + Version.version(),
          Clock.systemUTC(), url -> null);
    }
    out.printf("Wrote %s: %d WARC file(s), %d index line(s), %d page(s)%n", report.file(),
        report.warcs(), report.indexLines(), report.pages());
    out.flush();
  }
}
