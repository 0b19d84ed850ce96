package org.newsarc.crawler.fetch;

import java.net.UnknownHostException;

/**
 * A host resolved only to addresses the {@link AddressPolicy} refuses, or a connection reached
 * such an address. An {@link UnknownHostException} so that OkHttp's resolver may throw it.
 */
final class BlockedAddressException extends UnknownHostException {
  private static final long serialVersionUID = 1L;

  BlockedAddressException(String message) {
    super(message);
  }
}
