package org.newsarc.crawler.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsarc.crawler.fetch.HeadServer.ascii;
import static org.newsarc.crawler.fetch.RawResponseHeadTest.BODY;
import static org.newsarc.crawler.fetch.RawResponseHeadTest.concat;
import static org.newsarc.crawler.fetch.RawResponseHeadTest.oddHead;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.fetch.HeadServer;
import org.newsarc.testing.WarcFiles;

/** A crawl stores the response head the server sent, byte for byte. */
class RawHeadCrawlTest {
  @TempDir
  Path dir;

  @Test
  void crawlStoresTheHeadAsSent() throws Exception {
    byte[] head = oddHead(BODY.length());
    try (HeadServer server = new HeadServer("127.0.0.1", false)) {
      server.answer("/odd", concat(head, ascii(BODY)));
      CrawlHarness.crawl(dir, "seeds:\n  urls: [" + server.url("/odd") + "]\n"
          + "politeness:\n  delay: 10ms\n", 5);
    }
    List<WarcFiles.Read> responses = new ArrayList<>();
    for (Path warcs : warcFolders()) {
      WarcFiles.assertValid(warcs);
      responses.addAll(WarcFiles.readAll(warcs).stream()
          .filter(r -> r.type().equals("response")
              && r.header("WARC-Target-URI").endsWith("/odd")).toList());
    }
    assertEquals(1, responses.size());
    assertArrayEquals(concat(head, ascii(BODY)), responses.get(0).block());
  }

  private List<Path> warcFolders() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".warc.gz"))
          .map(Path::getParent).distinct().toList();
    }
  }
}
