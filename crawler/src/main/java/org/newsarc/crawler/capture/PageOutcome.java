package org.newsarc.crawler.capture;

import java.util.List;
import org.newsarc.crawler.fetch.FailureKind;
import org.newsarc.crawler.fetch.FetchResponse;
import org.newsarc.extractor.Article;

/**
 * What happened to one requested URL: the hops archived, the article extracted, or why it
 * failed. A page can be archived and still fail (a 404 is archived; it has no article).
 * Immutable.
 *
 * @param requestedUrl the URL asked for
 * @param hops every archived exchange, redirects first; empty when nothing was fetched
 * @param article the extracted article, or null
 * @param articleId the catalog row of the article, or -1
 * @param failure why the URL failed, or null on success
 * @param reason a human-readable explanation of the failure, or null
 * @param finalResponse the last response fetched, or null; not part of any stored state
 * @param discovery where a page found by following links came from; null for a URL asked for
 */
public record PageOutcome(
    String requestedUrl,
    List<Hop> hops,
    Article article,
    long articleId,
    FailureKind failure,
    String reason,
    FetchResponse finalResponse,
    Discovery discovery) {

  /**
   * Where a page that {@code archive --follow-links} found came from.
   *
   * @param inputIndex the position of the input it descends from, counting from 0
   * @param input the input it descends from
   * @param foundOn the page that links to it
   * @param depth link hops from the input, 1 for a link of the input's page
   */
  public record Discovery(int inputIndex, String input, String foundOn, int depth) {}

  public PageOutcome {
    hops = List.copyOf(hops);
  }

  /** The outcome of a URL asked for. */
  public PageOutcome(String requestedUrl, List<Hop> hops, Article article, long articleId,
      FailureKind failure, String reason, FetchResponse finalResponse) {
    this(requestedUrl, hops, article, articleId, failure, reason, finalResponse, null);
  }

  /** Whether this page was found by following links rather than asked for. */
  public boolean discovered() {
    return discovery != null;
  }

  public boolean ok() {
    return failure == null;
  }

  /** The URL of the last hop, or the requested URL when nothing was fetched. */
  public String finalUrl() {
    return hops.isEmpty() ? requestedUrl : hops.get(hops.size() - 1).url();
  }

  /** The status of the last hop, or 0 when nothing was fetched. */
  public int status() {
    return hops.isEmpty() ? 0 : hops.get(hops.size() - 1).status();
  }
}
