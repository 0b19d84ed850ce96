package org.newsarc.crawler.config;

import java.util.List;

/**
 * Which discovered URLs are crawled. A URL is in scope when its host is a seed host (unless
 * {@code seedHostsOnly} is off) or within an allowed domain, it is not denied by domain, path
 * prefix or pattern, it passes the allow lists when they are not empty, and no limit or trap
 * guard refuses it. Immutable.
 *
 * @param seedHostsOnly only hosts of the seeds (and allowDomains) are crawled (default true)
 * @param allowDomains further domains to crawl, subdomains included
 * @param denyDomains domains never crawled, subdomains included
 * @param allowPathPrefixes when not empty, a URL's path must start with one of these
 * @param denyPathPrefixes paths starting with one of these are not crawled
 * @param allowPatterns when not empty, the whole URL must match one of these regexes
 * @param denyPatterns URLs matching one of these regexes are not crawled
 * @param maxDepth links more than this many hops from a seed are not followed (default 5);
 *     URLs from feeds and sitemaps count as one hop from them
 * @param maxPagesPerHost at most this many URLs are admitted per queue (default 100000)
 * @param maxUrlLength longer URLs are refused (default 2048)
 * @param traps the trap guards
 */
public record ScopeConfig(
    Boolean seedHostsOnly,
    List<String> allowDomains,
    List<String> denyDomains,
    List<String> allowPathPrefixes,
    List<String> denyPathPrefixes,
    List<String> allowPatterns,
    List<String> denyPatterns,
    Integer maxDepth,
    Integer maxPagesPerHost,
    Integer maxUrlLength,
    TrapConfig traps) {
  public ScopeConfig {
    seedHostsOnly = Defaults.or(seedHostsOnly, true);
    allowDomains = Defaults.list(allowDomains);
    denyDomains = Defaults.list(denyDomains);
    allowPathPrefixes = Defaults.list(allowPathPrefixes);
    denyPathPrefixes = Defaults.list(denyPathPrefixes);
    allowPatterns = Defaults.list(allowPatterns);
    denyPatterns = Defaults.list(denyPatterns);
    maxDepth = Defaults.atLeast(Defaults.or(maxDepth, 5), 0, "scope.max-depth");
    maxPagesPerHost = Defaults.atLeast(Defaults.or(maxPagesPerHost, 100_000), 1,
        "scope.max-pages-per-host");
    maxUrlLength = Defaults.atLeast(Defaults.or(maxUrlLength, 2048), 16, "scope.max-url-length");
    traps = Defaults.or(traps, TrapConfig.defaults());
  }

  static ScopeConfig defaults() {
    return new ScopeConfig(null, null, null, null, null, null, null, null, null, null, null);
  }
}
