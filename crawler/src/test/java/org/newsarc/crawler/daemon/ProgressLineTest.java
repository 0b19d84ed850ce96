package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;
import org.newsarc.crawler.config.ConfigLoader;
import org.newsarc.crawler.config.CrawlConfig;
import org.newsarc.crawler.politeness.Sleeper;

/** The crawl's one-line progress summary, as handed to a terminal. */
class ProgressLineTest {
  @TempDir
  Path dir;

  @Test
  void linesNamePagesRateQueuesAndErrors() throws Exception {
    try (TestSite site = new TestSite("127.0.0.41")) {
      site.route("/", Reply.html("<html><body><a href=\"/gone\">x</a></body></html>").slow(300));
      Path file = dir.resolve("crawl.yaml");
      Files.writeString(file, CrawlHarness.IDENTITY + "fetch:\n  allow-addresses: [127.0.0.41/32]\n" + "seeds:\n  urls: [" + site.url("/")
          + "]\npoliteness:\n  delay: 300ms\n", StandardCharsets.UTF_8);
      CrawlConfig config = new ConfigLoader().load(file);
      Clock clock = Clock.systemUTC();
      List<String> lines = new CopyOnWriteArrayList<>();
      try (CrawlDaemon daemon = CrawlDaemon.open(config, SeedLoader.load(config.seeds(), dir),
          dir.resolve(config.output().directory()), "test", clock, Sleeper.SYSTEM)) {
        daemon.onProgress(lines::add, Duration.ZERO);
        daemon.run(new StopSignal(clock, -1, clock.instant().plus(Duration.ofSeconds(60))), true);
        lines.add(daemon.progressLine());
      }
      assertFalse(lines.isEmpty());
      String last = lines.get(lines.size() - 1);
      assertTrue(last.matches("2 pages, [0-9.]+/s, queues \\d+ ready / \\d+ waiting / 0 parked,"
          + " 1 errors"), last);
    }
  }
}
