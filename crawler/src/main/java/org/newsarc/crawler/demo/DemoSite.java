package org.newsarc.crawler.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The seed-like news site that ships inside newsarc (the repository's {@code seeds/site/}),
 * served on 127.0.0.1 on a free port so the demo and tests need no network. Files are served
 * as they are, with a Content-Type guessed from their name. Thread-safe.
 */
public final class DemoSite implements Closeable {
  private static final String ROOT = "/org/newsarc/demo/site";

  private final HttpServer server;
  private final ExecutorService executor;

  private DemoSite(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** The loopback address the site serves on. */
  public static final String ADDRESS = "127.0.0.1";

  /** Starts the site on a free port of 127.0.0.1. */
  public static DemoSite start() throws IOException {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getByName(ADDRESS), 0), 16);
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "demo-site");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", DemoSite::serve);
    server.start();
    return new DemoSite(server, executor);
  }

  /** The site's root URL, ending in "/". */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /**
   * Absolute URLs of the pages the index links, in order. One of them is a staff page that the
   * site's robots.txt disallows, so archiving all of them shows robots.txt at work.
   */
  public List<String> articleUrls() throws IOException {
    byte[] index = resource("/index.html");
    if (index == null) {
      throw new IOException("the demo site has no index.html");
    }
    Document doc = Jsoup.parse(new String(index, StandardCharsets.UTF_8), baseUrl());
    Set<String> urls = new LinkedHashSet<>();
    for (Element a : doc.select("a[href]")) {
      String url = a.absUrl("href");
      if (url.startsWith(baseUrl()) && url.endsWith(".html") && !url.endsWith("/index.html")) {
        urls.add(url);
      }
    }
    return new ArrayList<>(urls);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.endsWith("/")) {
        path += "index.html";
      }
      byte[] body = path.contains("..") ? null : resource(path);
      if (body == null || !exchange.getRequestMethod().equals("GET")) {
        byte[] msg = "<!doctype html><title>Not found</title><h1>Not found</h1>"
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(404, msg.length);
        exchange.getResponseBody().write(msg);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", contentType(path, body));
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = DemoSite.class.getResourceAsStream(ROOT + path)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  /** The page's own meta charset is left to speak for itself unless the page is UTF-8. */
  private static String contentType(String path, byte[] body) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".txt")) {
      return "text/plain; charset=utf-8";
    }
    if (p.endsWith(".xml")) {
      return "application/xml";
    }
    if (p.endsWith(".css")) {
      return "text/css";
    }
    if (p.endsWith(".html") || p.endsWith(".htm")) {
      String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1)
          .toLowerCase(Locale.ROOT);
      boolean declaresOther = head.contains("charset=") && !head.contains("charset=utf-8")
          && !head.contains("charset=\"utf-8\"");
      return declaresOther ? "text/html" : "text/html; charset=utf-8";
    }
    return "application/octet-stream";
  }
}
