package org.newsarc.crawler.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves host names and keeps only the addresses the {@link AddressPolicy} allows, so that
 * OkHttp never opens a socket to a refused address. Numeric spellings of addresses
 * ({@code 2130706433}, {@code 0x7f.1}, {@code [::ffff:127.0.0.1]}) reach here already turned
 * into addresses by the URL parser, or are resolved to them here. Thread-safe.
 */
final class GuardedDns implements Dns {
  private final Dns delegate;
  private final AddressPolicy policy;

  GuardedDns(Dns delegate, AddressPolicy policy) {
    this.delegate = delegate;
    this.policy = policy;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    List<InetAddress> all = delegate.lookup(hostname);
    List<InetAddress> allowed = new ArrayList<>(all.size());
    for (InetAddress a : all) {
      if (policy.allows(a)) {
        allowed.add(a);
      }
    }
    if (allowed.isEmpty()) {
      throw new BlockedAddressException(hostname + " resolves to "
          + all.stream().map(InetAddress::getHostAddress).toList()
          + ", not a public address (allow a range with --allow-addresses)");
    }
    return allowed;
  }
}
