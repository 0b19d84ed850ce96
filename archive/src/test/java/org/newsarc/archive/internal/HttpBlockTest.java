package org.newsarc.archive.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** De-chunking of stored bodies: exact, in one pass, and a lying header falls back. */
class HttpBlockTest {
  private static byte[] block(String head, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  @Test
  void aLargeBodyInSmallChunksComesBackWhole() {
    byte[] body = new byte[5 << 20];
    new Random(7).nextBytes(body);
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    for (int i = 0; i < body.length; i += 1024) {
      int n = Math.min(1024, body.length - i);
      framed.writeBytes((Integer.toHexString(n) + ";ext=1\r\n").getBytes(StandardCharsets.US_ASCII));
      framed.write(body, i, n);
      framed.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    framed.writeBytes("0\r\nX-Trailer: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    HttpBlock http = HttpBlock.parse(block(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", framed.toByteArray()));
    assertArrayEquals(body, http.entity());
  }

  @Test
  void aChunkedHeaderOverAPlainBodyGivesTheBodyAsStored() {
    byte[] body = "<html><body>not chunked at all</body></html>\n"
        .getBytes(StandardCharsets.US_ASCII);
    HttpBlock http = HttpBlock.parse(block(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", body));
    assertArrayEquals(body, http.entity());
    byte[] binary = {(byte) 0x1f, (byte) 0x8b, 8, 0, 'z', '\n', (byte) 0xe9};
    assertArrayEquals(binary, HttpBlock.parse(block(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", binary)).entity());
  }

  @Test
  void aBodyCutInsideAChunkKeepsWhatArrived() {
    HttpBlock http = HttpBlock.parse(block("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
        "5\r\nhello\r\n10\r\nwor".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("hellowor", new String(http.entity(), StandardCharsets.US_ASCII));
  }

  @Test
  void printableEscapesBinary() {
    assertEquals("bad \\x00\\xE9 byte\\x0A", Printable.of("bad \u0000\u00e9 byte\n"));
  }

  @Test
  void aGzippedChunkedBodyIsDecodedInOneStream() throws Exception {
    byte[] text = "<html><body>hello, chunked and gzip</body></html>".repeat(200)
        .getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(text);
    }
    byte[] entity = gz.toByteArray();
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    for (int i = 0; i < entity.length; i += 7) {
      int n = Math.min(7, entity.length - i);
      framed.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      framed.write(entity, i, n);
      // Some writers leave out the CRLF after chunk data.
      framed.writeBytes((i % 2 == 0 ? "\r\n" : "").getBytes(StandardCharsets.US_ASCII));
    }
    framed.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    HttpBlock http = HttpBlock.parse(block("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
        + "Content-Encoding: gzip\r\n\r\n", framed.toByteArray()));
    assertArrayEquals(entity, http.entity());
    assertArrayEquals(text, http.decoded());
  }

  @Test
  void theStreamReadsInAnyPieceSize() throws Exception {
    byte[] framed = "3\r\nabc\r\n2;name=value\r\nde\r\n1\r\nf\r\n0\r\nTrailer: x\r\n\r\n"
        .getBytes(StandardCharsets.US_ASCII);
    ChunkedInputStream in = new ChunkedInputStream(new java.io.ByteArrayInputStream(framed));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b; (b = in.read()) >= 0; ) {
      out.write(b);
    }
    assertEquals("abcdef", out.toString(StandardCharsets.US_ASCII));
  }

  @Test
  void framingThatBreaksLaterFallsBackToTheStoredBytes() {
    byte[] body = "3\r\nabc\r\nzz not a size\r\n".getBytes(StandardCharsets.US_ASCII);
    HttpBlock http = HttpBlock.parse(block(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", body));
    assertArrayEquals(body, http.entity());
  }

  @Test
  void aBareLineFeedHeadEndsAtItsBlankLine() {
    HttpBlock http = HttpBlock.parse(block("HTTP/1.0 200 OK\nContent-Type: text/plain\n\n",
        "body\r\n\r\nmore".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(200, http.status());
    assertEquals("text/plain", http.header("Content-Type"));
    assertEquals("body\r\n\r\nmore", new String(http.payload(), StandardCharsets.US_ASCII));
  }

  @Test
  void aCutBareLineFeedHeadGetsTheStoredLength() {
    byte[] head = "HTTP/1.1 200 OK\nContent-Length: 900\n\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals("HTTP/1.1 200 OK\nX-Crawler-Content-Length: 900\nContent-Length: 10\n\n",
        new String(TruncatedHeader.adjust(head, 10), StandardCharsets.US_ASCII));
  }
}
