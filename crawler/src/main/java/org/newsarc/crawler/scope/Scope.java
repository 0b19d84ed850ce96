package org.newsarc.crawler.scope;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.newsarc.crawler.config.ScopeConfig;
import org.newsarc.crawler.frontier.QueueKeys;

/**
 * Decides from a URL and its depth whether the crawl follows it: the seed hosts (or allowed
 * domains), the deny lists, the allow lists, the depth and length limits and the
 * {@link TrapGuard}. Limits that need counts (pages per host, query variants per path) are
 * applied by the frontier. Immutable and thread-safe.
 */
public final class Scope {
  private final ScopeConfig config;
  private final Set<String> seedHosts;
  private final List<Pattern> allow;
  private final List<Pattern> deny;
  private final TrapGuard traps;

  /**
   * @param seedUrls the seeds; their hosts are in scope
   * @throws IllegalArgumentException when a pattern is not a valid regex
   */
  public Scope(ScopeConfig config, Collection<String> seedUrls, Clock clock) {
    this.config = config;
    this.seedHosts = seedUrls.stream().map(QueueKeys::hostOf).filter(h -> h != null)
        .map(Scope::withoutWww).collect(Collectors.toUnmodifiableSet());
    this.allow = config.allowPatterns().stream().map(Pattern::compile).toList();
    this.deny = config.denyPatterns().stream().map(Pattern::compile).toList();
    this.traps = new TrapGuard(config.traps(), clock);
  }

  /** Whether {@code url}, found {@code depth} hops from a seed, is to be crawled. */
  public Verdict check(String url, int depth) {
    if (url.length() > config.maxUrlLength()) {
      return Verdict.reject("max-url-length");
    }
    if (depth > config.maxDepth()) {
      return Verdict.reject("max-depth");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Verdict.reject("bad-url");
    }
    String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    if (host == null) {
      return Verdict.reject("bad-url");
    }
    if (config.denyDomains().stream().anyMatch(d -> inDomain(host, d))) {
      return Verdict.reject("deny-domain");
    }
    boolean allowedHost = !config.seedHostsOnly()
        || seedHosts.contains(withoutWww(host))
        || config.allowDomains().stream().anyMatch(d -> inDomain(host, d));
    if (!allowedHost) {
      return Verdict.reject("off-site");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (config.denyPathPrefixes().stream().anyMatch(path::startsWith)) {
      return Verdict.reject("deny-path");
    }
    if (!config.allowPathPrefixes().isEmpty()
        && config.allowPathPrefixes().stream().noneMatch(path::startsWith)) {
      return Verdict.reject("allow-path");
    }
    if (deny.stream().anyMatch(p -> p.matcher(url).find())) {
      return Verdict.reject("deny-pattern");
    }
    if (!allow.isEmpty() && allow.stream().noneMatch(p -> p.matcher(url).find())) {
      return Verdict.reject("allow-pattern");
    }
    String trap = traps.check(uri);
    return trap == null ? Verdict.ACCEPT : Verdict.reject(trap);
  }

  private static boolean inDomain(String host, String domain) {
    String d = domain.toLowerCase(Locale.ROOT).strip();
    if (d.startsWith(".")) {
      d = d.substring(1);
    }
    return host.equals(d) || host.endsWith("." + d);
  }

  /** www.example.com and example.com are one site. */
  private static String withoutWww(String host) {
    return host.startsWith("www.") ? host.substring(4) : host;
  }
}
