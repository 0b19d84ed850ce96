package org.newsarc.crawler.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A loopback server that answers each request path with fixed raw bytes and keeps connections
 * open for more requests (keep-alive), in clear text or over TLS (WireMock's test certificate).
 * An answer can be written in small pieces, each flushed on its own, so that the client reads a
 * head split across many reads. It counts the connections it accepted.
 */
public final class HeadServer implements AutoCloseable {
  private final ServerSocket server;
  private final boolean tls;
  private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "head-server");
    t.setDaemon(true);
    return t;
  });
  private volatile int pieceSize = Integer.MAX_VALUE;

  public HeadServer(String address, boolean tls) throws IOException {
    this.tls = tls;
    server = tls ? tlsContext().getServerSocketFactory().createServerSocket() : new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName(address), 0), 16);
    pool.execute(this::acceptLoop);
  }

  public String url(String path) {
    String host = tls ? "localhost" : server.getInetAddress().getHostAddress();
    return (tls ? "https://" : "http://") + host + ":" + server.getLocalPort() + path;
  }

  public HeadServer answer(String path, byte[] bytes) {
    answers.put(path, bytes);
    return this;
  }

  /** Writes every answer in pieces of {@code size} bytes, flushing and pausing after each. */
  public HeadServer pieces(int size) {
    pieceSize = size;
    return this;
  }

  public int connections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        connections.incrementAndGet();
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      // Bounded: a client that keeps a connection open sends at most a few requests in a test.
      for (int i = 0; i < 100; i++) {
        String path = readRequestPath(in);
        if (path == null) {
          return;
        }
        byte[] answer = answers.getOrDefault(path, ascii(
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));
        for (int off = 0; off < answer.length; off += pieceSize) {
          out.write(answer, off, Math.min(pieceSize, answer.length - off));
          out.flush();
          if (pieceSize < answer.length) {
            Thread.sleep(1);
          }
        }
      }
    } catch (IOException e) {
      // The client went away.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String readRequestPath(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while (head.size() < 65536 && (b = in.read()) != -1) {
      head.write(b);
      byte[] h = head.toByteArray();
      int n = h.length;
      if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
        String[] first = head.toString(StandardCharsets.ISO_8859_1).split("\r\n", 2)[0]
            .split(" ");
        return first.length >= 2 ? first[1] : null;
      }
    }
    return null;
  }

  private static SSLContext tlsContext() throws IOException {
    try (InputStream keys = HeadServer.class.getResourceAsStream("/keystore")) {
      KeyStore store = KeyStore.getInstance("JKS");
      store.load(keys, "password".toCharArray());
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(
          KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, "password".toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load the test key store", e);
    }
  }

  public static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    pool.shutdownNow();
  }
}
