package org.newsarc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsarc.crawler.fetch.HeadServer.ascii;
import static org.newsarc.crawler.fetch.RawResponseHeadTest.BODY;
import static org.newsarc.crawler.fetch.RawResponseHeadTest.concat;
import static org.newsarc.crawler.fetch.RawResponseHeadTest.oddHead;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsarc.crawler.fetch.HeadServer;
import org.newsarc.testing.WarcFiles;

/** {@code newsarc archive} stores the response head the server sent, byte for byte. */
class RawHeadCommandTest {
  @Test
  void archiveStoresTheHeadAsSent() throws Exception {
    Path out = WarcFiles.keptFolder("raw-heads-archive");
    byte[] head = oddHead(BODY.length());
    try (HeadServer server = new HeadServer("127.0.0.1", false)) {
      server.answer("/odd", concat(head, ascii(BODY)));
      StringWriter o = new StringWriter();
      StringWriter e = new StringWriter();
      int exit = Main.run(new PrintWriter(o), new PrintWriter(e), new String[] {"archive",
          "--out", out.toString(), "--delay", "0", "--no-extract", "--allow-addresses",
          "127.0.0.1/32", server.url("/odd")});
      assertEquals(0, exit, o + "\n" + e);
    }
    Path warcs = out.resolve("warcs");
    WarcFiles.assertValid(warcs);
    List<WarcFiles.Read> responses = WarcFiles.readAll(warcs).stream()
        .filter(r -> r.type().equals("response")
            && r.header("WARC-Target-URI").endsWith("/odd")).toList();
    assertEquals(1, responses.size());
    assertArrayEquals(concat(head, ascii(BODY)), responses.get(0).block());
  }
}
