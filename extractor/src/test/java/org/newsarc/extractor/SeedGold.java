package org.newsarc.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The gold record of one seed page: what a correct extractor returns for
 * {@code seeds/site/<path>}, read from {@code seeds/gold/<path minus .html>.json}. The format
 * is documented in {@code seeds/README.md}. Immutable.
 *
 * @param path the page's path below {@code seeds/site/}, without a leading slash
 * @param title the headline
 * @param authors author names in page order, possibly empty
 * @param published ISO 8601 date or date-time with offset
 * @param siteName the outlet's name
 * @param language BCP 47 tag as the page declares it
 * @param charset the charset the page's bytes are in
 * @param paragraphs the article text, one entry per paragraph, heading or list item, in order
 * @param boilerplate strings on the page that must not appear in the extracted text
 */
record SeedGold(
    String path,
    String title,
    List<String> authors,
    String published,
    String siteName,
    String language,
    String charset,
    List<String> paragraphs,
    List<String> boilerplate) {

  /** The seeds folder, seen from the extractor module, which is where Maven runs tests. */
  static final Path SEEDS = Path.of("..", "seeds");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every gold record under {@code seeds/gold}, sorted by page path. */
  static List<SeedGold> all() {
    Path goldDir = SEEDS.resolve("gold");
    try (Stream<Path> files = Files.walk(goldDir)) {
      return files
          .filter(p -> p.toString().endsWith(".json"))
          .map(SeedGold::read)
          .sorted((a, b) -> a.path().compareTo(b.path()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + goldDir.toAbsolutePath(), e);
    }
  }

  static SeedGold read(Path file) {
    try {
      JsonNode n = JSON.readTree(file.toFile());
      return new SeedGold(
          n.path("path").asText(),
          n.path("title").asText(),
          strings(n.path("authors")),
          n.path("published").asText(),
          n.path("site_name").asText(),
          n.path("language").asText(),
          n.hasNonNull("charset") ? n.get("charset").asText() : "UTF-8",
          strings(n.path("paragraphs")),
          strings(n.path("boilerplate")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gold file " + file, e);
    }
  }

  /** The page's bytes as the demo server would send them. */
  byte[] html() throws IOException {
    return Files.readAllBytes(SEEDS.resolve("site").resolve(path));
  }

  /** The address the page has when served at the root of a local server. */
  String url() {
    return "http://127.0.0.1/" + path;
  }

  /**
   * Collapses every run of whitespace (including no-break spaces) to one space and trims, so
   * that line breaks and indentation never decide whether a paragraph matches.
   */
  static String normalize(String s) {
    return s == null ? "" : s.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(e -> out.add(e.asText()));
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return path;
  }
}
