package org.newsarc.crawler.scope;

/**
 * Whether a URL is in scope and, when not, which rule refused it. Immutable.
 *
 * @param reason null when accepted; otherwise a short rule name such as "deny-domain" or
 *     "trap:repeated-segments"
 */
public record Verdict(String reason) {
  public static final Verdict ACCEPT = new Verdict(null);

  public static Verdict reject(String reason) {
    return new Verdict(reason);
  }

  public boolean accepted() {
    return reason == null;
  }
}
