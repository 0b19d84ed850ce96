package org.newsarc.crawler.config;

/**
 * Who is crawling. The daemon refuses to start without a contact: site owners must be able to
 * reach the operator. Immutable.
 *
 * @param name the product token in the User-Agent and the name matched in robots.txt
 *     (default "newsarc")
 * @param contact an http(s) URL or a mailto: address for site owners; required
 * @param operator who runs the crawl, written into each warcinfo record; optional
 */
public record IdentityConfig(String name, String contact, String operator) {
  public IdentityConfig {
    name = Defaults.or(name, "newsarc");
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("identity.name must be a robots.txt product token"
          + " (letters, digits, '-', '_'): " + name);
    }
  }

  static IdentityConfig defaults() {
    return new IdentityConfig(null, null, null);
  }

  /** True when {@link #contact()} is an http(s) URL or a mailto: address. */
  public boolean hasUsableContact() {
    if (contact == null) {
      return false;
    }
    String c = contact.strip();
    return c.matches("(?i)https?://[^\\s/]+\\.[^\\s]+") || c.matches("(?i)mailto:[^\\s@]+@[^\\s@]+");
  }
}
