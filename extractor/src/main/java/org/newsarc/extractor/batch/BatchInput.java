package org.newsarc.extractor.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One file to extract and the URL it was fetched from (null when unknown). Immutable and
 * thread-safe.
 *
 * @param file the path as the user gave it
 * @param url the page's address, used as the base for relative links; may be null
 */
public record BatchInput(String file, String url) {

  /**
   * Reads a manifest: one {@code path<TAB>url} line per page; blank lines and lines starting
   * with {@code #} are skipped; a line without a tab names a file with no URL. Relative paths
   * are kept as written.
   */
  public static List<BatchInput> readManifest(Path manifest) throws IOException {
    List<BatchInput> inputs = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab < 0) {
          inputs.add(new BatchInput(line.strip(), null));
        } else {
          String url = line.substring(tab + 1).strip();
          inputs.add(new BatchInput(line.substring(0, tab).strip(), url.isEmpty() ? null : url));
        }
      }
    }
    return inputs;
  }
}
