package org.newsarc.crawler.frontier;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Names the politeness queue of a URL: its host name, or its registered domain (eTLD+1 from
 * the public suffix list) when queues are kept per domain. Ports do not matter: two ports of one
 * host share one machine's patience. Thread-safe.
 */
public final class QueueKeys {
  private final boolean byDomain;

  public QueueKeys(boolean byDomain) {
    this.byDomain = byDomain;
  }

  /** The queue of {@code url}, or null when it has no host. */
  public String queueOf(String url) {
    String host = hostOf(url);
    if (host == null || !byDomain) {
      return host;
    }
    String domain = EffectiveTldFinder.getAssignedDomain(host, true, false);
    return domain == null ? host : domain;
  }

  /** The lower-case host name of {@code url}, or null. */
  public static String hostOf(String url) {
    try {
      String host = new URI(url).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
