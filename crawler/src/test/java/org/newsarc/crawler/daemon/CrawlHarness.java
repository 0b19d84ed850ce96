package org.newsarc.crawler.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.newsarc.crawler.config.ConfigLoader;
import org.newsarc.crawler.config.CrawlConfig;
import org.newsarc.crawler.politeness.Sleeper;

/** Runs a crawl from a YAML text in a folder, in the test's JVM, and queries what it wrote. */
final class CrawlHarness {
  static final String IDENTITY = "identity:\n  contact: https://example.org/newsarc-tests\n"
      + "status:\n  enabled: false\n";

  private CrawlHarness() {}

  /**
   * The identity, and a fetch section allowing exactly the loopback addresses the config's
   * sites serve on (each as a /32), unless the config has a fetch section of its own.
   */
  static String header(String yaml) {
    java.util.Set<String> hosts = new java.util.TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("https?://(127\\.\\d+\\.\\d+\\.\\d+)[:/]").matcher(yaml);
    while (m.find()) {
      hosts.add(m.group(1) + "/32");
    }
    if (hosts.isEmpty() || yaml.contains("\nfetch:") || yaml.startsWith("fetch:")) {
      return IDENTITY;
    }
    return IDENTITY + "fetch:\n  allow-addresses: [" + String.join(", ", hosts) + "]\n";
  }

  /** Writes the config, runs the crawl until idle (or the page budget), returns its summary. */
  static CrawlSummary crawl(Path dir, String yaml, long maxPages)
      throws IOException, InterruptedException {
    return crawl(dir, yaml, maxPages, true);
  }

  /** As above; without {@code untilIdle} only the page budget (or the safety net) ends it. */
  static CrawlSummary crawl(Path dir, String yaml, long maxPages, boolean untilIdle)
      throws IOException, InterruptedException {
    Path file = dir.resolve("crawl.yaml");
    Files.writeString(file, header(yaml) + yaml, StandardCharsets.UTF_8);
    CrawlConfig config = new ConfigLoader().load(file);
    Clock clock = Clock.systemUTC();
    // A safety net only: the tests end by going idle or by the page budget.
    StopSignal stop = new StopSignal(clock, maxPages, clock.instant().plus(Duration.ofSeconds(90)));
    try (CrawlDaemon daemon = CrawlDaemon.open(config, SeedLoader.load(config.seeds(), dir),
        dir.resolve(config.output().directory()), "test", clock, Sleeper.SYSTEM)) {
      return daemon.run(stop, untilIdle);
    }
  }

  static List<List<String>> query(Path dir, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
        + dir.resolve("crawl-data").resolve(CrawlDaemon.DATABASE));
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

  static long count(Path dir, String sql) throws SQLException {
    return Long.parseLong(query(dir, sql).get(0).get(0));
  }
}
