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

  @ParameterizedTest
  @ValueSource(strings = {"news.yaml", "crawl.example.yaml"})
  void shippedConfigsLoad(String name) throws Exception {
    Path file = Path.of("..", "config", name);
    CrawlConfig c = new ConfigLoader().load(file);
    assertTrue(c.identity().hasUsableContact(), name + " names a contact");
  }
}
