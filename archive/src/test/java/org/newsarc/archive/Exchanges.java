package org.newsarc.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

/** Builds {@link HttpExchange}s for tests, with headers as a server would send them. */
final class Exchanges {
  private Exchanges() {}

  static byte[] request(String path, String host) {
    return ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: newsarc-test\r\n"
        + "Accept-Encoding: gzip\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  static HttpExchange html(String url, Instant date, String html) {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    byte[] header = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    return new HttpExchange(url, date, "127.0.0.1", "http/1.1", request(path(url), host(url)),
        header, body, null);
  }

  static HttpExchange gzipHtml(String url, Instant date, String html) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(html.getBytes(StandardCharsets.UTF_8));
    }
    byte[] body = bytes.toByteArray();
    byte[] header = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + "Content-Encoding: gzip\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    return new HttpExchange(url, date, "127.0.0.1", "http/1.1", request(path(url), host(url)),
        header, body, null);
  }

  static HttpExchange status(String url, Instant date, int status, String extraHeaders) {
    byte[] header = ("HTTP/1.1 " + status + " X\r\n" + extraHeaders + "\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    return new HttpExchange(url, date, "127.0.0.1", "http/1.1", request(path(url), host(url)),
        header, new byte[0], null);
  }

  static String path(String url) {
    java.net.URI u = java.net.URI.create(url);
    return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }

  static String host(String url) {
    java.net.URI u = java.net.URI.create(url);
    return u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
  }
}
