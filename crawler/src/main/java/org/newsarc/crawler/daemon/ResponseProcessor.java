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
import org.newsarc.archive.stories.StoryText;
import org.newsarc.crawler.config.DiscoveryConfig;
import org.newsarc.crawler.discovery.Discovered;
import org.newsarc.crawler.discovery.DocumentType;
import org.newsarc.crawler.discovery.FeedReader;
import org.newsarc.crawler.discovery.HtmlLinks;
import org.newsarc.crawler.discovery.ParseBudget;
import org.newsarc.crawler.discovery.SitemapReader;
import org.newsarc.crawler.fetch.FailureKind;
import org.newsarc.crawler.fetch.FetchResponse;
import org.newsarc.crawler.frontier.Lease;
import org.newsarc.crawler.frontier.UrlKind;
import org.newsarc.crawler.status.StageTimes;
import org.newsarc.crawler.status.StageTimes.Stage;
import org.newsarc.extractor.Article;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.ExtractionException;

/**
 * Works out what a 2xx response is and what it leads to: HTML pages are extracted (articles)
 * or followed (hubs), feeds and sitemaps give their entries. Does no I/O. Thread-safe; the
 * threads together parse no more than the processor's {@link ParseBudget} at once.
 */
public final class ResponseProcessor {
  /** Links taken from one HTML page. */
  static final int MAX_OUTLINKS = 2000;

  private final ArticleExtractor extractor;
  private final DiscoveryConfig discovery;
  private final ParseBudget budget;
  private final HtmlLinks html = new HtmlLinks();
  private final FeedReader feeds = new FeedReader();
  private final SitemapReader sitemaps = new SitemapReader();
  private final boolean everyArticle;
  private final StageTimes stages;

  /** A processor with its own budget of {@link ParseBudget#DEFAULT_BYTES}. */
  public ResponseProcessor(ArticleExtractor extractor, DiscoveryConfig discovery) {
    this(extractor, discovery, new ParseBudget(ParseBudget.DEFAULT_BYTES));
  }

  /**
   * @param everyArticle keep the article extracted from every HTML page, not only from pages
   *     that look like articles ({@code archive}: the pages were asked for by name)
   */
  ResponseProcessor(ArticleExtractor extractor, DiscoveryConfig discovery,
      boolean everyArticle) {
    this(extractor, discovery, everyArticle, StageTimes.off());
  }

  /**
   * @param everyArticle as above
   * @param stages where the CPU time of extraction and of the story features is counted
   */
  ResponseProcessor(ArticleExtractor extractor, DiscoveryConfig discovery,
      boolean everyArticle, StageTimes stages) {
    this(extractor, discovery, new ParseBudget(ParseBudget.DEFAULT_BYTES), everyArticle, stages);
  }

  /** A processor whose parsing, over all threads, stays within {@code budget}. */
  public ResponseProcessor(ArticleExtractor extractor, DiscoveryConfig discovery,
      ParseBudget budget) {
    this(extractor, discovery, budget, false, StageTimes.off());
  }

  private ResponseProcessor(ArticleExtractor extractor, DiscoveryConfig discovery,
      ParseBudget budget, boolean everyArticle, StageTimes stages) {
    this.everyArticle = everyArticle;
    this.stages = stages;
    this.extractor = extractor;
    this.discovery = discovery;
    this.budget = budget;
  }

  /**
   * Processes a whole 2xx {@code response} for {@code lease}. What is decoded and parsed is
   * bounded per response (HTML and feeds {@link FetchResponse#MAX_PARSE_BYTES}, sitemaps
   * {@link SitemapReader#MAX_DECODED_BYTES}) and over all workers together (the budget).
   *
   * @param changed whether its payload differs from the last visit's
   */
  public Processed process(Lease lease, FetchResponse response, boolean changed) {
    // The share is taken before decoding, so that workers waiting for room hold no decoded
    // bytes: as much as the body may decode to, given back as soon as its size is known.
    long limit = FetchResponse.MAX_PARSE_BYTES;
    String coding = response.header("Content-Encoding");
    long most = coding == null || coding.isBlank() || coding.strip().equalsIgnoreCase("identity")
        ? Math.min(limit, response.exchange().responseBody().length) : limit;
    byte[] body;
    try (ParseBudget.Share share = budget.reserve(most)) {
      try {
        body = response.decodedBody(limit);
      } catch (IOException e) {
        return failed(lease, changed, FailureKind.DECODING, e.getMessage());
      }
      share.shrinkTo(body.length);
      String mediaType = response.mediaType();
      // A gzip file is opened below, with a sitemap's share.
      DocumentType type = GzipFiles.isGzip(body) ? DocumentType.SITEMAP
          : DocumentType.of(mediaType, body);
      boolean whole = body.length < FetchResponse.MAX_PARSE_BYTES;
      if (type == DocumentType.SITEMAP && whole && !GzipFiles.isGzip(body)) {
        return sitemap(response, body, false, changed);
      }
      if (type != DocumentType.SITEMAP) {
        return switch (type) {
          case FEED -> new Processed(UrlKind.FEED, null, feeds.read(body, response.url()),
              List.of(), changed, null, null);
          case HTML -> html(lease, response, body, changed);
          default -> new Processed(lease.kind() == UrlKind.PAGE ? UrlKind.PAGE : lease.kind(),
              null, List.of(), List.of(), changed, FailureKind.NOT_HTML,
              "content type " + response.mediaType());
        };
      }
    }
    // A sitemap may be longer than a page: it is decoded again within a share of its own
    // (taken after the first is given back: never two at a time).
    body = null;
    long max = SitemapReader.MAX_DECODED_BYTES;
    try (ParseBudget.Share share = budget.reserve(max)) {
      try {
        body = response.decodedBody(max);
      } catch (IOException e) {
        return failed(lease, changed, FailureKind.DECODING, e.getMessage());
      }
      boolean cut = body.length >= max;
      if (GzipFiles.isGzip(body)) {
        // A .xml.gz sitemap (or feed) served as a file, not as a content coding: its first
        // 16 MiB are read, like a plain sitemap's.
        try {
          GzipFiles.Opened opened = GzipFiles.gunzip(body, (int) max);
          body = opened.bytes();
          cut = opened.cut();
        } catch (IOException e) {
          return failed(lease, changed, FailureKind.EXTRACTION, "bad gzip file: "
              + e.getMessage());
        }
        share.shrinkTo(body.length);
        switch (DocumentType.of("application/xml", body)) {
          case SITEMAP -> { }
          case FEED -> {
            return new Processed(UrlKind.FEED, null, feeds.read(body, response.url()),
                List.of(), changed, cut ? FailureKind.TOO_LARGE : null,
                cut ? "gzip feed cut at " + (max >> 20) + " MiB decoded; its items were read"
                    + " from that part" : null);
          }
          default -> {
            return failed(lease, changed, FailureKind.NOT_HTML, "gzip file of content type "
                + response.mediaType() + " holds no sitemap or feed");
          }
        }
      }
      share.shrinkTo(body.length);
      return sitemap(response, body, cut, changed);
    }
  }

  private static Processed failed(Lease lease, boolean changed, FailureKind kind,
      String reason) {
    return new Processed(lease.kind(), null, List.of(), List.of(), changed, kind, reason);
  }

  /** @param cut whether the sitemap was longer than what was decoded of it */
  private Processed sitemap(FetchResponse response, byte[] body, boolean cut, boolean changed) {
    try {
      List<Discovered> entries = sitemaps.read(body, "application/xml", response.url());
      List<Discovered> children = new ArrayList<>();
      List<Discovered> pages = new ArrayList<>();
      for (Discovered d : entries) {
        (d.kind() == UrlKind.SITEMAP ? children : pages).add(d);
      }
      return cut
          ? new Processed(UrlKind.SITEMAP, null, pages, children, changed,
              FailureKind.TOO_LARGE, "sitemap cut at " + (body.length >> 20)
              + " MiB decoded; its entries were read from that part")
          : new Processed(UrlKind.SITEMAP, null, pages, children, changed, null, null);
    } catch (IOException | RuntimeException e) {
      return new Processed(UrlKind.SITEMAP, null, List.of(), List.of(), changed,
          FailureKind.EXTRACTION, "unreadable sitemap: " + e.getMessage());
    }
  }

  private Processed html(Lease lease, FetchResponse response, byte[] body, boolean changed) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : response.headers()) {
      headers.putIfAbsent(h.getKey(), h.getValue());
    }
    Article article = null;
    FailureKind failure = null;
    String reason = null;
    // The links are taken from the extractor's DOM before it changes it: one parse per page.
    HtmlLinks.Collected[] collected = new HtmlLinks.Collected[1];
    boolean anchors = discovery.followLinks() || discovery.followArticleLinks();
    boolean feeds = discovery.feedLinks();
    long cpu = stages.start();
    try {
      article = extractor.extract(body, response.url(), headers, anchors || feeds
          ? doc -> collected[0] = html.collect(doc, anchors, feeds) : null);
    } catch (ExtractionException e) {
      failure = FailureKind.EXTRACTION;
      reason = e.getMessage();
    } catch (RuntimeException e) {
      // The extractor promises not to throw; if it does anyway, the crawl goes on.
      failure = FailureKind.EXTRACTION;
      reason = "extractor error: " + e;
    } finally {
      stages.end(Stage.EXTRACT, cpu);
    }
    boolean isArticle = article != null && article.isArticle();
    UrlKind kind = isArticle ? UrlKind.ARTICLE : UrlKind.HUB;
    boolean follow = isArticle ? discovery.followArticleLinks() : discovery.followLinks();
    List<Discovered> links;
    if (!follow && !discovery.feedLinks()) {
      links = List.of();
    } else if (collected[0] != null) {
      // A page whose links are not followed is searched for feeds in its head only.
      links = collected[0].resolve(follow, discovery.feedLinks(), follow);
    } else {
      // The extractor gave up before parsing (binary or empty): parse for links anyway.
      links = html.find(follow ? body : head(body), charset(response), response.url(), follow,
          discovery.feedLinks());
    }
    if (links.size() > MAX_OUTLINKS) {
      // A link farm: the first links are enough, and the frontier stays bounded.
      links = List.copyOf(links.subList(0, MAX_OUTLINKS));
    }
    // The story features are made here, in parallel across workers, not under the catalog's lock.
    Article kept = isArticle || everyArticle ? article : null;
    StoryText story = null;
    if (kept != null) {
      cpu = stages.start();
      story = StoryText.of(kept.text());
      stages.end(Stage.STORY, cpu);
    }
    return new Processed(kind, kept, links, List.of(), changed, failure, reason, story);
  }

  /**
   * The links of an HTML {@code response}, without extracting an article: for runs that defer
   * extraction ({@code --no-extract}) yet follow links. Decoded and parsed within the same
   * bounds as {@link #process}.
   */
  public Processed linksOnly(Lease lease, FetchResponse response, boolean changed) {
    long limit = FetchResponse.MAX_PARSE_BYTES;
    String coding = response.header("Content-Encoding");
    long most = coding == null || coding.isBlank() || coding.strip().equalsIgnoreCase("identity")
        ? Math.min(limit, response.exchange().responseBody().length) : limit;
    try (ParseBudget.Share share = budget.reserve(most)) {
      byte[] body;
      try {
        body = response.decodedBody(limit);
      } catch (IOException e) {
        return failed(lease, changed, FailureKind.DECODING, e.getMessage());
      }
      share.shrinkTo(body.length);
      List<Discovered> links = html.find(body, charset(response), response.url(), true,
          discovery.feedLinks());
      if (links.size() > MAX_OUTLINKS) {
        links = List.copyOf(links.subList(0, MAX_OUTLINKS));
      }
      return new Processed(UrlKind.PAGE, null, links, List.of(), changed, null, null);
    }
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
