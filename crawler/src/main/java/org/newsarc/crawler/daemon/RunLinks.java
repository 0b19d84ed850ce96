package org.newsarc.crawler.daemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsarc.crawler.capture.PageOutcome;
import org.newsarc.crawler.frontier.QueueKeys;

/**
 * The pages a bounded run discovers by following links ({@code archive --follow-links N}): each
 * gets an origin of its own after the inputs' (inputs are {@code 0..inputs-1}, discovered pages
 * follow in the order found), remembers the input it descends from and the page that linked to
 * it, and is admitted only when it is on its input's site and not yet part of the run. The site
 * of an input is the host of the input URL and the host of the page it ended on after its
 * redirects, a leading {@code www.} ignored on both sides. Every URL of the run (inputs
 * included) is fetched once, however many pages link to it. Thread-safe: one lock, and no call
 * out while holding it, so it may be used under the catalog's lock.
 */
final class RunLinks {
  /** What {@link #claim} answers for a URL the run already has. */
  static final long SEEN = -1;
  /** What {@link #claim} answers for a URL off its input's site. */
  static final long OFF_SITE = -2;

  /** One discovered page. */
  private record Entry(int input, String url, String foundOn, int depth) {}

  private final int inputs;
  private final List<Entry> entries = new ArrayList<>();
  private final Set<Integer> dropped = new HashSet<>();
  private final Set<String> seen = new HashSet<>();
  private final Map<Integer, Set<String>> sites = new HashMap<>();
  private final List<String> inputUrls;

  RunLinks(List<String> inputUrls) {
    this.inputs = inputUrls.size();
    this.inputUrls = List.copyOf(inputUrls);
  }

  /** Notes input {@code index}, normalised to {@code url}: links to it are not fetched again. */
  synchronized void input(int index, String url) {
    seen.add(url);
    String host = site(url);
    if (host != null) {
      sites.computeIfAbsent(index, i -> new HashSet<>()).add(host);
    }
  }

  /**
   * Takes {@code url}, linked from {@code foundOn} (a page serving origin {@code parent}), into
   * the run; returns its origin, or {@link #SEEN} or {@link #OFF_SITE}.
   */
  synchronized long claim(long parent, String url, String foundOn) {
    int input = inputOf(parent);
    if (input < 0) {
      return OFF_SITE;
    }
    Set<String> site = sites.computeIfAbsent(input, i -> new HashSet<>());
    if (parent < inputs && foundOn != null && site(foundOn) != null) {
      // Links of the input's own page: the host it redirected to is its site as well.
      site.add(site(foundOn));
    }
    String host = site(url);
    if (host == null || !site.contains(host)) {
      return OFF_SITE;
    }
    if (!seen.add(url)) {
      return SEEN;
    }
    entries.add(new Entry(input, url, foundOn, depthOf(parent) + 1));
    return inputs + entries.size() - 1L;
  }

  /** Gives back origin {@code origin} claimed for a URL the frontier did not queue after all. */
  synchronized void drop(long origin) {
    int k = (int) (origin - inputs);
    if (k >= 0 && k < entries.size() && dropped.add(k)) {
      seen.remove(entries.get(k).url());
    }
  }

  /** Whether {@code origin} is a discovered page the run still has. */
  synchronized boolean live(long origin) {
    int k = (int) (origin - inputs);
    return k >= 0 && k < entries.size() && !dropped.contains(k);
  }

  /** Inputs plus discovered pages: one past the highest origin handed out. */
  synchronized int size() {
    return inputs + entries.size();
  }

  /** Discovered pages the run still has. */
  synchronized int discovered() {
    return entries.size() - dropped.size();
  }

  /** The URL of discovered page {@code origin}. */
  synchronized String url(long origin) {
    return entries.get((int) (origin - inputs)).url();
  }

  /** Where discovered page {@code origin} came from. */
  synchronized PageOutcome.Discovery discovery(long origin) {
    Entry e = entries.get((int) (origin - inputs));
    return new PageOutcome.Discovery(e.input(), inputUrls.get(e.input()), e.foundOn(), e.depth());
  }

  private int inputOf(long origin) {
    if (origin >= 0 && origin < inputs) {
      return (int) origin;
    }
    int k = (int) (origin - inputs);
    return k >= 0 && k < entries.size() ? entries.get(k).input() : -1;
  }

  private int depthOf(long origin) {
    int k = (int) (origin - inputs);
    return k >= 0 && k < entries.size() ? entries.get(k).depth() : 0;
  }

  private static String site(String url) {
    String host = QueueKeys.hostOf(url);
    if (host == null) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
  }
}
