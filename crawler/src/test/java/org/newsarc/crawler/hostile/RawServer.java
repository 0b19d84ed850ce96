package org.newsarc.crawler.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback server that answers each request with raw bytes a script writes to the socket, so
 * that a test can break HTTP in any way it likes: garbage status lines, conflicting lengths,
 * resets, bodies that never end. Every connection is closed after one answer. Scripts stop when
 * the client goes away or the server is closed.
 */
final class RawServer implements AutoCloseable {
  /** Writes one answer; {@code socket} is there for resets and linger tricks. */
  @FunctionalInterface
  interface Script {
    void answer(OutputStream out, Socket socket) throws IOException, InterruptedException;
  }

  static final Script NOT_FOUND = (out, s) -> out.write(ascii(
      "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));

  private final ServerSocket server;
  private final String address;
  private final Map<String, Script> routes = new ConcurrentHashMap<>();
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-server");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean closed;

  RawServer(String address) throws IOException {
    this.address = address;
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName(address), 0), 64);
    pool.execute(this::acceptLoop);
  }

  String base() {
    return "http://" + address + ":" + server.getLocalPort();
  }

  String url(String path) {
    return base() + path;
  }

  RawServer route(String path, Script script) {
    routes.put(path, script);
    return this;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      String path = readRequestPath(socket.getInputStream());
      if (path == null) {
        return;
      }
      Script script = routes.getOrDefault(path, NOT_FOUND);
      OutputStream out = socket.getOutputStream();
      script.answer(out, socket);
      out.flush();
    } catch (SocketException e) {
      // The client hung up, as it should on hostile answers.
    } catch (IOException e) {
      // Same.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads the request head (bounded) and returns its path, or null when none came. */
  private static String readRequestPath(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && head.size() < 65536) {
      head.write(b);
      byte[] h = head.toByteArray();
      int n = h.length;
      if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
        break;
      }
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    String[] first = text.split("\r\n", 2)[0].split(" ");
    return first.length >= 2 ? first[1] : null;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  boolean closed() {
    return closed;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    pool.shutdownNow();
  }
}
