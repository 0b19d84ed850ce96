package org.newsarc.archive.dataset;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Whether a row belongs to one of the sites a user named: the site name (any case), or the URL's
 * host with or without its port, the host itself or one of its subdomains ({@code example.org}
 * matches {@code www.example.org}; {@code 127.0.0.1} matches {@code http://127.0.0.1:8080/a};
 * {@code 127.0.0.1:8080} matches only that port). Stateless.
 */
public final class SiteFilter {
  private SiteFilter() {}

  /** True when {@code sites} is empty or one of them names this row's site. */
  public static boolean matches(List<String> sites, String siteName, String url) {
    if (sites.isEmpty()) {
      return true;
    }
    String host = null;
    int port = -1;
    try {
      URI u = new URI(url);
      host = u.getHost();
      port = u.getPort();
    } catch (java.net.URISyntaxException | NullPointerException e) {
      // an unparsable URL can still match by site name
    }
    for (String want : sites) {
      String w = want.strip().toLowerCase(Locale.ROOT);
      if (siteName != null && siteName.strip().toLowerCase(Locale.ROOT).equals(w)) {
        return true;
      }
      if (host == null) {
        continue;
      }
      String h = host.toLowerCase(Locale.ROOT);
      String wantHost = w;
      int wantPort = -1;
      int colon = w.lastIndexOf(':');
      if (colon > 0 && w.indexOf(']') < colon && w.substring(colon + 1).matches("\\d{1,5}")) {
        wantHost = w.substring(0, colon);
        wantPort = Integer.parseInt(w.substring(colon + 1));
      }
      boolean hostOk = h.equals(wantHost) || h.endsWith("." + wantHost);
      if (hostOk && (wantPort < 0 || wantPort == port)) {
        return true;
      }
    }
    return false;
  }
}
