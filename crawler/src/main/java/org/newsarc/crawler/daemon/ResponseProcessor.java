package org.newsarc.crawler.daemon;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsarc.crawler.config.DiscoveryConfig;
import org.newsarc.crawler.discovery.Discovered;
import org.newsarc.crawler.discovery.DocumentType;
import org.newsarc.crawler.discovery.FeedReader;
import org.newsarc.crawler.discovery.HtmlLinks;
import org.newsarc.crawler.discovery.SitemapReader;
import org.newsarc.crawler.fetch.FailureKind;
import org.newsarc.crawler.fetch.FetchResponse;
import org.newsarc.crawler.frontier.Lease;
import org.newsarc.crawler.frontier.UrlKind;
import org.newsarc.extractor.Article;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.ExtractionException;

/**
 * Works out what a 2xx response is and what it leads to: HTML pages are extracted (articles)
 * or followed (hubs), feeds and sitemaps give their entries. Does no I/O. Thread-safe.
 */
public final class ResponseProcessor {
  /** Sitemaps may hold 50 MB uncompressed (sitemaps.org); a little more is allowed. */
  static final int MAX_GUNZIPPED_BYTES = 64 << 20;
  /** Links taken from one HTML page. */
  static final int MAX_OUTLINKS = 2000;

  private final ArticleExtractor extractor;
  private final DiscoveryConfig discovery;
  private final HtmlLinks html = new HtmlLinks();
  private final FeedReader feeds = new FeedReader();
  private final SitemapReader sitemaps = new SitemapReader();

  public ResponseProcessor(ArticleExtractor extractor, DiscoveryConfig discovery) {
    this.extractor = extractor;
    this.discovery = discovery;
  }

  /**
   * Processes a whole 2xx {@code response} for {@code lease}.
   *
   * @param changed whether its payload differs from the last visit's
   */
  public Processed process(Lease lease, FetchResponse response, boolean changed) {
    byte[] body;
    try {
      // Sitemaps may be 50 MB; HTML is cut to MAX_PARSE_BYTES below.
      body = response.decodedBody(MAX_GUNZIPPED_BYTES);
    } catch (IOException e) {
      return new Processed(lease.kind(), null, List.of(), List.of(), changed,
          FailureKind.DECODING, e.getMessage());
    }
    String mediaType = response.mediaType();
    if (GzipFiles.isGzip(body)) {
      // A .xml.gz sitemap served as a file, not as a content coding.
      try {
        body = GzipFiles.gunzip(body, MAX_GUNZIPPED_BYTES);
        mediaType = "application/xml";
      } catch (IOException e) {
        return new Processed(lease.kind(), null, List.of(), List.of(), changed,
            FailureKind.EXTRACTION, "bad gzip file: " + e.getMessage());
      }
    }
    DocumentType type = DocumentType.of(mediaType, body);
    return switch (type) {
      case FEED -> new Processed(UrlKind.FEED, null, feeds.read(body, response.url()),
          List.of(), changed, null, null);
      case SITEMAP -> sitemap(response, body, changed);
      case HTML -> html(lease, response, body, changed);
      case OTHER -> new Processed(lease.kind() == UrlKind.PAGE ? UrlKind.PAGE : lease.kind(),
          null, List.of(), List.of(), changed, FailureKind.NOT_HTML,
          "content type " + response.mediaType());
    };
  }

  private Processed sitemap(FetchResponse response, byte[] body, boolean changed) {
    try {
      List<Discovered> entries = sitemaps.read(body, "application/xml", response.url());
      List<Discovered> children = new ArrayList<>();
      List<Discovered> pages = new ArrayList<>();
      for (Discovered d : entries) {
        (d.kind() == UrlKind.SITEMAP ? children : pages).add(d);
      }
      return new Processed(UrlKind.SITEMAP, null, pages, children, changed, null, null);
    } catch (IOException | RuntimeException e) {
      return new Processed(UrlKind.SITEMAP, null, List.of(), List.of(), changed,
          FailureKind.EXTRACTION, "unreadable sitemap: " + e.getMessage());
    }
  }

  private Processed html(Lease lease, FetchResponse response, byte[] whole, boolean changed) {
    byte[] body = whole.length > FetchResponse.MAX_PARSE_BYTES
        ? java.util.Arrays.copyOf(whole, (int) FetchResponse.MAX_PARSE_BYTES) : whole;
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : response.headers()) {
      headers.putIfAbsent(h.getKey(), h.getValue());
    }
    Article article = null;
    FailureKind failure = null;
    String reason = null;
    try {
      article = extractor.extract(body, response.url(), headers);
    } catch (ExtractionException e) {
      failure = FailureKind.EXTRACTION;
      reason = e.getMessage();
    } catch (RuntimeException e) {
      // The extractor promises not to throw; if it does anyway, the crawl goes on.
      failure = FailureKind.EXTRACTION;
      reason = "extractor error: " + e;
    }
    boolean isArticle = article != null && article.isArticle();
    UrlKind kind = isArticle ? UrlKind.ARTICLE : UrlKind.HUB;
    boolean follow = isArticle ? discovery.followArticleLinks() : discovery.followLinks();
    List<Discovered> links = follow || discovery.feedLinks()
        ? html.find(follow ? body : head(body), charset(response), response.url(), follow,
            discovery.feedLinks())
        : List.of();
    if (links.size() > MAX_OUTLINKS) {
      // A link farm: the first links are enough, and the frontier stays bounded.
      links = List.copyOf(links.subList(0, MAX_OUTLINKS));
    }
    return new Processed(kind, isArticle ? article : null, links, List.of(), changed,
        failure, reason);
  }

  /**
   * The bytes before the first {@code <body}: where feed links live. Looking for feeds only,
   * parsing that part instead of the whole page saves a second full DOM per article.
   */
  static byte[] head(byte[] html) {
    outer:
    for (int i = 0; i + 5 <= html.length; i++) {
      if (html[i] != '<') {
        continue;
      }
      for (int k = 0; k < 4; k++) {
        if (Character.toLowerCase((char) (html[i + 1 + k] & 0xff)) != "body".charAt(k)) {
          continue outer;
        }
      }
      return Arrays.copyOf(html, i);
    }
    return html;
  }

  private static Charset charset(FetchResponse response) {
    String ct = response.header("Content-Type");
    if (ct != null) {
      int i = ct.toLowerCase(Locale.ROOT).indexOf("charset=");
      if (i >= 0) {
        try {
          return Charset.forName(ct.substring(i + 8).replace("\"", "").split(";")[0].strip());
        } catch (RuntimeException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
