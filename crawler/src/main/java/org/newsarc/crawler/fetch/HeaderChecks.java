package org.newsarc.crawler.fetch;

import java.util.Locale;
import okhttp3.Headers;

/**
 * Checks on response headers that decide how the body is framed, made before the body is read,
 * so that an answer whose length cannot be known is refused as a protocol failure instead of
 * being stored as a record no WARC reader accepts.
 */
final class HeaderChecks {
  private HeaderChecks() {}

  static boolean isChunked(Headers headers) {
    for (String te : headers.values("Transfer-Encoding")) {
      if (te.toLowerCase(Locale.ROOT).contains("chunked")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Refuses Content-Length values that are not one non-negative number (RFC 9112 section 6.3:
   * differing or invalid values are an unrecoverable error), unless chunked coding overrides
   * them.
   */
  static void checkFraming(String url, Headers headers) throws FetchException {
    if (isChunked(headers)) {
      return;
    }
    String seen = null;
    for (String raw : headers.values("Content-Length")) {
      for (String part : raw.split(",", -1)) {
        String v = part.strip();
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
          throw new FetchException(FailureKind.PROTOCOL, url,
              "invalid Content-Length: " + abbreviate(raw), null);
        }
        if (seen != null && Long.parseLong(seen) != Long.parseLong(v)) {
          throw new FetchException(FailureKind.PROTOCOL, url,
              "conflicting Content-Length values " + seen + " and " + v, null);
        }
        seen = v;
      }
    }
  }

  /**
   * The response as OkHttp's own follow-up logic may read it: a Retry-After of more digits
   * than an int holds makes OkHttp throw, so it is capped there. The archive keeps the header
   * as received; only the client sees the capped one.
   */
  static okhttp3.Response safeForClient(okhttp3.Response response) {
    String retryAfter = response.header("Retry-After");
    if (retryAfter != null && retryAfter.length() > 9 && retryAfter.chars().allMatch(
        c -> c >= '0' && c <= '9')) {
      return response.newBuilder().header("Retry-After", "999999999").build();
    }
    return response;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
