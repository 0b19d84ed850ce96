package org.newsarc.archive.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.Warcinfo;
import org.newsarc.archive.CaptureLookup.PriorCapture;
import org.newsarc.archive.CaptureMetadata;
import org.newsarc.archive.HttpExchange;
import org.newsarc.archive.WarcOptions;

/**
 * Builds the jwarc records for one capture, in the configured WARC version and digest algorithm.
 * Every header comes from jwarc's typed builders. Immutable and thread-safe.
 */
public final class RecordFactory {
  private final WarcOptions options;
  private final MessageVersion version;
  private final Digests digests;
  private final String hostname;

  public RecordFactory(WarcOptions options, String hostname) {
    this.options = options;
    this.version = options.version().equals("1.0") ? MessageVersion.WARC_1_0
        : MessageVersion.WARC_1_1;
    this.digests = new Digests(options.digestAlgorithm());
    this.hostname = hostname;
  }

  public Digests digests() {
    return digests;
  }

  /** The warcinfo record that opens file {@code fileName}. */
  public Warcinfo warcinfo(String fileName, Instant date) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("software", List.of(options.software()));
    fields.put("format", List.of("WARC File Format " + options.version()));
    fields.put("conformsTo", List.of(options.version().equals("1.0")
        ? "http://bibnum.bnf.fr/WARC/WARC_ISO_28500_version1_latestdraft.pdf"
        : "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
    fields.put("hostname", List.of(hostname));
    if (options.operator() != null) {
      fields.put("operator", List.of(options.operator()));
    }
    if (options.robotsPolicy() != null) {
      fields.put("robots", List.of(options.robotsPolicy()));
    }
    return new Warcinfo.Builder().version(version).date(date(date)).filename(fileName)
        .fields(fields).build();
  }

  public WarcRequest request(HttpExchange exchange) {
    byte[] block = exchange.requestHeader();
    WarcRequest.Builder b = new WarcRequest.Builder(URI.create(exchange.targetUri()))
        .version(version)
        .date(date(exchange.date()))
        .addHeader("WARC-Block-Digest", Digests.header(digests.of(block)))
        .body(MediaType.HTTP_REQUEST, block);
    capture(b, exchange);
    return b.build();
  }

  /** A response record; {@code payloadDigest} must be the digest of the exchange's body. */
  public WarcResponse response(HttpExchange exchange, URI requestId, WarcDigest payloadDigest) {
    byte[] header = exchange.truncated() == null ? exchange.responseHeader()
        : TruncatedHeader.adjust(exchange.responseHeader(), exchange.responseBody().length);
    byte[] block = concat(header, exchange.responseBody());
    WarcResponse.Builder b = new WarcResponse.Builder(URI.create(exchange.targetUri()))
        .version(version)
        .date(date(exchange.date()))
        .addHeader("WARC-Block-Digest", Digests.header(digests.of(block)))
        .addHeader("WARC-Payload-Digest", Digests.header(payloadDigest))
        .concurrentTo(requestId)
        .body(MediaType.HTTP_RESPONSE, block);
    if (exchange.truncated() != null) {
      b.truncated(WarcTruncationReason.valueOf(exchange.truncated().name()));
    }
    capture(b, exchange);
    return b.build();
  }

  /**
   * A revisit record holding only the response headers. With a payload digest it is the
   * identical-payload-digest profile; without one (a 304) it is server-not-modified.
   */
  public WarcRevisit revisit(HttpExchange exchange, URI requestId, WarcDigest payloadDigest,
      PriorCapture prior) {
    boolean v10 = version == MessageVersion.WARC_1_0;
    URI profile = payloadDigest != null
        ? (v10 ? WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_0 : WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
        : (v10 ? WarcRevisit.SERVER_NOT_MODIFIED_1_0 : WarcRevisit.SERVER_NOT_MODIFIED_1_1);
    byte[] block = exchange.responseHeader();
    WarcRevisit.Builder b = new WarcRevisit.Builder(URI.create(exchange.targetUri()), profile)
        .version(version)
        .date(date(exchange.date()))
        .addHeader("WARC-Block-Digest", Digests.header(digests.of(block)))
        .concurrentTo(requestId)
        .body(MediaType.HTTP_RESPONSE, block);
    if (payloadDigest != null) {
      b.addHeader("WARC-Payload-Digest", Digests.header(payloadDigest));
    }
    if (prior != null) {
      URI target = URI.create(prior.url());
      if (prior.recordId() != null) {
        b.refersTo(URI.create(stripBrackets(prior.recordId())), target, date(prior.date()));
      } else {
        b.setHeader("WARC-Refers-To-Target-URI", target.toString());
        b.setHeader("WARC-Refers-To-Date", date(prior.date()).toString());
      }
    }
    capture(b, exchange);
    return b.build();
  }

  /** The metadata record describing the capture whose response is {@code responseId}. */
  public WarcMetadata metadata(String targetUri, Instant date, URI responseId,
      CaptureMetadata metadata) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, List<String>> field : metadata.fields().entrySet()) {
      for (String value : field.getValue()) {
        text.append(field.getKey()).append(": ").append(value).append("\r\n");
      }
    }
    byte[] block = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new WarcMetadata.Builder()
        .version(version)
        .targetURI(URI.create(targetUri))
        .date(date(date))
        .concurrentTo(responseId)
        .addHeader("WARC-Block-Digest", Digests.header(digests.of(block)))
        .body(MediaType.parse("application/warc-fields"), block)
        .build();
  }

  /** WARC-Protocol value for a protocol OkHttp names, or null for HTTP/1.x. */
  static String warcProtocol(String protocol) {
    if (protocol == null || protocol.isEmpty()) {
      return null;
    }
    String p = protocol.toLowerCase(Locale.ROOT);
    if (p.startsWith("http/1")) {
      return null;
    }
    if (p.startsWith("h2")) {
      return "h2";
    }
    if (p.startsWith("h3") || p.equals("quic")) {
      return "h3";
    }
    return p;
  }

  private <B extends WarcCaptureRecord.AbstractBuilder<?, B>> void capture(B builder,
      HttpExchange exchange) {
    InetAddress ip = parseIp(exchange.ipAddress());
    if (ip != null) {
      builder.ipAddress(ip);
    }
    String protocol = warcProtocol(exchange.protocol());
    if (protocol != null) {
      builder.addHeader("WARC-Protocol", protocol);
    }
  }

  /** The WARC-Date written for {@code instant}: WARC 1.0 allows only whole seconds. */
  public Instant warcDate(Instant instant) {
    return date(instant);
  }

  private Instant date(Instant instant) {
    return version == MessageVersion.WARC_1_0 ? instant.truncatedTo(ChronoUnit.SECONDS) : instant;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static String stripBrackets(String id) {
    return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
  }

  /** Whether {@code s} has only the characters of an IPv4 or IPv6 literal (and a zone). */
  private static boolean literalAddress(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
          || c == ':' || c == '.' || c == '%';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress parseIp(String ip) {
    // Only literal addresses: a host name here would trigger a DNS lookup.
    if (ip == null || ip.isEmpty() || !literalAddress(ip)) {
      return null;
    }
    try {
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
