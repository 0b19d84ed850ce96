package org.newsarc.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.newsarc.archive.HttpExchange;
import org.newsarc.archive.WarcArchive;
import org.newsarc.archive.WarcOptions;

/**
 * Writes a benchmark archive of {@code PAGES} responses: rounds of real pages, the corpora under
 * {@code SOURCE} (folders with {@code gold.jsonl} and {@code html/*.html.gz}, as in
 * {@code ../shared/eval}), or the demo site's pages when {@code SOURCE} is {@code seeds/site}.
 * Every copy after the first gets its own URL and a comment before {@code </body>}, so every
 * payload differs and none becomes a revisit. Files rotate at {@code FILE_MB} megabytes and get
 * their CDXJ index beside them, as a crawl leaves them. Pages are taken in turn from each
 * corpus, so that any first part of the archive has the same mix. Usage, from the repository
 * root: {@code BenchArchive DIR PAGES SOURCE FILE_MB};
 * the files go to DIR/warcs, as {@code newsarc reindex --archive DIR} expects.
 */
public final class BenchArchive {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchArchive() {}

  /** One page: its URL and its bytes as served. */
  private record Page(String url, byte[] body) {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int total = Integer.parseInt(args[1]);
    Path source = Path.of(args.length > 2 ? args[2] : "seeds/site");
    long fileBytes = (args.length > 3 ? Long.parseLong(args[3]) : 100) << 20;
    List<Page> pages = Files.exists(source.resolve("index.html")) ? site(source) : corpora(source);
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    int written = 0;
    try (WarcArchive archive = WarcArchive.open(dir.resolve("warcs"),
        WarcOptions.defaults().withMaxFileBytes(fileBytes), Clock.fixed(t, ZoneOffset.UTC))) {
      for (int copy = 0; written < total; copy++) {
        for (Page page : pages.subList(0, Math.min(pages.size(), total - written))) {
          String url = copy == 0 ? page.url() : page.url() + (page.url().contains("?") ? "&" : "?")
              + "copy=" + copy;
          byte[] body = copy == 0 ? page.body() : withComment(page.body(), copy);
          byte[] header = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
              + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
          java.net.URI u = java.net.URI.create(url);
          byte[] request = ("GET " + u.getRawPath() + (u.getRawQuery() == null ? ""
              : "?" + u.getRawQuery()) + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1);
          t = t.plusMillis(100);
          archive.write(new HttpExchange(url, t, "127.0.0.1", "http/1.1", request, header, body,
              null));
          written++;
        }
      }
    }
    System.out.printf("Wrote %d responses (rounds of %d pages) to %s%n", written, pages.size(),
        dir.resolve("warcs"));
  }

  private static byte[] withComment(byte[] body, int copy) {
    String html = new String(body, StandardCharsets.ISO_8859_1);
    String mark = "<!-- copy " + copy + " -->";
    int end = html.lastIndexOf("</body>");
    html = end < 0 ? html + mark : html.substring(0, end) + mark + html.substring(end);
    return html.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The pages of the corpus folders under {@code root}, one from each folder in turn. */
  private static List<Page> corpora(Path root) throws IOException {
    List<Path> folders;
    try (Stream<Path> s = Files.list(root)) {
      folders = s.filter(p -> Files.exists(p.resolve("gold.jsonl"))).sorted().toList();
    }
    if (folders.isEmpty()) {
      throw new IOException("no corpus folders (with gold.jsonl) under " + root);
    }
    List<List<Page>> perFolder = new ArrayList<>();
    // Some corpora share pages: each body once, or it would be stored as a revisit.
    java.util.Set<String> bodies = new java.util.HashSet<>();
    for (Path folder : folders) {
      List<Page> pages = new ArrayList<>();
      perFolder.add(pages);
      try (BufferedReader r = Files.newBufferedReader(folder.resolve("gold.jsonl"))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode gold = JSON.readTree(line);
          Path file = folder.resolve(gold.get("file").asText());
          String url = gold.path("url").asText("");
          if (!isHttpUri(url)) {
            url = "http://" + folder.getFileName() + ".bench.test/" + gold.get("id").asText();
          }
          byte[] body;
          try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            body = in.readAllBytes();
          }
          if (bodies.add(java.util.HexFormat.of().formatHex(sha256(body)))) {
            pages.add(new Page(url, body));
          }
        }
      }
    }
    List<Page> mixed = new ArrayList<>();
    for (int i = 0; mixed.size() < perFolder.stream().mapToInt(List::size).sum(); i++) {
      for (List<Page> pages : perFolder) {
        if (i < pages.size()) {
          mixed.add(pages.get(i));
        }
      }
    }
    return mixed;
  }

  private static boolean isHttpUri(String url) {
    try {
      java.net.URI u = new java.net.URI(url);
      return u.getHost() != null && u.getScheme().startsWith("http");
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The demo site's pages. */
  private static List<Page> site(Path site) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(site)) {
      files = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    List<Page> pages = new ArrayList<>();
    for (Path f : files) {
      pages.add(new Page("http://demo.test/" + site.relativize(f).toString().replace('\\', '/'),
          Files.readAllBytes(f)));
    }
    return pages;
  }
}
