package org.newsarc.crawler.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsarc.crawler.config.ConfigException;
import org.newsarc.crawler.config.SeedsConfig;
import org.newsarc.crawler.fetch.UrlText;

/**
 * Collects the seed URLs: those written in the config and those listed in seed files (one URL
 * per line; blank lines and lines starting with '#' skipped), in order, without repeats.
 */
public final class SeedLoader {
  private SeedLoader() {}

  /** The seeds of {@code seeds}; file names are resolved against {@code baseDir}. */
  public static List<String> load(SeedsConfig seeds, Path baseDir) throws ConfigException {
    Set<String> out = new LinkedHashSet<>();
    // Seeds written in the config were checked when it was read (SeedsConfig).
    seeds.urls().forEach(u -> out.add(u.strip()));
    for (String name : seeds.files()) {
      Path file = baseDir.resolve(name);
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ConfigException(file, "cannot read seed file: " + e.getMessage(), e);
      }
      for (int n = 0; n < lines.size(); n++) {
        String l = lines.get(n).strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          String problem = UrlText.problem(l);
          if (problem != null) {
            throw new ConfigException(file, "line " + (n + 1) + " '" + abbreviate(l) + "': "
                + problem, null);
          }
          out.add(l);
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
