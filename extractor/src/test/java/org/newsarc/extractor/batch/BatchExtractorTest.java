package org.newsarc.extractor.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.extractor.ArticleExtractor;

/** Batch extraction over local files: plain and gzip, manifests, order, and per-file errors. */
class BatchExtractorTest {

  private static final String PAGE = "<html lang=\"de\"><head><title>Fähre – Rheinpost</title>"
      + "<meta property=\"og:site_name\" content=\"Rheinpost\"></head><body><article><p>"
      + "Der Stadtrat hat am Mittwoch die neue Rheinfähre beschlossen, nach langer Debatte. ".repeat(4)
      + "</p></article></body></html>";
  private static final Set<String> KEYS = Set.of("file", "url", "title", "author", "published",
      "site_name", "language", "canonical_url", "description", "page_type", "article_signal", "text");

  @TempDir
  Path dir;

  @Test
  void writesOneLinePerInputInOrderWithTheDocumentedKeys() throws IOException {
    Path plain = dir.resolve("a.html");
    Files.writeString(plain, PAGE, StandardCharsets.UTF_8);
    Path gz = dir.resolve("b.html.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(PAGE.getBytes(StandardCharsets.UTF_8));
    }
    Path empty = dir.resolve("c.html");
    Files.write(empty, new byte[0]);
    Path manifest = dir.resolve("pages.tsv");
    Files.writeString(manifest, "# pages\n" + gz + "\thttps://example.org/2023/11/08/faehre\n"
        + dir.resolve("missing.html") + "\thttps://example.org/missing\n");

    List<BatchInput> inputs = new ArrayList<>(BatchInput.readManifest(manifest));
    inputs.add(new BatchInput(plain.toString(), null));
    inputs.add(new BatchInput(empty.toString(), "https://example.org/empty"));
    StringWriter out = new StringWriter();
    int failures = new BatchExtractor(new ArticleExtractor()).run(inputs, out);

    assertEquals(2, failures);
    String[] lines = out.toString().split("\n");
    assertEquals(4, lines.length);
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines[0]);
    assertEquals(gz.toString(), first.get("file").asText());
    assertEquals("https://example.org/2023/11/08/faehre", first.get("url").asText());
    assertEquals("2023-11-08", first.get("published").asText());
    assertEquals("de", first.get("language").asText());
    assertTrue(first.get("text").asText().startsWith("Der Stadtrat"));
    assertNull(first.get("error"));
    assertTrue(Set.of("article", "hub", "listing", "page").contains(first.get("page_type").asText()));
    assertTrue(first.get("article_signal").isNumber());
    List<String> keys = new ArrayList<>();
    first.fieldNames().forEachRemaining(keys::add);
    assertEquals(KEYS, Set.copyOf(keys));

    JsonNode missing = json.readTree(lines[1]);
    assertTrue(missing.get("error").asText().contains("missing.html"));
    JsonNode third = json.readTree(lines[2]);
    assertEquals(plain.toString(), third.get("file").asText());
    assertEquals("Fähre", third.get("title").asText());
    assertFalse(third.has("error"));
    JsonNode fourth = json.readTree(lines[3]);
    assertTrue(fourth.get("error").asText().contains("empty"));
  }
}
