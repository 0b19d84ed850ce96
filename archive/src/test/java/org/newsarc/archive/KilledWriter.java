package org.newsarc.archive;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/** A writer that never stops on its own: {@link RecoveryTest} kills it mid-write. */
public final class KilledWriter {
  private KilledWriter() {}

  public static void main(String[] args) throws Exception {
    String big = "<p>" + "z".repeat(2_000_000) + "</p>";
    try (WarcArchive archive = WarcArchive.open(Path.of(args[0]), WarcOptions.defaults(),
        Clock.systemUTC())) {
      // Bounded, but far more than the test lets it write before killing it.
      for (int i = 0; i < 100_000; i++) {
        archive.write(Exchanges.html("http://localhost:9/" + i, Instant.EPOCH.plusSeconds(i),
            big + i));
        System.out.println("wrote " + i);
        System.out.flush();
      }
    }
  }
}
