package org.newsarc.crawler.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.Dns;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.newsarc.archive.HttpExchange;

/**
 * Fetches one URL with OkHttp and keeps the exchange as it crossed the wire: the request
 * headers OkHttp actually sent, the HTTP/1.x response head byte for byte as received (recorded
 * from the socket, see {@link ResponseHeadRecorder}), the peer's address and the
 * body with its content coding kept (newsarc sends Accept-Encoding itself, so OkHttp does not
 * decompress). Redirects are not followed here: each hop is its own fetch, archived on its own.
 * Thread-safe; share one instance.
 */
public final class Fetcher implements Closeable {
  /** Idle connections kept for reuse, over all hosts. */
  static final int MAX_IDLE_CONNECTIONS = 256;
  /** How long an idle connection is kept for the next request to its host. */
  static final Duration IDLE_KEEP_ALIVE = Duration.ofSeconds(30);

  static final String ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private final OkHttpClient client;
  private final FetchOptions options;
  private final Clock clock;

  public Fetcher(FetchOptions options, Clock clock) {
    this(options, clock, UnaryOperator.identity());
  }

  /** For tests: {@code tune} adjusts the client, e.g. to speak HTTP/2 without TLS. */
  Fetcher(FetchOptions options, Clock clock, UnaryOperator<OkHttpClient.Builder> tune) {
    this(options, clock, tune, Dns.SYSTEM);
  }

  /** For tests: {@code resolver} answers DNS questions; its answers still pass the policy. */
  Fetcher(FetchOptions options, Clock clock, UnaryOperator<OkHttpClient.Builder> tune,
      Dns resolver) {
    this.options = options;
    this.clock = clock;
    OkHttpClient tuned = tune.apply(new OkHttpClient.Builder()
        .followRedirects(false)
        .followSslRedirects(false)
        // Retries only when a pooled connection turned out to be closed by the server.
        .retryOnConnectionFailure(true)
        .cookieJar(CookieJar.NO_COOKIES)
        // Politeness interleaves hosts: a host's next request comes after requests to many
        // others. OkHttp's default pool keeps 5 idle connections, so with more hosts in turn
        // than that nearly every request opened a new connection; this keeps one per host in
        // turn, for less than the 60-75 s after which common servers close idle ones.
        .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, IDLE_KEEP_ALIVE.toSeconds(),
            TimeUnit.SECONDS))
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .writeTimeout(options.readTimeout())
        .callTimeout(options.totalTimeout())
        .addNetworkInterceptor(new WireRecorder(options.addresses())))
        // After tune, so that no test can skip the address check.
        .dns(new GuardedDns(resolver, options.addresses()))
        // Literal addresses skip DNS: every socket checks its address before connecting.
        .socketFactory(new GuardedSocketFactory(options.addresses()))
        .build();
    this.client = recordingTls(tuned);
  }

  /**
   * {@code client} with its TLS sockets wrapped so that their decrypted input can be recorded;
   * trust and host name checks stay those of {@code client}.
   */
  private static OkHttpClient recordingTls(OkHttpClient client) {
    SSLSocketFactory tls;
    X509TrustManager trust = client.x509TrustManager();
    try {
      tls = client.sslSocketFactory();
    } catch (IllegalStateException e) {
      return client; // clear text only
    }
    if (trust == null) {
      return client;
    }
    return client.newBuilder().sslSocketFactory(new RecordingSslSocketFactory(tls), trust).build();
  }

  public FetchOptions options() {
    return options;
  }

  /**
   * Sends a GET for {@code url} with newsarc's headers plus {@code extraHeaders} (such as
   * If-None-Match) and reads the response, cutting the body at the configured limit.
   *
   * @throws FetchException when no response arrived at all
   */
  public FetchResponse fetch(String url, Map<String, String> extraHeaders) throws FetchException {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new FetchException(FailureKind.BAD_URL, url, "not an http(s) URL", null);
    }
    if (parsed.port() < 1 || parsed.port() > 65535) {
      throw new FetchException(FailureKind.BAD_URL, url, "port out of range", null);
    }
    java.net.InetAddress numeric = AddressPolicy.numericIpv4(parsed.host());
    if (numeric != null && !options.addresses().allows(numeric)) {
      // Spelled as a number (0x7f.1, 2130706433): what a browser would reach is what counts.
      throw new FetchException(FailureKind.BLOCKED_ADDRESS, url, parsed.host() + " is "
          + numeric.getHostAddress() + ", not a public address", null);
    }
    WireCapture wire = new WireCapture();
    Request.Builder request = new Request.Builder()
        .url(parsed)
        .header("User-Agent", options.userAgent())
        .header("Accept", ACCEPT)
        .header("Accept-Encoding", "gzip")
        .tag(WireCapture.class, wire);
    extraHeaders.forEach(request::header);

    Instant start = clock.instant();
    Call call = client.newCall(request.build());
    try (Response response = call.execute()) {
      HeaderChecks.checkFraming(url, response.headers());
      Body body = readBody(response.body());
      Instant end = clock.instant();
      Headers received = wire.responseHeaders == null ? response.headers() : wire.responseHeaders;
      byte[] head;
      if (wire.rawHead == null) {
        head = responseHeader(response, received, body);
      } else if (HeaderChecks.isChunked(received)) {
        head = RawResponseHead.forDechunkedBody(wire.rawHead, body.bytes.length,
            body.truncation != null);
      } else {
        head = wire.rawHead;
      }
      HttpExchange exchange = new HttpExchange(url, start, wire.ipAddress, wire.protocol,
          wire.requestHeader, head, body.bytes, body.truncation);
      return new FetchResponse(url, response.code(), headerList(received), exchange,
          Duration.between(start, end), body.failure);
    } catch (FetchException e) {
      throw e;
    } catch (IOException e) {
      throw classify(url, e);
    } catch (RuntimeException e) {
      // OkHttp rejects some malformed answers with unchecked exceptions: that URL's failure only.
      throw new FetchException(FailureKind.PROTOCOL, url, "malformed response: " + e.getMessage(),
          e);
    }
  }

  private Body readBody(ResponseBody responseBody) {
    Buffer buffer = new Buffer();
    HttpExchange.Truncation truncation = null;
    FetchException failure = null;
    long max = options.maxBodyBytes();
    try {
      BufferedSource source = responseBody.source();
      while (buffer.size() <= max) {
        if (source.read(buffer, 65536) == -1) {
          break;
        }
      }
      if (buffer.size() > max) {
        truncation = HttpExchange.Truncation.LENGTH;
      }
    } catch (InterruptedIOException e) {
      truncation = HttpExchange.Truncation.TIME;
      failure = classify("", e);
    } catch (IOException e) {
      truncation = HttpExchange.Truncation.DISCONNECT;
      failure = classify("", e);
    } catch (RuntimeException e) {
      truncation = HttpExchange.Truncation.UNSPECIFIED;
      failure = new FetchException(FailureKind.PROTOCOL, "", "malformed body: " + e.getMessage(), e);
    }
    // Only what is kept is copied out: a third copy of a large body would cost its size again.
    byte[] bytes;
    try {
      bytes = buffer.readByteArray(Math.min(buffer.size(), max));
    } catch (java.io.EOFException e) {
      throw new IllegalStateException("the buffer holds fewer bytes than it says", e);
    }
    buffer.clear();
    return new Body(bytes, truncation, failure);
  }

  /**
   * The status line and headers to store when the bytes received are not known (HTTP/2, or a
   * recording that did not match what OkHttp parsed). Transfer-Encoding was removed by OkHttp,
   * so it is renamed (the stored body is not chunked) and the real length is given, as replay
   * tools need.
   */
  private static byte[] responseHeader(Response response, Headers headers, Body body) {
    StringBuilder sb = new StringBuilder();
    String reason = response.message().isEmpty() ? ReasonPhrases.of(response.code())
        : response.message();
    // HTTP/2 responses are stored with an HTTP/1.1 status line; WARC-Protocol says what it was.
    sb.append("HTTP/1.1 ").append(response.code()).append(' ').append(reason).append("\r\n");
    boolean dechunked = false;
    boolean hasLength = false;
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      if (name.equalsIgnoreCase("Transfer-Encoding")) {
        dechunked = true;
        name = "X-Crawler-Transfer-Encoding";
      } else if (name.equalsIgnoreCase("Content-Length")) {
        if (HeaderChecks.isChunked(headers)) {
          // RFC 9112 6.3: Transfer-Encoding wins; the stored body is de-chunked, so this
          // length does not describe it and must not be read as if it did.
          name = "X-Crawler-Content-Length";
        } else {
          hasLength = true;
        }
      }
      sb.append(name).append(": ").append(value).append("\r\n");
    }
    if (dechunked && !hasLength && body.truncation == null) {
      sb.append("Content-Length: ").append(body.bytes.length).append("\r\n");
    }
    sb.append("\r\n");
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static List<Map.Entry<String, String>> headerList(Headers headers) {
    List<Map.Entry<String, String>> list = new ArrayList<>(headers.size());
    for (int i = 0; i < headers.size(); i++) {
      list.add(Map.entry(headers.name(i), headers.value(i)));
    }
    return list;
  }

  static FetchException classify(String url, IOException e) {
    FailureKind kind;
    if (e instanceof FetchException fe) {
      return fe;
    } else if (e instanceof BlockedAddressException) {
      kind = FailureKind.BLOCKED_ADDRESS;
    } else if (e instanceof UnknownHostException) {
      kind = FailureKind.DNS;
    } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      kind = FailureKind.CONNECT;
    } else if (e instanceof java.net.ProtocolException) {
      // Bad status line, bad chunked coding, a body shorter than its Content-Length.
      kind = FailureKind.PROTOCOL;
    } else if (e instanceof InterruptedIOException) {
      // SocketTimeoutException is one too: connect, read and call timeouts all land here.
      kind = FailureKind.TIMEOUT;
    } else if (e instanceof SSLException) {
      kind = FailureKind.TLS;
    } else {
      kind = FailureKind.NETWORK;
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new FetchException(kind, url, message, e);
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private record Body(byte[] bytes, HttpExchange.Truncation truncation, FetchException failure) {}

  /** What the network interceptor saw of one call; filled in on OkHttp's thread. */
  private static final class WireCapture {
    volatile byte[] requestHeader = new byte[0];
    volatile String ipAddress;
    volatile String protocol;
    volatile Headers responseHeaders;
    /** The HTTP/1.x response head as received, or null when it was not recorded. */
    volatile byte[] rawHead;
  }

  /** Records the request as sent, the peer address and the protocol of each call. */
  private static final class WireRecorder implements Interceptor {
    private final AddressPolicy policy;

    WireRecorder(AddressPolicy policy) {
      this.policy = policy;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      Request sent = chain.request();
      okhttp3.Connection open = chain.connection();
      InetAddress peer = open == null ? null : open.socket().getInetAddress();
      if (peer != null && !policy.allows(peer)) {
        // The resolver's answer was checked already; this catches a connection that reached
        // a refused address anyway (a pooled or proxied route, a second, different answer).
        throw new BlockedAddressException("connected to " + peer.getHostAddress()
            + ", not a public address");
      }
      WireCapture wire = sent.tag(WireCapture.class);
      if (wire != null) {
        okhttp3.Connection connection = chain.connection();
        if (connection != null) {
          Socket socket = connection.socket();
          if (socket.getInetAddress() != null) {
            wire.ipAddress = socket.getInetAddress().getHostAddress();
          }
          wire.protocol = connection.protocol().toString();
        }
        wire.requestHeader = requestHeader(sent);
      }
      ResponseHeadRecorder recorder = null;
      if (wire != null && open != null && isHttp1(open.protocol())
          && open.socket() instanceof ResponseHeadRecorder.Source source) {
        recorder = source.headRecorder();
        recorder.start();
      }
      Response response;
      byte[] recorded = null;
      try {
        response = chain.proceed(sent);
      } finally {
        if (recorder != null) {
          recorded = recorder.stop();
        }
      }
      if (wire != null) {
        wire.responseHeaders = response.headers();
        byte[] raw = RawResponseHead.find(recorded, response.code(), response.headers());
        wire.rawHead = raw == null ? null : RawResponseHead.withCrlf(raw);
      }
      return HeaderChecks.safeForClient(response);
    }

    private static boolean isHttp1(Protocol protocol) {
      return protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_1_0;
    }

    private static byte[] requestHeader(Request request) {
      StringBuilder sb = new StringBuilder();
      String target = request.url().encodedPath();
      if (request.url().encodedQuery() != null) {
        target += "?" + request.url().encodedQuery();
      }
      sb.append(request.method()).append(' ').append(target).append(" HTTP/1.1\r\n");
      Headers headers = request.headers();
      for (int i = 0; i < headers.size(); i++) {
        sb.append(headers.name(i)).append(": ").append(headers.value(i)).append("\r\n");
      }
      sb.append("\r\n");
      return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
  }
}
