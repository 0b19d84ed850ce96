package org.newsarc.crawler.capture;

/**
 * One archived request of a page fetch: a redirect or the final answer.
 *
 * @param url the URL fetched
 * @param status the HTTP status
 * @param captureId the catalog row of the capture
 * @param warcFile the WARC file holding it
 */
public record Hop(String url, int status, long captureId, String warcFile) {}
