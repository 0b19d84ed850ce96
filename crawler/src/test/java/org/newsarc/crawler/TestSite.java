package org.newsarc.crawler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted web site on one loopback address (127.x.y.z plays a distinct host), recording
 * every request as the server saw it: arrival and completion time, headers, and how many
 * requests were in flight at once.
 */
public final class TestSite implements AutoCloseable {
  /** A scripted answer. */
  public record Reply(int status, Map<String, String> headers, byte[] body, long delayMillis) {
    public static Reply html(String html) {
      return new Reply(200, Map.of("Content-Type", "text/html; charset=utf-8"),
          html.getBytes(StandardCharsets.UTF_8), 0);
    }

    public static Reply of(int status, String contentType, String body) {
      return new Reply(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType),
          body.getBytes(StandardCharsets.UTF_8), 0);
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> h = new java.util.LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, body, delayMillis);
    }

    public Reply slow(long millis) {
      return new Reply(status, headers, body, millis);
    }
  }

  /** A request as the server saw it; times from System.nanoTime(). */
  public record Hit(String path, Map<String, List<String>> headers, long startNanos,
      long endNanos, int status) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final String host;
  private final Map<String, Function<Hit, Reply>> routes = new ConcurrentHashMap<>();
  private final List<Hit> hits = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  public TestSite(String address) throws IOException {
    this.host = address;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 64);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::serve);
    server.start();
  }

  /** The site's base URL, e.g. http://127.0.0.2:41234 (no trailing slash). */
  public String base() {
    return "http://" + host + ":" + server.getAddress().getPort();
  }

  public String url(String path) {
    return base() + path;
  }

  public TestSite route(String pathAndQuery, Reply reply) {
    routes.put(pathAndQuery, hit -> reply);
    return this;
  }

  public TestSite route(String pathAndQuery, Function<Hit, Reply> reply) {
    routes.put(pathAndQuery, reply);
    return this;
  }

  public List<Hit> hits() {
    return new ArrayList<>(hits);
  }

  public List<Hit> hits(String path) {
    return hits.stream().filter(h -> h.path().equals(path)).toList();
  }

  public int maxInFlight() {
    return maxInFlight.get();
  }

  private void serve(HttpExchange ex) throws IOException {
    long start = System.nanoTime();
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try (ex) {
      String path = ex.getRequestURI().getRawPath()
          + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
      Hit partial = new Hit(path, Map.copyOf(ex.getRequestHeaders()), start, 0, 0);
      Function<Hit, Reply> route = routes.get(path);
      Reply reply = route == null ? Reply.of(404, "text/plain", "not found") : route.apply(partial);
      if (reply.delayMillis() > 0) {
        try {
          Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      boolean noBody = reply.status() == 304 || reply.status() == 204;
      // The answer's end is taken just before its last bytes go out: the client cannot have
      // read them earlier, while a time taken after the write could lag behind by however long
      // a loaded machine keeps this thread waiting, and make a polite gap look short.
      long end = System.nanoTime();
      ex.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
      if (!noBody) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(reply.body());
        }
      }
      inFlight.decrementAndGet();
      hits.add(new Hit(path, partial.headers(), start, end, reply.status()));
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
