package org.newsarc.crawler.fetch;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a URL's text before it is queued or fetched: an http(s) scheme, a host, a port from 1
 * to 65535, at most {@link #MAX_LENGTH} characters, and an internationalised host name turned
 * into its ASCII (punycode) form by IDNA, as DNS and {@link java.net.URI} need it. Stateless.
 */
public final class UrlText {
  /** Longer URLs are refused: no real page needs one, and they bloat queues and WARC headers. */
  public static final int MAX_LENGTH = 8192;

  private static final Pattern URL =
      Pattern.compile("(?i)(https?)://([^/?#@]*@)?(\\[[0-9a-f:.]+\\]|[^/?#:\\[\\]]+)(:[^/?#]*)?([/?#].*)?");

  private UrlText() {}

  /**
   * {@code url} with its host in ASCII, or null when it is not a URL newsarc can fetch (the
   * reason is then {@link #problem(String)}).
   */
  public static String ascii(String url) {
    return problem(url) == null ? convert(url.strip()) : null;
  }

  /** Why {@code url} cannot be fetched, or null when it can. */
  public static String problem(String url) {
    if (url == null || url.isBlank()) {
      return "empty URL";
    }
    String u = url.strip();
    if (u.length() > MAX_LENGTH) {
      return "URL longer than " + MAX_LENGTH + " characters";
    }
    Matcher m = URL.matcher(u);
    if (!m.matches()) {
      int colon = u.indexOf(':');
      return colon > 0 && u.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")
          && !u.toLowerCase(Locale.ROOT).startsWith("http")
          ? "not an http(s) URL (scheme " + u.substring(0, colon) + ")"
          : "not an absolute http(s) URL";
    }
    if (m.group(4) != null) {
      String port = m.group(4).substring(1);
      if (!port.isEmpty()) {
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')
            || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
          return "port out of range (1-65535): " + (port.length() > 12 ? port.substring(0, 12)
              + "..." : port);
        }
      }
    }
    try {
      toAsciiHost(m.group(3));
    } catch (IllegalArgumentException e) {
      return "bad host name: " + e.getMessage();
    }
    return null;
  }

  private static String convert(String u) {
    Matcher m = URL.matcher(u);
    if (!m.matches()) {
      return null;
    }
    String host = toAsciiHost(m.group(3));
    StringBuilder sb = new StringBuilder(u.length() + 8);
    sb.append(m.group(1)).append("://");
    if (m.group(2) != null) {
      sb.append(m.group(2));
    }
    sb.append(host);
    if (m.group(4) != null) {
      sb.append(m.group(4));
    }
    if (m.group(5) != null) {
      sb.append(m.group(5));
    }
    return sb.toString();
  }

  private static String toAsciiHost(String host) {
    if (host.startsWith("[") || host.chars().allMatch(c -> c < 0x80)) {
      if (host.isEmpty()) {
        throw new IllegalArgumentException("empty");
      }
      return host;
    }
    return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
  }
}
