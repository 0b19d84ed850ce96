package org.newsarc.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * newsarc's CDXJ index of the interoperability corpus against warcio's
 * ({@code warcio-index.cdxj}, made by tools/interop/warcio-index.sh): the same lines, keys and
 * fields, including wget's {@code metadata://} records (keyed by their URI as it is) and the POST
 * capture ({@code __wb_method=post} and the form body in the key, {@code method} and
 * {@code requestBody} fields). The differences that remain are the ones docs/warc.md lists:
 * offsets in a file gzipped as one member, the records after a damaged gzip member (warcio stops
 * there), and lengths in an uncompressed file (newsarc counts the CRLF CRLF that ends a record).
 */
class CdxjInteropTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS = List.of("url", "mime", "status", "digest",
      "method", "requestBody");

  /** A line reduced to what is compared: key, timestamp, fields, filename, offset, length. */
  record Line(String key, String timestamp, Map<String, String> fields, String file, long offset,
      long length) {
    String identity() {
      return file + " " + key + " " + timestamp + " " + fields;
    }
  }

  static List<Line> parse(List<String> lines) throws IOException {
    List<Line> parsed = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(" ", 3);
      JsonNode json = JSON.readTree(parts[2]);
      Map<String, String> fields = new TreeMap<>();
      for (String f : FIELDS) {
        if (json.has(f)) {
          fields.put(f, json.get(f).asText());
        }
      }
      parsed.add(new Line(parts[0], parts[1], fields, json.get("filename").asText(),
          json.get("offset").asLong(), json.get("length").asLong()));
    }
    return parsed;
  }

  @Test
  void indexAgreesWithWarcio() throws Exception {
    Path corpus = InteropCorpusTest.corpus();
    List<Path> files;
    try (Stream<Path> list = Files.list(corpus)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".warc.gz")
          || p.getFileName().toString().endsWith(".warc")).sorted().toList();
    }
    StringWriter ours = new StringWriter();
    CdxjIndex.write(files, ours, (f, o, m) -> { });
    List<Line> mine = parse(List.of(ours.toString().split("\n")));
    List<Line> theirs = parse(Files.readAllLines(corpus.resolve("warcio-index.cdxj")));

    Map<String, List<Line>> byIdentity = new TreeMap<>();
    for (Line l : mine) {
      byIdentity.computeIfAbsent(l.identity(), k -> new ArrayList<>()).add(l);
    }
    int posts = 0;
    int metadata = 0;
    for (Line w : theirs) {
      List<Line> candidates = byIdentity.getOrDefault(w.identity(), List.of());
      assertTrue(!candidates.isEmpty(), "newsarc has no line for warcio's " + w);
      Line n = candidates.remove(0);
      long size = Files.size(corpus.resolve(w.file()));
      if (w.file().equals("one-member.warc.gz")) {
        // warcio (like jwarc) puts every record at the end of the file; the only place a
        // reader can start from is the file's one member.
        assertEquals(size, w.offset(), w.toString());
        assertEquals(0, n.offset(), n.toString());
        assertEquals(size, n.length(), n.toString());
      } else if (w.file().endsWith(".warc")) {
        assertEquals(w.offset(), n.offset(), n.toString());
        assertEquals(w.length() + 4, n.length(), "the CRLF CRLF after the record: " + n);
        byte[] bytes = Files.readAllBytes(corpus.resolve(w.file()));
        int end = (int) (n.offset() + n.length());
        assertEquals("\r\n\r\n", new String(bytes, end - 4, 4, "ISO-8859-1"), n.toString());
      } else {
        assertEquals(w.offset(), n.offset(), n.toString());
        assertEquals(w.length(), n.length(), n.toString());
      }
      posts += w.fields().containsKey("method") ? 1 : 0;
      metadata += w.key().startsWith("metadata://") ? 1 : 0;
    }
    assertEquals(2, posts, "the POST capture, in two files");
    assertTrue(metadata >= 12, "wget's metadata:// records: " + metadata);
    // What is left is what newsarc reads past a damaged gzip member, where warcio stops.
    for (List<Line> rest : byIdentity.values()) {
      for (Line l : rest) {
        assertEquals("bad-middle.warc.gz", l.file(), "only newsarc lists " + l);
      }
    }
  }
}
