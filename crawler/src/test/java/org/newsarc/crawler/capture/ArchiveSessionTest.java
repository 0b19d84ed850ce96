package org.newsarc.crawler.capture;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.fetch.FetchOptions;
import org.newsarc.crawler.politeness.Sleeper;

class ArchiveSessionTest {
  @TempDir Path out;

  @Test
  void aSecondWriterOnTheSameFolderIsRefusedUntilTheFirstCloses() throws IOException {
    try (ArchiveSession first = open()) {
      first.catalogFile();
      IOException e = assertThrows(IOException.class, this::open);
      assertTrue(e.getMessage().contains("another newsarc process"), e.getMessage());
    }
    assertDoesNotThrow(() -> open().close());
    assertTrue(Files.exists(out.resolve(ArchiveSession.CATALOG_FILE)));
  }

  private ArchiveSession open() throws IOException {
    return ArchiveSession.open(out, FetchOptions.defaults("newsarc-test")
        .withAllowedAddresses(java.util.List.of("127.0.0.1/32")), Duration.ZERO, "test",
        Clock.systemUTC(), Sleeper.SYSTEM);
  }
}
