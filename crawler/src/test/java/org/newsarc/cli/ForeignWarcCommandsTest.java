package org.newsarc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reindex} and {@code index} over a good file, a file with a bad record and junk. */
class ForeignWarcCommandsTest {
  @TempDir Path tmp;

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }
    return out.toByteArray();
  }

  private static String response(String url, String id) {
    String body = "<html><head><title>Quay</title></head><body><article><h1>Quay</h1><p>"
        + "The new quay opened on Monday after two years of work by the harbour board. ".repeat(6)
        + "</p></article></body></html>";
    String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + body.length()
        + "\r\n\r\n" + body;
    return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\n"
        + "WARC-Date: 2024-05-02T08:00:00Z\r\nWARC-Target-URI: " + url + "\r\n"
        + "Content-Type: application/http;msgtype=response\r\nContent-Length: " + http.length()
        + "\r\n\r\n" + http + "\r\n\r\n";
  }

  @Test
  void aBadRecordIsSkippedWithItsFileAndOffsetAndTheRestIsRead() throws IOException {
    Path warcs = Files.createDirectories(tmp.resolve("a/warcs"));
    byte[] first = gzip(response("http://quay.test/a", "00000000-0000-0000-0000-00000000000a"));
    byte[] broken = gzip(response("http://quay.test/b", "00000000-0000-0000-0000-00000000000b"));
    for (int i = 30; i < 50; i++) {
      broken[i] ^= 0x5a;
    }
    byte[] last = gzip(response("http://quay.test/c", "00000000-0000-0000-0000-00000000000c"));
    ByteArrayOutputStream bad = new ByteArrayOutputStream();
    bad.writeBytes(first);
    bad.writeBytes(broken);
    bad.writeBytes(last);
    Files.write(warcs.resolve("b-bad.warc.gz"), bad.toByteArray());
    Files.writeString(warcs.resolve("a-good.warc"),
        response("http://quay.test/d", "00000000-0000-0000-0000-00000000000d"));
    Files.writeString(warcs.resolve("readme.txt"), "not a WARC file");

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), "reindex", "--archive",
        tmp.resolve("a").toString());
    String text = out.toString();
    assertEquals(1, exit, text + err);
    assertTrue(text.contains("3 capture(s)"), text);
    assertTrue(text.contains("b-bad.warc.gz offset " + first.length), text);
    assertTrue(text.contains("skipped readme.txt"), text);
    assertTrue(text.contains("Skipped 1 unreadable record(s)"), text);
    assertTrue(text.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f), "printable");

    out = new StringWriter();
    exit = Main.run(new PrintWriter(out), new PrintWriter(err), "index", "--archive",
        tmp.resolve("a").toString());
    assertEquals(1, exit, out.toString());
    String index = Files.readString(warcs.resolve("b-bad.cdxj"));
    assertTrue(index.contains("\"offset\": \"" + (first.length + broken.length) + "\""), index);
    assertEquals(2, index.lines().count(), index);
  }
}
