package org.newsarc.crawler.capture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.newsarc.crawler.politeness.HostDelays;

/**
 * Archives a list of URLs with several workers: one queue per host, each host asked by one
 * worker at a time and only once its gap has passed, so different hosts are fetched in parallel
 * while every host sees the same spacing as a one-at-a-time run. Hosts are handed out by ready
 * time: a URL that must wait (after robots.txt, a Retry-After or a redirect to a busy host)
 * goes back to its host's queue with that time instead of holding a worker asleep. URLs of one
 * host are fetched in the order given. Each outcome is handed to the listener as soon as it is
 * known.
 */
public final class ParallelArchive {
  /** Told about each URL as it finishes; called from the worker threads, one call at a time. */
  public interface Listener {
    void finished(int index, PageOutcome outcome);
  }

  private final PageArchiver archiver;
  private final HostDelays delays;
  private final Clock clock;
  private final PriorityQueue<HostQueue> ready =
      new PriorityQueue<>(Comparator.comparing(HostQueue::readyAt));
  private int remaining;

  /** The URLs left for one host, and when the host may be asked next. */
  private static final class HostQueue {
    final String host;
    final Deque<Integer> indexes = new ArrayDeque<>();
    /** The head URL's visit while it waits for a turn between its requests, else null. */
    PageArchiver.Visit visit;
    Instant readyAt = Instant.MIN;

    HostQueue(String host) {
      this.host = host;
    }

    Instant readyAt() {
      return readyAt;
    }
  }

  public ParallelArchive(PageArchiver archiver, HostDelays delays, Clock clock) {
    this.archiver = archiver;
    this.delays = delays;
    this.clock = clock;
  }

  /**
   * Archives every URL with {@code workers} threads; returns the outcomes in input order.
   *
   * @throws InterruptedException when interrupted; URLs not started are left out
   */
  public List<PageOutcome> run(List<String> urls, int workers, Listener listener)
      throws InterruptedException {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, not " + workers);
    }
    Map<String, HostQueue> byHost = new LinkedHashMap<>();
    for (int i = 0; i < urls.size(); i++) {
      String url = urls.get(i);
      String host = PageArchiver.isHttpUrl(url) ? PageArchiver.hostOf(url) : "\0bad" + i;
      byHost.computeIfAbsent(host, HostQueue::new).indexes.add(i);
    }
    ready.addAll(byHost.values());
    remaining = urls.size();
    PageOutcome[] outcomes = new PageOutcome[urls.size()];
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < Math.min(workers, byHost.size()); w++) {
      Thread t = new Thread(() -> work(urls, outcomes, listener), "newsarc-archive-" + w);
      t.start();
      threads.add(t);
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      threads.forEach(Thread::interrupt);
      throw e;
    }
    return Arrays.stream(outcomes).filter(o -> o != null).toList();
  }

  private void work(List<String> urls, PageOutcome[] outcomes, Listener listener) {
    try {
      HostQueue q;
      while ((q = take()) != null) {
        int index = q.indexes.peek();
        Instant notBefore = null;
        try {
          if (q.visit == null) {
            q.visit = new PageArchiver.Visit(urls.get(index).strip());
          }
          notBefore = archiver.step(q.visit);
          if (notBefore == null) {
            PageOutcome outcome = q.visit.outcome();
            q.visit = null;
            // Kept for the summary: the response (its body) is let go, so memory stays flat.
            outcomes[index] = new PageOutcome(outcome.requestedUrl(), outcome.hops(),
                outcome.article(), outcome.articleId(), outcome.failure(), outcome.reason(),
                null);
            synchronized (listener) {
              listener.finished(index, outcome);
            }
          }
        } catch (RuntimeException e) {
          // A bug on this URL: it is dropped from the results; the host goes on.
          q.visit = null;
          notBefore = null;
          throw e;
        } finally {
          // Even when a URL's work throws, the host and the count go back, so the other
          // workers are not left waiting for a URL that will never finish.
          give(q, notBefore);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The next host whose turn has come, waiting for one; null when every URL is taken. */
  private synchronized HostQueue take() throws InterruptedException {
    while (true) {
      if (ready.isEmpty()) {
        if (remaining == 0) {
          return null;
        }
        wait();
        continue;
      }
      HostQueue head = ready.peek();
      Duration wait = Duration.between(clock.instant(), head.readyAt);
      if (wait.isNegative() || wait.isZero()) {
        return ready.poll();
      }
      wait(Math.max(1, wait.toMillis()));
    }
  }

  /**
   * Hands a host back: with {@code notBefore} its head URL waits for that turn (the worker
   * does not sleep it out); without, the head URL is done and the next one waits for the
   * host's gap.
   */
  private synchronized void give(HostQueue q, Instant notBefore) {
    if (notBefore != null) {
      q.readyAt = notBefore;
      ready.add(q);
    } else {
      q.indexes.poll();
      remaining--;
      if (!q.indexes.isEmpty()) {
        q.readyAt = delays.nextAllowed(q.host);
        ready.add(q);
      }
    }
    notifyAll();
  }
}
