package org.newsarc.crawler.config;

/**
 * The whole configuration of a crawl, read from one YAML file by {@link ConfigLoader}. Every
 * part has defaults that are safe for the open web; only {@code identity.contact} and the
 * seeds must be given. Immutable.
 */
public record CrawlConfig(
    IdentityConfig identity,
    SeedsConfig seeds,
    OutputConfig output,
    ScopeConfig scope,
    PolitenessConfig politeness,
    RobotsConfig robots,
    DiscoveryConfig discovery,
    RecrawlConfig recrawl,
    FetchConfig fetch,
    StatusConfig status) {
  public CrawlConfig {
    identity = Defaults.or(identity, IdentityConfig.defaults());
    seeds = Defaults.or(seeds, SeedsConfig.defaults());
    output = Defaults.or(output, OutputConfig.defaults());
    scope = Defaults.or(scope, ScopeConfig.defaults());
    politeness = Defaults.or(politeness, PolitenessConfig.defaults());
    robots = Defaults.or(robots, RobotsConfig.defaults());
    discovery = Defaults.or(discovery, DiscoveryConfig.defaults());
    recrawl = Defaults.or(recrawl, RecrawlConfig.defaults());
    fetch = Defaults.or(fetch, FetchConfig.defaults());
    status = Defaults.or(status, StatusConfig.defaults());
  }

  /** The configuration with every default and no seeds or contact. */
  public static CrawlConfig defaults() {
    return new CrawlConfig(null, null, null, null, null, null, null, null, null, null);
  }
}
