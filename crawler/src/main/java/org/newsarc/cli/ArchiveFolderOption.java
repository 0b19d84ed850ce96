package org.newsarc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.newsarc.crawler.capture.ArchiveSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The {@code --archive DIR} option of the commands that read an archive folder. */
final class ArchiveFolderOption {
  @Option(names = "--archive", paramLabel = "DIR", defaultValue = "newsarc-data",
      description = "The archive folder holding warcs/ and newsarc.db (default: ${DEFAULT-VALUE}).")
  Path dir;

  /** The folder itself. */
  Path dir() {
    return dir;
  }

  /** Its WARC folder; a usage error when there is none. */
  Path warcs(CommandSpec spec) {
    Path warcs = dir.resolve(ArchiveSession.WARC_DIR);
    if (!Files.isDirectory(warcs)) {
      throw new ParameterException(spec.commandLine(), "no WARC folder at " + warcs);
    }
    return warcs;
  }

  /** Its catalog file (which may not exist yet). */
  Path catalog() {
    return dir.resolve(ArchiveSession.CATALOG_FILE);
  }
}
