package org.newsarc.crawler.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Makes sockets that check the address they are asked to connect to against the
 * {@link AddressPolicy} at the moment of connecting, on every connection and so on every
 * redirect hop: URLs that name an address directly ({@code http://2130706433/},
 * {@code http://[::ffff:127.0.0.1]/}) never pass through DNS, and a resolver that answers
 * differently the second time is caught here too. Their input can be recorded, to store the
 * response head as received. Thread-safe.
 */
final class GuardedSocketFactory extends SocketFactory {
  private final AddressPolicy policy;

  GuardedSocketFactory(AddressPolicy policy) {
    this.policy = policy;
  }

  @Override
  public Socket createSocket() {
    return new GuardedSocket(policy);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
      int localPort) throws IOException {
    return connected(new InetSocketAddress(address, port));
  }

  private Socket connected(InetSocketAddress to) throws IOException {
    Socket s = createSocket();
    s.connect(to);
    return s;
  }

  /**
   * A plain socket that refuses to connect to an address the policy does not allow, and whose
   * input can be recorded (see {@link ResponseHeadRecorder}).
   */
  private static final class GuardedSocket extends Socket implements ResponseHeadRecorder.Source {
    private final AddressPolicy policy;
    private final ResponseHeadRecorder recorder = new ResponseHeadRecorder();
    private InputStream recorded;

    GuardedSocket(AddressPolicy policy) {
      this.policy = policy;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (endpoint instanceof InetSocketAddress isa) {
        InetAddress a = isa.getAddress();
        if (a == null || !policy.allows(a)) {
          close();
          throw new BlockedAddressException("refused to connect to "
              + (a == null ? isa.getHostString() : a.getHostAddress())
              + ": not a public address (allow a range with --allow-addresses)");
        }
      }
      super.connect(endpoint, timeout);
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (recorded == null) {
        recorded = recorder.wrap(super.getInputStream());
      }
      return recorded;
    }

    @Override
    public ResponseHeadRecorder headRecorder() {
      return recorder;
    }
  }
}
