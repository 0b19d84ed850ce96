package org.newsarc.crawler.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /status} (JSON) and {@code /metrics} (Prometheus text) on 127.0.0.1 only, from
 * one daemon thread. Thread-safe.
 */
public final class StatusServer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(StatusServer.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Produces the current status tree. */
  @FunctionalInterface
  public interface Source {
    Map<String, Object> status() throws IOException;
  }

  private final HttpServer server;

  private StatusServer(HttpServer server) {
    this.server = server;
  }

  /** Starts serving on 127.0.0.1:{@code port} (0 picks a free port). */
  public static StatusServer start(int port, Source source) throws IOException {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    server.createContext("/status", ex -> respond(ex, source, false));
    server.createContext("/metrics", ex -> respond(ex, source, true));
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "newsarc-status");
      t.setDaemon(true);
      return t;
    }));
    server.start();
    return new StatusServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange ex, Source source, boolean metrics) throws IOException {
    try (ex) {
      byte[] body;
      int code = 200;
      String type;
      try {
        Map<String, Object> status = source.status();
        body = metrics ? PrometheusText.render(status).getBytes(StandardCharsets.UTF_8)
            : JSON.writeValueAsBytes(status);
        type = metrics ? "text/plain; version=0.0.4; charset=utf-8" : "application/json";
      } catch (IOException | RuntimeException e) {
        LOG.warn("status unavailable: {}", e.getMessage());
        code = 503;
        body = ("status unavailable: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
        type = "text/plain; charset=utf-8";
      }
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(code, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
