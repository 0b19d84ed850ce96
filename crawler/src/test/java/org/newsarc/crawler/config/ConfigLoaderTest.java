package org.newsarc.crawler.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The YAML mapping, its defaults, its errors, and the shipped example configurations. */
class ConfigLoaderTest {
  @TempDir
  Path dir;

  private CrawlConfig load(String yaml) throws Exception {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader().load(file);
  }

  @Test
  void emptyFileGivesSafeDefaults() throws Exception {
    CrawlConfig c = load("");
    assertEquals(Duration.ofSeconds(2), c.politeness().delay());
    assertEquals(1, c.politeness().maxInFlightPerQueue());
    assertEquals(Duration.ofHours(24), c.robots().cacheTtl());
    assertTrue(c.scope().seedHostsOnly());
    assertFalse(c.identity().hasUsableContact(), "no contact: the daemon refuses to start");
  }

  @Test
  void durationsAndKebabCaseKeys() throws Exception {
    CrawlConfig c = load("politeness:\n  delay: 500ms\n  backoff-cap: 2h\nrobots:\n"
        + "  cache-ttl: 3d\nidentity:\n  contact: mailto:ops@example.org\n");
    assertEquals(Duration.ofMillis(500), c.politeness().delay());
    assertEquals(Duration.ofHours(2), c.politeness().backoffCap());
    assertEquals(Duration.ofHours(24), c.robots().cacheTtl(), "robots TTL capped at 24h");
    assertTrue(c.identity().hasUsableContact());
  }

  @ParameterizedTest
  @ValueSource(strings = {"politeness:\n  dealy: 2s\n", "politeness:\n  delay: soon\n",
      "politeness:\n  workers: 0\n", "politeness:\n  queue-by: planet\n"})
  void mistakesAreErrorsNamingTheFile(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
    assertTrue(e.getMessage().startsWith(dir.resolve("c.yaml").toString()), e.getMessage());
  }

  @Test
  void warcDeflateDefaultsToAutoAndIsChecked() throws Exception {
    assertEquals("auto", load("").output().warcDeflate());
    assertEquals("zlib", load("output:\n  warc-deflate: zlib\n").output().warcDeflate());
    ConfigException e = assertThrows(ConfigException.class,
        () -> load("output:\n  warc-deflate: brotli\n"));
    assertTrue(e.getMessage().contains("output.warc-deflate: WARC deflate engine must be auto,"
        + " zlib or libdeflate, not brotli"), e.getMessage());
  }

  @Test
  void warcGzipLevelDefaultsToZlibsAndIsChecked() throws Exception {
    assertEquals(6, load("").output().warcGzipLevel());
    assertEquals(1, load("output:\n  warc-gzip-level: 1\n").output().warcGzipLevel());
    for (String bad : new String[] {"0", "10"}) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> load("output:\n  warc-gzip-level: " + bad + "\n"));
      assertTrue(e.getMessage().contains("warc-gzip-level must be 1 to 9"), e.getMessage());
    }
  }

  @Test
  void duplicateKeysAreRefusedWithTheirLine() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> load("politeness:\n  delay: 2s\n  workers: 4\n  delay: 5s\n"));
    assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("delay"),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"fetch:\n  total-timeout: 0s\n", "fetch:\n  read-timeout: 0s\n",
      "fetch:\n  connect-timeout: 0ms\n"})
  void zeroTimeoutsAreRefused(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
    assertTrue(e.getMessage().contains("more than zero"), e.getMessage());
  }

  @Test
  void errorsNameTheKeyPathAndLineWithoutJavaTypes() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> load("identity:\n  contact: https://example.org/\npoliteness:\n  workers: many\n"));
    assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("politeness.workers")
        && e.getMessage().contains("whole number"), e.getMessage());
    assertFalse(e.getMessage().contains("java."), e.getMessage());
    ConfigException unknown = assertThrows(ConfigException.class,
        () -> load("fetch:\n  max-redirect: 3\n"));
    assertTrue(unknown.getMessage().contains("unknown key 'max-redirect'")
        && unknown.getMessage().contains("max-redirects"), unknown.getMessage());
    assertFalse(unknown.getMessage().contains("org.newsarc"), unknown.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"notaurl", "ftp://example.org/feed", "'http://'",
      "http://example.org:99999/"})
  void badSeedsAreRefusedNamingThem(String seed) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> load("seeds:\n  urls:\n    - https://example.org/\n    - " + seed + "\n"));
    assertTrue(e.getMessage().contains("seeds.urls[1]") && e.getMessage().contains("line"),
        e.getMessage());
  }

  @Test
  void badSeedFileLinesAreRefusedWithTheirLineNumber() throws Exception {
    Files.writeString(dir.resolve("seeds.txt"), "# seeds\nhttps://example.org/\nnotaurl\n");
    CrawlConfig c = load("seeds:\n  files: [seeds.txt]\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> org.newsarc.crawler.daemon.SeedLoader.load(c.seeds(), dir));
    assertTrue(e.getMessage().contains("seeds.txt") && e.getMessage().contains("line 3")
        && e.getMessage().contains("notaurl"), e.getMessage());
  }

  @Test
  void allowAddressesTakesCidrRanges() throws Exception {
    assertEquals(java.util.List.of("127.0.3.0/24"),
        load("fetch:\n  allow-addresses: [127.0.3.0/24]\n").fetch().allowAddresses());
    ConfigException e = assertThrows(ConfigException.class,
        () -> load("fetch:\n  allow-addresses: [everything]\n"));
    assertTrue(e.getMessage().contains("fetch.allow-addresses"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"news.yaml", "crawl.example.yaml"})
  void shippedConfigsLoad(String name) throws Exception {
    Path file = Path.of("..", "config", name);
    CrawlConfig c = new ConfigLoader().load(file);
    assertTrue(c.identity().hasUsableContact(), name + " names a contact");
  }
}
