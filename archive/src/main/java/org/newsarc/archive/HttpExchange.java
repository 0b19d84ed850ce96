package org.newsarc.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * One HTTP request and its response as they crossed the wire, ready to be written to a WARC.
 * The header blocks are the bytes sent and received (request line or status line, the header
 * fields, and the blank line; an HTTP/1.x response head as recorded from the socket, see
 * docs/warc.md for the few bytes changed over a de-chunked body); the body is the entity with
 * any transfer coding removed but its content coding kept. Immutable; the arrays are not copied, so callers must not change
 * them after construction.
 *
 * @param targetUri the URI that was requested
 * @param date when the request was sent
 * @param ipAddress the peer's IP address, or null when unknown
 * @param protocol the negotiated protocol, such as "http/1.1" or "h2"
 * @param requestHeader request line and header fields, ending in CRLF CRLF
 * @param responseHeader status line and header fields, ending in CRLF CRLF
 * @param responseBody the entity body (possibly cut short, see {@code truncated})
 * @param truncated why the body was cut short, or null when it is whole
 */
public record HttpExchange(
    String targetUri,
    Instant date,
    String ipAddress,
    String protocol,
    byte[] requestHeader,
    byte[] responseHeader,
    byte[] responseBody,
    Truncation truncated) {

  /** Why a response body was not stored whole (the WARC-Truncated values). */
  public enum Truncation { LENGTH, TIME, DISCONNECT, UNSPECIFIED }

  public HttpExchange {
    Objects.requireNonNull(targetUri, "targetUri");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(requestHeader, "requestHeader");
    Objects.requireNonNull(responseHeader, "responseHeader");
    responseBody = responseBody == null ? new byte[0] : responseBody;
  }

  /**
   * The status code from the stored status line, or -1 when the line cannot be read (the
   * header block is kept as received, so this never rejects it).
   */
  public int status() {
    // Read in place (called for every capture): "HTTP/x.y" then a space, three digits, and a
    // space or the end of the line.
    int i = 0;
    while (i < responseHeader.length && responseHeader[i] != ' ' && responseHeader[i] != '\r'
        && responseHeader[i] != '\n') {
      i++;
    }
    if (i + 4 > responseHeader.length || responseHeader[i] != ' ') {
      return -1;
    }
    int code = 0;
    for (int k = i + 1; k <= i + 3; k++) {
      byte b = responseHeader[k];
      if (b < '0' || b > '9') {
        return -1;
      }
      code = code * 10 + (b - '0');
    }
    int after = i + 4;
    if (after < responseHeader.length && responseHeader[after] != ' '
        && responseHeader[after] != '\r' && responseHeader[after] != '\n') {
      return -1;
    }
    return code;
  }

  /** The response as it is stored in the WARC: header block followed by the body. */
  public byte[] responseBlock() {
    byte[] block = new byte[responseHeader.length + responseBody.length];
    System.arraycopy(responseHeader, 0, block, 0, responseHeader.length);
    System.arraycopy(responseBody, 0, block, responseHeader.length, responseBody.length);
    return block;
  }
}
