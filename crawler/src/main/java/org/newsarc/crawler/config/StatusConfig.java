package org.newsarc.crawler.config;

/**
 * The status endpoint, served on 127.0.0.1 only. Immutable.
 *
 * @param enabled serve /status and /metrics (default true)
 * @param port the TCP port (default 8089; 0 picks a free one)
 */
public record StatusConfig(Boolean enabled, Integer port) {
  public StatusConfig {
    enabled = Defaults.or(enabled, true);
    port = Defaults.or(port, 8089);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("status.port out of range: " + port);
    }
  }

  static StatusConfig defaults() {
    return new StatusConfig(null, null);
  }
}
