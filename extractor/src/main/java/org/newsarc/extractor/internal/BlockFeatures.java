package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

/**
 * The features a learned block classifier sees for each text block of an article's main
 * element: the block's own text (length, links, punctuation, stop words), its kind, its place
 * in the sequence (before the first or after the last long paragraph, neighbours' length and
 * links), and its place in the tree below the main element (depth, figure, link, header or
 * {@code articleBody} ancestors, the parent's link density), and
 * signals that do not hang on a site's markup: the distance to the nearest long paragraph, the
 * share of the text before the block, the link density of its run, how many neighbours look
 * like it (teaser cards come in runs), mostly-link neighbours, and its container's share of the
 * main element's text and prose. One pass over the blocks; the elements between each block
 * and the main element are looked at once a page. Stateless and thread-safe.
 */
public final class BlockFeatures {

  /** Feature names, in the order of the values {@link #of} returns. */
  public static final List<String> NAMES = List.of(
      "log_length", "link_density", "in_list", "heading", "list_item", "quote", "pre", "row",
      "sentence_ends", "ends_terminal", "comma_rate", "stopword_share", "digit_share",
      "capitalised_share", "ends_ellipsis", "position", "before_first_long", "after_last_long",
      "text_share", "log_depth", "in_figure", "in_link", "parent_link_density",
      "prev_log_length",
      "next_log_length", "prev_link_density", "next_link_density", "heading_level",
      "title_overlap", "in_header_footer_aside", "few_words", "shorter_than_30",
      "shorter_than_80", "longer_than_300", "in_article_body", "log_words", "log_long_distance",
      "chars_before", "run_link_density", "log_similar_run", "linked_neighbours",
      "parent_text_share", "parent_prose_share");

  /** Common short words of the corpora's main languages; a high share marks running prose. */
  private static final Set<String> STOP_WORDS = Set.of(
      "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "is", "was", "are",
      "were", "be", "been", "it", "that", "this", "as", "at", "by", "from", "he", "she", "they",
      "we", "his", "her", "their", "not", "but", "have", "has", "had", "which", "who", "will",
      "would", "can", "said", "there", "its", "i", "you", "der", "die", "das", "und", "ist",
      "nicht", "ein", "eine", "zu", "den", "dem", "mit", "von", "sich", "auf", "für", "auch",
      "es", "im", "dass", "wie", "le", "la", "les", "et", "des", "du", "est", "une", "que",
      "qui", "pas", "dans", "el", "los", "las", "y", "en", "por", "con", "una", "di", "il",
      "che", "per", "non", "un", "de", "het", "een", "van", "op");

  private BlockFeatures() {}

  /**
   * One row of features per block.
   *
   * @param main the element the blocks were rendered from
   * @param title the page's headline; may be null
   */
  public static double[][] of(List<TextBlock> blocks, Element main, TextStats stats,
      String title) {
    int n = blocks.size();
    double[][] rows = new double[n][];
    int firstLong = -1;
    int lastLong = -1;
    long total = 0;
    for (int i = 0; i < n; i++) {
      TextBlock b = blocks.get(i);
      total += b.text().length();
      if (isLong(b)) {
        if (firstLong < 0) {
          firstLong = i;
        }
        lastLong = i;
      }
    }
    Set<String> titleWords = title == null ? Set.of() : Set.copyOf(words(title));
    double[] sequence = new double[SEQUENCE_FEATURES];
    Ancestry ancestry = new Ancestry(main);
    int mainText = Math.max(1, stats.get(main).text());
    long before = 0;
    int lastLongSeen = -1;
    int[] longAfter = new int[n];
    int nextLong = -1;
    for (int i = n - 1; i >= 0; i--) {
      if (isLong(blocks.get(i))) {
        nextLong = i;
      }
      longAfter[i] = nextLong;
    }
    for (int i = 0; i < n; i++) {
      TextBlock b = blocks.get(i);
      TextBlock prev = i > 0 ? blocks.get(i - 1) : null;
      TextBlock next = i + 1 < n ? blocks.get(i + 1) : null;
      if (isLong(b)) {
        lastLongSeen = i;
      }
      double[] own = row(b, prev, next, i, n, firstLong, lastLong, total, main, stats, ancestry,
          titleWords);
      int distance = n;
      if (lastLongSeen >= 0) {
        distance = i - lastLongSeen;
      }
      if (longAfter[i] >= 0) {
        distance = Math.min(distance, longAfter[i] - i);
      }
      sequence[0] = Math.log1p(distance);
      sequence[1] = total == 0 ? 0 : (double) before / total;
      before += b.text().length();
      sequence[2] = runLinkDensity(blocks, i);
      sequence[3] = Math.log1p(similarRun(blocks, i));
      sequence[4] = linkedNeighbours(blocks, i);
      Element parent = b.source() == null || b.source() == main ? null : b.source().parent();
      TextStats.Counts up = parent == null ? null : stats.get(parent);
      sequence[5] = up == null ? 1 : Math.min(1, (double) up.text() / mainText);
      sequence[6] = up == null || up.text() == 0 ? 0 : Math.min(1, (double) up.prose() / up.text());
      double[] all = java.util.Arrays.copyOf(own, own.length + SEQUENCE_FEATURES);
      System.arraycopy(sequence, 0, all, own.length, SEQUENCE_FEATURES);
      rows[i] = all;
    }
    return rows;
  }

  /** Features of the block's place among the others and in its container, computed in {@link #of}. */
  private static final int SEQUENCE_FEATURES = 7;

  private static boolean isLong(TextBlock b) {
    return b.text().length() >= 150 && b.linkDensity() < 0.3;
  }

  /** Link density of the block and two neighbours on each side together. */
  private static double runLinkDensity(List<TextBlock> blocks, int i) {
    long text = 0;
    long links = 0;
    for (int k = Math.max(0, i - 2); k <= Math.min(blocks.size() - 1, i + 2); k++) {
      text += blocks.get(k).text().length();
      links += blocks.get(k).linkChars();
    }
    return text == 0 ? 0 : Math.min(1, (double) links / text);
  }

  /**
   * How many blocks next to this one, on both sides without a gap, look like it: the same
   * kind, a length within a factor of two, and links or none alike. Teaser cards and link
   * lists come in such runs; prose paragraphs vary more.
   */
  private static int similarRun(List<TextBlock> blocks, int i) {
    int run = 0;
    for (int k = i - 1; k >= 0 && k >= i - 8 && similar(blocks.get(k), blocks.get(i)); k--) {
      run++;
    }
    for (int k = i + 1; k < blocks.size() && k <= i + 8 && similar(blocks.get(k), blocks.get(i)); k++) {
      run++;
    }
    return run;
  }

  private static boolean similar(TextBlock a, TextBlock b) {
    int la = Math.max(1, a.text().length());
    int lb = Math.max(1, b.text().length());
    return a.kind() == b.kind() && la <= 2 * lb && lb <= 2 * la
        && (a.linkChars() > 0) == (b.linkChars() > 0);
  }

  /** Mostly-link blocks among the two neighbours on each side. */
  private static int linkedNeighbours(List<TextBlock> blocks, int i) {
    int count = 0;
    for (int k = Math.max(0, i - 2); k <= Math.min(blocks.size() - 1, i + 2); k++) {
      if (k != i && blocks.get(k).linkDensity() > 0.5) {
        count++;
      }
    }
    return count;
  }

  private static double[] row(TextBlock b, TextBlock prev, TextBlock next, int i, int n,
      int firstLong, int lastLong, long total, Element main, TextStats stats, Ancestry ancestry,
      Set<String> titleWords) {
    String t = b.text();
    int len = t.length();
    List<String> words = words(t);
    int wordCount = words.size();
    int stop = 0;
    int capitalised = 0;
    int titleHits = 0;
    for (String w : words) {
      String lower = w.toLowerCase(Locale.ROOT);
      if (STOP_WORDS.contains(lower)) {
        stop++;
      }
      if (Character.isUpperCase(w.charAt(0))) {
        capitalised++;
      }
      if (titleWords.contains(w)) {
        titleHits++;
      }
    }
    int sentenceEnds = 0;
    int commas = 0;
    int digits = 0;
    for (int k = 0; k < len; k++) {
      char c = t.charAt(k);
      if ((c == '.' || c == '!' || c == '?' || c == '。') && (k + 1 == len || t.charAt(k + 1) == ' ')) {
        sentenceEnds++;
      } else if (c == ',') {
        commas++;
      } else if (Character.isDigit(c)) {
        digits++;
      }
    }
    char last = len == 0 ? ' ' : t.charAt(len - 1);
    boolean terminal = ".!?\"”»'。:)".indexOf(last) >= 0;
    boolean ellipsis = t.endsWith("...") || t.endsWith("…");

    // What lies between the block and the main element, each ancestor looked at once a page.
    Element source = b.source();
    int[] up = ancestry.of(source);
    int depth = Math.min(up[1], 65);
    boolean figure = (up[0] & Ancestry.FIGURE) != 0;
    boolean link = (up[0] & Ancestry.LINK) != 0;
    boolean furniture = (up[0] & Ancestry.FURNITURE) != 0;
    boolean articleBody = (up[0] & Ancestry.BODY) != 0;
    double parentLinks = 0;
    if (source != null && source != main && source.parent() != null) {
      parentLinks = stats.get(source.parent()).linkDensity();
    }
    int headingLevel = 0;
    if (source != null && source.normalName().length() == 2 && source.normalName().charAt(0) == 'h') {
      char d = source.normalName().charAt(1);
      if (d >= '1' && d <= '6') {
        headingLevel = d - '0';
      }
    }
    double words1 = Math.max(1, wordCount);
    return new double[] {
        Math.log1p(len), b.linkDensity(), b.inList() ? 1 : 0,
        b.kind() == Blocks.Kind.HEADING ? 1 : 0, b.kind() == Blocks.Kind.LIST_ITEM ? 1 : 0,
        b.kind() == Blocks.Kind.QUOTE ? 1 : 0, b.kind() == Blocks.Kind.PRE ? 1 : 0,
        b.kind() == Blocks.Kind.ROW ? 1 : 0,
        Math.log1p(sentenceEnds), terminal ? 1 : 0, Math.min(5, 100.0 * commas / Math.max(1, len)),
        stop / words1, (double) digits / Math.max(1, len), capitalised / words1, ellipsis ? 1 : 0,
        n <= 1 ? 0 : (double) i / (n - 1), firstLong < 0 || i < firstLong ? 1 : 0,
        lastLong >= 0 && i > lastLong ? 1 : 0, total == 0 ? 0 : (double) len / total,
        Math.log1p(depth), figure ? 1 : 0, link ? 1 : 0, parentLinks,
        prev == null ? 0 : Math.log1p(prev.text().length()),
        next == null ? 0 : Math.log1p(next.text().length()),
        prev == null ? 0 : prev.linkDensity(), next == null ? 0 : next.linkDensity(),
        headingLevel / 6.0, titleWords.isEmpty() ? 0 : titleHits / words1,
        furniture ? 1 : 0, wordCount < 5 ? 1 : 0, len < 30 ? 1 : 0, len < 80 ? 1 : 0,
        len > 300 ? 1 : 0, articleBody ? 1 : 0, Math.log1p(wordCount)};
  }

  /**
   * The tags met between an element and the main element (flags) and how many elements that
   * is, remembered for every element on the way, so that blocks sharing ancestors look at each
   * of them once.
   */
  private static final class Ancestry {
    static final int FIGURE = 1;
    static final int LINK = 2;
    static final int FURNITURE = 4;
    static final int BODY = 8;
    private static final int[] NONE = {0, 0};

    private final Map<Element, int[]> known = new IdentityHashMap<>();
    private final Element main;

    Ancestry(Element main) {
      this.main = main;
    }

    /** {flags, depth} of {@code e}: the flags of it and its ancestors below the main element. */
    int[] of(Element e) {
      List<Element> chain = new ArrayList<>();
      int[] base = NONE;
      for (Element x = e; x != null && x != main; x = x.parent()) {
        int[] k = known.get(x);
        if (k != null) {
          base = k;
          break;
        }
        chain.add(x);
      }
      for (int i = chain.size() - 1; i >= 0; i--) {
        Element c = chain.get(i);
        int[] v = {base[0] | own(c), base[1] + 1};
        known.put(c, v);
        base = v;
      }
      return base;
    }

    private int own(Element e) {
      int flags = switch (e.normalName()) {
        case "figure", "figcaption" -> FIGURE;
        case "a" -> LINK;
        case "header", "footer", "aside", "nav" -> FURNITURE;
        default -> 0;
      };
      if (ContentFinder.isSemanticBody(e)) {
        flags |= BODY;
      }
      return flags;
    }
  }

  /** The runs of letters and digits of a text, case kept. */
  static List<String> words(String text) {
    List<String> out = new java.util.ArrayList<>();
    int start = -1;
    for (int k = 0; k <= text.length(); k++) {
      boolean word = k < text.length() && Character.isLetterOrDigit(text.charAt(k));
      if (word && start < 0) {
        start = k;
      } else if (!word && start >= 0) {
        out.add(text.substring(start, k));
        start = -1;
      }
    }
    return out;
  }
}
