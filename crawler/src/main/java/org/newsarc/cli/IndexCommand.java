package org.newsarc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsarc.archive.CdxjIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsarc index}: rebuild the CDXJ indexes of an archive's WARC files. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
        "Rebuild the CDXJ indexes of the WARC files (for pywb and ReplayWeb.page).",
        "",
        "Rebuilds the CDXJ index beside every closed WARC file in DIR/warcs/ (NAME.cdxj next to"
            + " NAME.warc.gz), in the form pywb and ReplayWeb.page read. newsarc writes these"
            + " as it closes each file; this command is for lost or older indexes.",
        "Files still being written (.open) are left alone."},
    footer = {"", "Examples:",
        "  newsarc index --archive newsarc-data",
        "  newsarc index --merged all.cdxj     # one sorted index of every file, too"})
public final class IndexCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ArchiveFolderOption archive;

  @Option(names = "--merged", paramLabel = "FILE",
      description = "Also write one sorted index of all the files to FILE.")
  Path merged;

  @Override
  public Integer call() throws IOException {
    Path dir = archive.warcs(spec);
    PrintWriter out = spec.commandLine().getOut();
    List<Path> warcs = CdxjIndex.warcFiles(dir, skipped -> out.printf("%s%n", skipped));
    int[] problems = {0};
    org.newsarc.archive.WarcFileReader.ProblemHandler onProblem = (file, offset, message) -> {
      problems[0]++;
      out.printf("warning: %s offset %d: %s%n", file.getFileName(), offset, message);
    };
    for (Path warc : warcs) {
      CdxjIndex.writeBeside(warc, onProblem);
    }
    out.printf("Indexed %d WARC file(s) in %s%n", warcs.size(), dir);
    if (merged != null) {
      try (Writer w = Files.newBufferedWriter(merged, StandardCharsets.UTF_8)) {
        CdxjIndex.write(warcs, w, (file, offset, message) -> { });
      }
      out.printf("Merged index: %s%n", merged);
    }
    if (problems[0] > 0) {
      out.printf("Left out %d unreadable record(s); every other record was indexed.%n",
          problems[0]);
    }
    out.flush();
    return problems[0] > 0 ? 1 : 0;
  }
}
