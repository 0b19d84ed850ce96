package org.newsarc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.TestSite;
import org.newsarc.crawler.TestSite.Reply;

/** Bad command-line input is refused with a message saying what is wrong (issue 9, 11). */
class ArchiveInputTest {
  @TempDir
  Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int exit = Main.run(new PrintWriter(o), new PrintWriter(e), args);
    return new Run(exit, o.toString(), e.toString());
  }

  @Test
  void aZeroTimeoutIsRefused() {
    Run r = run("archive", "--out", dir.resolve("o").toString(), "--timeout", "0s",
        "https://example.org/");
    assertEquals(2, r.exit);
    assertTrue(r.err.contains("--timeout must be more than zero"), r.err);
  }

  @Test
  void aContactMustBeAUrlOrMailto() {
    Run r = run("archive", "--out", dir.resolve("o").toString(), "--contact", "bob",
        "https://example.org/");
    assertEquals(2, r.exit);
    assertTrue(r.err.contains("--contact must be an http(s) URL or a mailto:"), r.err);
  }

  @Test
  void badAddressRangesAreRefused() {
    Run r = run("archive", "--out", dir.resolve("o").toString(), "--allow-addresses",
        "127.0.0.0/8,everything", "https://example.org/");
    assertEquals(2, r.exit);
    assertTrue(r.err.contains("--allow-addresses") && r.err.contains("everything"), r.err);
  }

  @Test
  void anOutputPathThatIsAFileSaysSo() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Run r = run("archive", "--out", file.toString(), "https://example.org/");
    assertEquals(2, r.exit);
    assertTrue(r.err.contains("is a file, not a folder"), r.err);
    Run below = run("archive", "--out", file.resolve("sub").toString(), "https://example.org/");
    assertEquals(2, below.exit);
    assertTrue(below.err.contains("cannot create the output folder"), below.err);
  }

  @Test
  void withoutContactItWarnsOnceAndLoopbackIsRefusedUnlessAllowed() throws Exception {
    try (TestSite site = new TestSite("127.0.9.4")) {
      site.route("/robots.txt", Reply.of(404, "text/plain", ""))
          .route("/a", Reply.html("<p>a</p>")).route("/b", Reply.html("<p>b</p>"));
      Run refused = run("archive", "--json", "--out", dir.resolve("o").toString(), "--delay", "0",
          site.url("/a"));
      assertEquals(1, refused.exit);
      assertTrue(refused.out.contains("blocked-address"), refused.out);
      assertEquals(0, site.hits().size(), "no request reached the loopback server");
      Run allowed = run("archive", "--out", dir.resolve("o").toString(), "--delay", "0",
          "--allow-addresses", "127.0.9.4/32", site.url("/a"), site.url("/b"));
      assertEquals(1, allowed.err.split("no --contact given", -1).length - 1, allowed.err);
      assertFalse(allowed.out.contains("blocked-address"), allowed.out);
    }
  }
}
