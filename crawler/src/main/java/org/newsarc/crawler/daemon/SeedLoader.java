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

/**
 * Collects the seed URLs: those written in the config and those listed in seed files (one URL
 * per line; blank lines and lines starting with '#' skipped), in order, without repeats.
 */
public final class SeedLoader {
  private SeedLoader() {}

  /** The seeds of {@code seeds}; file names are resolved against {@code baseDir}. */
  public static List<String> load(SeedsConfig seeds, Path baseDir) throws ConfigException {
    Set<String> out = new LinkedHashSet<>();
    seeds.urls().forEach(u -> out.add(u.strip()));
    for (String name : seeds.files()) {
      Path file = baseDir.resolve(name);
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String l = line.strip();
          if (!l.isEmpty() && !l.startsWith("#")) {
            out.add(l);
          }
        }
      } catch (IOException e) {
        throw new ConfigException(file, "cannot read seed file: " + e.getMessage(), e);
      }
    }
    return new ArrayList<>(out);
  }
}
