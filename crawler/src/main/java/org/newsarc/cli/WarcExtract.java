package org.newsarc.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsarc.archive.ArchivedResponse;
import org.newsarc.archive.ArchivedResponses;
import org.newsarc.archive.CatalogRebuilder;
import org.newsarc.archive.CdxjIndex;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.batch.BatchExtractor;

/** The {@code --warc} part of {@code newsarc extract}: extracts archived HTML responses. */
final class WarcExtract {
  private WarcExtract() {}

  static int run(List<String> args, ArticleExtractor extractor, PrintWriter err)
      throws IOException {
    List<Path> warcs = new ArrayList<>();
    for (String arg : args) {
      Path p = Path.of(arg);
      if (Files.isDirectory(p)) {
        warcs.addAll(CdxjIndex.warcFiles(p, skipped -> err.println("newsarc extract: " + skipped)));
      } else if (Files.isRegularFile(p)) {
        warcs.add(p);
      } else {
        throw new IOException("no such WARC file or folder: " + arg);
      }
    }
    BatchExtractor batch = new BatchExtractor(extractor);
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    int pages = 0;
    int failures = 0;
    List<String> warnings = new ArrayList<>();
    int skipped;
    try (ArchivedResponses responses = ArchivedResponses.open(warcs, warnings::add)) {
      Optional<ArchivedResponse> next;
      while ((next = responses.next()).isPresent()) {
        ArchivedResponse r = next.get();
        if (!CatalogRebuilder.isExtractable(r)) {
          continue;
        }
        pages++;
        String source = r.location().warcFile() + "#" + r.location().offset();
        BatchExtractor.Line line = batch.extractToJson(source, r.url(), r.decodedBody(),
            r.firstHeaders());
        if (line.failed()) {
          failures++;
        }
        out.write(line.json());
        out.write('\n');
      }
      skipped = responses.skipped();
    }
    out.flush();
    for (String w : warnings) {
      err.println("newsarc extract: " + w);
    }
    if (skipped > 0) {
      err.println("newsarc extract: skipped " + skipped + " unreadable record(s) in "
          + warcs.size() + " file(s); every other record was read");
    }
    if (failures > 0) {
      err.println("newsarc extract: " + failures + " of " + pages
          + " archived pages could not be extracted (see their error field)");
    }
    err.flush();
    return failures > 0 || !warnings.isEmpty() ? 1 : 0;
  }
}
