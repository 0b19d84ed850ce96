package org.newsarc.crawler.hostile;

import static org.newsarc.crawler.hostile.RawServer.ascii;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Ready-made hostile answers for {@link RawServer}; every loop in them is bounded. */
final class Scripts {
  private Scripts() {}

  static final String HTML = "Content-Type: text/html; charset=utf-8\r\n";

  /** A well-formed answer with the given header lines (each ending CRLF) and body. */
  static RawServer.Script http(String statusLine, String headers, byte[] body) {
    return (out, s) -> {
      out.write(ascii(statusLine + "\r\n" + headers + "Content-Length: " + body.length
          + "\r\nConnection: close\r\n\r\n"));
      out.write(body);
    };
  }

  /** Exactly these bytes, then close. */
  static RawServer.Script raw(byte[] bytes) {
    return (out, s) -> out.write(bytes);
  }

  static RawServer.Script raw(String text) {
    return raw(ascii(text));
  }

  static RawServer.Script redirect(int status, String location) {
    return raw("HTTP/1.1 " + status + " Moved\r\nLocation: " + location
        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  }

  static RawServer.Script article() {
    return http("HTTP/1.1 200 OK", HTML, utf8(articleHtml()));
  }

  static String articleHtml() {
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      p.append("<p>The council met on Tuesday to discuss the new harbour ferry timetable, which"
          + " residents say leaves the island without a late service on weekdays.</p>");
    }
    return "<html><head><title>Ferry timetable</title></head><body><article><h1>Ferry"
        + " timetable</h1>" + p + "</article></body></html>";
  }

  /** Headers first, then {@code chunks} pieces of {@code piece}, one every {@code gapMs}. */
  static RawServer.Script trickle(String head, String piece, int chunks, long gapMs) {
    return (out, s) -> {
      out.write(ascii(head));
      out.flush();
      for (int i = 0; i < chunks; i++) {
        Thread.sleep(gapMs);
        out.write(ascii(piece));
        out.flush();
      }
    };
  }

  /** A body of {@code maxBytes} (far more than newsarc reads). */
  static RawServer.Script endless(String head, long maxBytes) {
    return (out, s) -> {
      out.write(ascii(head));
      byte[] block = ascii("<p>more and more and more</p>\n".repeat(2000));
      // Exactly maxBytes, so that a Content-Length in the head is true to the byte.
      for (long sent = 0; sent < maxBytes; sent += block.length) {
        out.write(block, 0, (int) Math.min(block.length, maxBytes - sent));
      }
    };
  }

  /** Sends part of a body, then resets the connection (TCP RST). */
  static RawServer.Script resetMidBody() {
    return (out, s) -> {
      out.write(ascii("HTTP/1.1 200 OK\r\n" + HTML + "Content-Length: 100000\r\n\r\n"));
      out.write(ascii("<html><body><p>start".repeat(100)));
      out.flush();
      Thread.sleep(50);
      s.setSoLinger(true, 0);
      s.close();
    };
  }

  static byte[] gzip(byte[] data) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
        gz.write(data);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A small gzip stream that decodes to {@code decodedBytes} of {@code unit} repeated. */
  static byte[] gzipBomb(String unit, long decodedBytes) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 65536)) {
        byte[] block = ascii(unit.repeat(65536 / unit.length()));
        for (long n = 0; n < decodedBytes; n += block.length) {
          gz.write(block);
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
