package org.newsarc.crawler.daemon;

import org.newsarc.crawler.fetch.FailureKind;
import org.newsarc.crawler.frontier.Completion;
import org.newsarc.crawler.frontier.QueueUpdate;

/**
 * Everything a response leads to, decided before anything is written. Immutable.
 *
 * @param processed what a 2xx body held, or null
 * @param redirectTo the absolute redirect target to queue, or null
 * @param failure a failure to record in the catalog, or null
 * @param outcome the outcome word for the fetch log
 */
record Decision(Completion completion, QueueUpdate queue, Processed processed, String redirectTo,
    FailureKind failure, String reason, String outcome) {}
