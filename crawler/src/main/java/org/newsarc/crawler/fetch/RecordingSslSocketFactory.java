package org.newsarc.crawler.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Wraps the TLS sockets another factory makes so that their decrypted input can be recorded
 * (see {@link ResponseHeadRecorder}); everything else is the other factory's. The HTTP client
 * layers TLS over a socket of {@link GuardedSocketFactory}, so the address check still applies.
 * Thread-safe when the wrapped factory is.
 */
final class RecordingSslSocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory delegate;

  RecordingSslSocketFactory(SSLSocketFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose)
      throws IOException {
    return wrap(delegate.createSocket(s, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return wrap(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return wrap(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return wrap(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
      int localPort) throws IOException {
    return wrap(delegate.createSocket(address, port, localAddress, localPort));
  }

  private static Socket wrap(Socket socket) {
    return socket instanceof SSLSocket tls ? new RecordingSslSocket(tls) : socket;
  }
}
