package org.newsarc.crawler.daemon;

/**
 * What one run of the daemon did. Immutable.
 *
 * @param fetches HTTP answers to frontier URLs in this run
 * @param articles articles stored in this run
 * @param recovered responses recovered from the WARC after a crash
 * @param requeued URLs left leased by a crash and queued again
 * @param stopReason why the run ended
 */
public record CrawlSummary(long fetches, long articles, int recovered, int requeued,
    String stopReason) {}
