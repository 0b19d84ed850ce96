package org.newsarc.crawler.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsarc.crawler.hostile.Scripts.HTML;
import static org.newsarc.crawler.hostile.Scripts.gzipBomb;
import static org.newsarc.crawler.hostile.Scripts.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.testing.WarcFiles;

/**
 * Bounded memory in {@code archive} (issue 9, 3): {@code archive --workers 32} runs in a child
 * JVM whose heap is capped at 1 GB ({@code -XX:+ExitOnOutOfMemoryError} ends it with code 3 on
 * an overrun) over 32 hostile hosts, each serving a page of 150 MB of {@code <p>} paragraphs, a
 * page of 200,000 links and a body of 20 MB; every 4th host also a gzip bomb that decodes to
 * 150 MB of {@code <p>} tags (see {@link MemoryBoundTest#BOMB_EVERY}). A healthy host's article
 * is archived beside them, at the default {@code --max-bytes}. The run must end normally (exit 0,
 * or 1 when some URLs failed), every hostile URL must have its line with a clear outcome (the
 * 150 MB page archived truncated as {@code too-large}; the bomb is stored as sent, its decoded
 * text cut for the extractor), the article must be archived and every WARC file valid. The peak
 * heap is read from the child's flight recording.
 */
class MemoryBoundArchiveTest {
  static final int HOSTS = MemoryBoundTest.HOSTS;
  static final String XMX = MemoryBoundTest.XMX;
  /** What a hostile URL may end as: archived, or archived truncated, or a clear failure. */
  static final Set<String> OUTCOMES = Set.of("ok", "too-large", "extraction");

  @TempDir
  Path dir;

  @Test
  void archiveWithThirtyTwoWorkersOnHostilePagesStaysUnderOneGigabyte() throws Exception {
    byte[] bomb = gzipBomb("<p>", 150L << 20);
    byte[] links = MemoryBoundTest.links(200_000);
    byte[] big = RawServer.ascii("<html><body>\n"
        + "<p>a paragraph of twenty megabytes of words</p>\n".repeat(20_000_000 / 48)
        + "</body></html>\n");
    List<RawServer> hosts = new ArrayList<>();
    List<String> hostile = new ArrayList<>();
    try (RawServer healthy = new RawServer("127.0.14.1")) {
      healthy.route("/story", Scripts.article());
      List<String> urls = new ArrayList<>();
      StringBuilder allow = new StringBuilder("127.0.14.1/32");
      for (int i = 1; i <= HOSTS; i++) {
        RawServer h = new RawServer("127.0.15." + i);
        hosts.add(h);
        h.route("/huge.html", Scripts.endless("HTTP/1.1 200 OK\r\n" + HTML
            + "Content-Length: " + (150L << 20) + "\r\n\r\n", 150L << 20));
        h.route("/links.html", http("HTTP/1.1 200 OK", HTML, links));
        h.route("/big.html", http("HTTP/1.1 200 OK", HTML, big));
        hostile.add(h.url("/huge.html"));
        hostile.add(h.url("/links.html"));
        hostile.add(h.url("/big.html"));
        if (i % MemoryBoundTest.BOMB_EVERY == 0) {
          h.route("/bomb.html", http("HTTP/1.1 200 OK", HTML + "Content-Encoding: gzip\r\n",
              bomb));
          hostile.add(h.url("/bomb.html"));
        }
        allow.append(",127.0.15.").append(i).append("/32");
      }
      // Every host's first URL first, so that the 32 workers start at once.
      for (String path : new String[] {"/big.html", "/huge.html", "/links.html", "/bomb.html"}) {
        for (RawServer h : hosts) {
          if (hostile.contains(h.url(path))) {
            urls.add(h.url(path));
          }
        }
      }
      urls.add(healthy.url("/story"));
      Path list = dir.resolve("urls.txt");
      Files.write(list, urls);
      Path jfr = dir.resolve("child.jfr");
      long started = System.nanoTime();
      Process child = startArchive(list, allow.toString(), jfr);
      boolean ended = child.waitFor(8, TimeUnit.MINUTES);
      if (!ended) {
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
      String err = Files.readString(dir.resolve("child.err"));
      assertTrue(ended, "archive ends within 8 minutes");
      int exit = child.exitValue();
      assertTrue(exit == 0 || exit == 1, "exit code " + exit + " (3 = out of memory): "
          + MemoryBoundTest.tail(err));

      Map<String, JsonNode> lines = new HashMap<>();
      ObjectMapper json = new ObjectMapper();
      for (String line : Files.readAllLines(dir.resolve("child.out"))) {
        if (line.startsWith("{")) {
          JsonNode node = json.readTree(line);
          lines.put(node.get("url").asText(), node);
        }
      }
      Map<String, Integer> outcomes = new TreeMap<>();
      for (String url : hostile) {
        JsonNode line = lines.get(url);
        assertNotNull(line, url + " has its line");
        String outcome = line.get("ok").asBoolean() ? "ok" : line.get("failure").asText();
        assertTrue(OUTCOMES.contains(outcome), url + " ends clearly: " + line);
        if (!outcome.equals("ok")) {
          assertTrue(!line.get("reason").asText().isBlank(), url + " has a reason: " + line);
        }
        if (url.endsWith("/huge.html")) {
          assertEquals("too-large", outcome, url + " is cut at the body cap: " + line);
          assertTrue(line.get("hops").size() > 0
              && !line.get("hops").get(0).get("warc_file").isNull(),
              url + " is archived truncated: " + line);
        }
        outcomes.merge(url.substring(url.lastIndexOf('/')) + " " + outcome, 1, Integer::sum);
      }
      JsonNode story = lines.get(healthy.url("/story"));
      assertNotNull(story, "the healthy article has its line");
      assertTrue(story.get("ok").asBoolean(), "the healthy article is archived: " + story);
      WarcFiles.assertValid(dir.resolve("out/warcs"));

      long[] peak = MemoryBoundTest.peakHeap(jfr);
      System.out.printf("archive memory bound: --workers %d on %d hostile hosts, -Xmx%s, exit %d,"
          + " no out of memory: peak heap in use %d MiB before a collection, %d MiB after one,"
          + " %d s, outcomes %s%n", HOSTS, HOSTS, XMX, exit, peak[0] >> 20, peak[1] >> 20,
          seconds, outcomes);
      assertTrue(peak[0] > 0 && peak[1] > 0, "the child's flight recording saw collections");
    } finally {
      for (RawServer h : hosts) {
        h.close();
      }
    }
  }

  private Process startArchive(Path list, String allow, Path jfr) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + XMX,
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:StartFlightRecording=filename=" + jfr + ",settings=default,dumponexit=true",
        "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "org.newsarc.cli.Main", "archive",
        "--out", dir.resolve("out").toString(), "-i", list.toString(), "--jsonl",
        "--workers", String.valueOf(HOSTS), "--delay", "20ms",
        "--contact", "https://example.org/newsarc-tests", "--allow-addresses", allow);
    pb.directory(dir.toFile());
    pb.redirectOutput(dir.resolve("child.out").toFile());
    pb.redirectError(dir.resolve("child.err").toFile());
    return pb.start();
  }
}
