package org.newsarc.crawler.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsarc.crawler.hostile.RawServer.ascii;
import static org.newsarc.crawler.hostile.Scripts.HTML;
import static org.newsarc.crawler.hostile.Scripts.gzip;
import static org.newsarc.crawler.hostile.Scripts.gzipBomb;
import static org.newsarc.crawler.hostile.Scripts.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.daemon.CrawlDaemon;
import org.newsarc.testing.WarcFiles;

/**
 * Bounded memory (issue 9, 3): a crawl with 32 workers over 32 hostile hosts runs in a child JVM
 * whose heap is capped at 1 GB (an overrun is an OutOfMemoryError, which ends the child with a
 * non-zero code). Every host serves a plain page of 150 MB of {@code <p>} paragraphs, a page of
 * 200,000 links, a 100,000-item feed, a sitemap of 400,000 URLs (about 20 MB, gzip) and a
 * sitemap gzip bomb (500 MB); every 4th host also a 150 MB gzip bomb of {@code <p>} tags. A
 * healthy host is crawled beside them.
 * The crawl must end by itself with every hostile URL settled (a capture or a failure row), the
 * healthy host's article archived, and valid WARC files. The peak heap is read from the child's
 * flight recording (heap in use before each collection, so garbage included).
 */
class MemoryBoundTest {
  static final int HOSTS = 32;
  /**
   * Every 4th host also serves the gzip bomb: its 4 MiB cut is 1.4 million elements, which the
   * extractor takes seconds to walk, and the parse budget lets one such page be parsed at a
   * time, so 32 of them would make the test long without telling more.
   */
  static final int BOMB_EVERY = 4;
  /** The child's heap: 1 GB, the promise. */
  static final String XMX = System.getProperty("memorybound.xmx", "1g");
  static final String[] PATHS = {"/", "/bomb.html", "/huge.html", "/links.html", "/feed.xml",
      "/sitemap.xml", "/sitemap-bomb.xml"};

  @TempDir
  Path dir;

  @Test
  void thirtyTwoWorkersOnHostilePagesStayUnderOneGigabyte() throws Exception {
    byte[] bomb = gzipBomb("<p>", 150L << 20);
    byte[] links = links(200_000);
    byte[] feed = feed(100_000);
    byte[] sitemap = gzip(sitemap(400_000));
    byte[] sitemapBomb = sitemapBomb(500L << 20);
    List<RawServer> hosts = new ArrayList<>();
    try (RawServer healthy = new RawServer("127.0.12.1")) {
      healthy.route("/", http("HTTP/1.1 200 OK", HTML, Scripts.utf8(
          "<html><body><a href=\"/story\">story</a></body></html>")));
      healthy.route("/story", Scripts.article());
      StringBuilder seeds = new StringBuilder(healthy.url("/"));
      StringBuilder allow = new StringBuilder("127.0.12.1/32");
      for (int i = 1; i <= HOSTS; i++) {
        RawServer h = new RawServer("127.0.11." + i);
        hosts.add(h);
        h.route("/", http("HTTP/1.1 200 OK", HTML, index(i % BOMB_EVERY == 0)));
        h.route("/bomb.html", http("HTTP/1.1 200 OK", HTML + "Content-Encoding: gzip\r\n", bomb));
        h.route("/huge.html", Scripts.endless("HTTP/1.1 200 OK\r\n" + HTML
            + "Content-Length: " + (150L << 20) + "\r\n\r\n", 150L << 20));
        h.route("/links.html", http("HTTP/1.1 200 OK", HTML, links));
        h.route("/feed.xml", http("HTTP/1.1 200 OK", "Content-Type: application/rss+xml\r\n",
            feed));
        h.route("/sitemap.xml", http("HTTP/1.1 200 OK",
            "Content-Type: application/xml\r\nContent-Encoding: gzip\r\n", sitemap));
        h.route("/sitemap-bomb.xml", http("HTTP/1.1 200 OK",
            "Content-Type: application/xml\r\nContent-Encoding: gzip\r\n", sitemapBomb));
        seeds.append(", ").append(h.url("/"));
        allow.append(", 127.0.11.").append(i).append("/32");
      }
      Path config = dir.resolve("crawl.yaml");
      Files.writeString(config, "identity:\n  contact: https://example.org/newsarc-tests\n"
          + "status:\n  enabled: false\n"
          + "fetch:\n  allow-addresses: [" + allow + "]\n"
          + "seeds:\n  urls: [" + seeds + "]\n"
          + "politeness:\n  workers: " + HOSTS + "\n  delay: 20ms\n  response-time-factor: 0\n");
      Path jfr = dir.resolve("child.jfr");
      long started = System.nanoTime();
      Process child = startCrawl(config, jfr);
      boolean ended = child.waitFor(8, TimeUnit.MINUTES);
      if (!ended) {
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
      String err = Files.readString(dir.resolve("child.err"));
      assertTrue(ended, "the crawl ends by itself within 8 minutes");
      assertEquals(0, child.exitValue(), "child exit code (3 = out of memory): " + tail(err));

      Path db = dir.resolve("crawl-data").resolve(CrawlDaemon.DATABASE);
      for (int i = 1; i <= HOSTS; i++) {
        RawServer h = hosts.get(i - 1);
        for (String path : paths(i % BOMB_EVERY == 0)) {
          String url = h.url(path);
          long settled = count(db, "SELECT COUNT(*) FROM captures WHERE url = '" + url + "'")
              + count(db, "SELECT COUNT(*) FROM failures WHERE url = '" + url + "'");
          assertTrue(settled > 0, url + " has a capture or a failure row");
        }
      }
      assertEquals(1, count(db, "SELECT COUNT(*) FROM captures WHERE url = '"
          + healthy.url("/story") + "'"), "the healthy host's article is archived");
      assertEquals(0, count(db, "SELECT COUNT(*) FROM frontier_urls WHERE state = 'leased'"));
      WarcFiles.assertValid(dir.resolve("crawl-data/warcs"));

      Map<String, Long> kinds = new TreeMap<>();
      for (List<String> row : query(db, "SELECT kind, COUNT(*) FROM failures GROUP BY kind")) {
        kinds.put(row.get(0), Long.parseLong(row.get(1)));
      }
      long[] peak = peakHeap(jfr);
      System.out.printf("memory bound: %d workers on %d hostile hosts, -Xmx%s, no out of memory:"
          + " peak heap in use %d MiB before a collection, %d MiB after one (young collections"
          + " leave old garbage), %d s, failures by kind %s%n", HOSTS, HOSTS, XMX, peak[0] >> 20,
          peak[1] >> 20, seconds, kinds);
      // The bound itself is the child's -Xmx: going past it ended the child with code 3 above.
      assertTrue(peak[0] > 0 && peak[1] > 0, "the child's flight recording saw collections");
    } finally {
      for (RawServer h : hosts) {
        h.close();
      }
    }
  }

  private Process startCrawl(Path config, Path jfr) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // -Dmemorybound.xmx=768m finds how much less than 1 GB the crawl needs.
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + XMX,
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:StartFlightRecording=filename=" + jfr + ",settings=default,dumponexit=true",
        "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "org.newsarc.cli.Main", "crawl",
        "--config", config.toString(), "--exit-when-idle");
    pb.directory(dir.toFile());
    pb.redirectOutput(dir.resolve("child.out").toFile());
    pb.redirectError(dir.resolve("child.err").toFile());
    return pb.start();
  }

  /**
   * The largest heap in use the recording saw before a collection (garbage included, so close
   * to the heap's size by nature) and after one (what was still reachable).
   */
  static long[] peakHeap(Path jfr) throws IOException {
    long before = 0;
    long after = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      if (e.getEventType().getName().equals("jdk.GCHeapSummary")) {
        if ("After GC".equals(e.getString("when"))) {
          after = Math.max(after, e.getLong("heapUsed"));
        } else {
          before = Math.max(before, e.getLong("heapUsed"));
        }
      }
    }
    return new long[] {before, after};
  }

  /** The paths a hostile host links to (the bomb only on some hosts). */
  private static List<String> paths(boolean bomb) {
    return java.util.Arrays.stream(PATHS).filter(p -> bomb || !p.equals("/bomb.html")).toList();
  }

  private static byte[] index(boolean bomb) {
    StringBuilder sb = new StringBuilder("<html><body>");
    for (String p : paths(bomb)) {
      sb.append("<a href=\"").append(p).append("\">").append(p).append("</a>\n");
    }
    return ascii(sb.append("</body></html>").toString());
  }

  /** Links lead to a host outside the crawl's scope, so that the crawl stays small. */
  static byte[] links(int n) {
    StringBuilder sb = new StringBuilder("<html><body>");
    for (int i = 0; i < n; i++) {
      sb.append("<a href=\"http://elsewhere.example/l/").append(i).append("\">x</a>\n");
    }
    return ascii(sb.append("</body></html>").toString());
  }

  private static byte[] feed(int n) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
        + "<title>t</title>");
    for (int i = 0; i < n; i++) {
      sb.append("<item><title>item ").append(i).append("</title><link>http://elsewhere.example/f/")
          .append(i).append("</link></item>\n");
    }
    return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sitemap(int n) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (int i = 0; i < n; i++) {
      sb.append("<url><loc>http://elsewhere.example/s/").append(i).append("</loc></url>\n");
    }
    return sb.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A gzip stream that decodes to a urlset of {@code decodedBytes}, one URL over and over. */
  private static byte[] sitemapBomb(long decodedBytes) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes, 65536)) {
      gz.write(ascii("<?xml version=\"1.0\"?>\n"
          + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"));
      byte[] block = ascii("<url><loc>http://elsewhere.example/x</loc></url>\n".repeat(1300));
      for (long n = 0; n < decodedBytes; n += block.length) {
        gz.write(block);
      }
    }
    return bytes.toByteArray();
  }

  static String tail(String s) {
    return s.length() <= 2000 ? s : s.substring(s.length() - 2000);
  }

  private static long count(Path db, String sql) throws SQLException {
    return Long.parseLong(query(db, sql).get(0).get(0));
  }

  private static List<List<String>> query(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<List<String>> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
