package org.newsarc.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status code read from a stored status line, and -1 for lines that are not one. */
class HttpExchangeStatusTest {
  private static int status(String head) {
    return new HttpExchange("http://example.org/", Instant.EPOCH, null, null,
        "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
        head.replace("|", "\r\n").getBytes(StandardCharsets.ISO_8859_1), new byte[0], null)
        .status();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "HTTP/1.1 200 OK||; 200",
      "HTTP/1.0 404 Not Found|Server: x||; 404",
      "HTTP/1.1 304||; 304",
      "HTTP/1.1 200; 200",
      "HTTP/1.1 599 odd reason with spaces||; 599",
      "HTTP/1.1 2000 OK||; -1",
      "HTTP/1.1 20 OK||; -1",
      "HTTP/1.1  200 OK||; -1",
      "HTTP/1.1 2x0 OK||; -1",
      "HTTP/1.1 200\tOK||; -1",
      "HTTP/1.1|200 OK||; -1",
      "garbage; -1",
      "; -1"})
  void readsTheCodeOfTheStatusLineOnly(String head, int expected) {
    assertEquals(expected, status(head == null ? "" : head));
  }
}
