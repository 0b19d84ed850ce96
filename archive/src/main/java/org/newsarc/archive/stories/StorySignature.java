package org.newsarc.archive.stories;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one definition of "the same story", shared by the catalog and by batch jobs (it needs only
 * the JDK): an article's text is reduced to its set of content words (word shingles of length
 * {@value #SHINGLE}: tokens of four or more characters or holding a digit, lower-cased, minus a
 * small multilingual list of function words), and that set to a MinHash signature of
 * {@value #HASHES} values. Candidates are found by LSH over {@value #BANDS} bands of
 * {@value #ROWS} values, loose enough that pairs with a Jaccard similarity near 0.1 usually meet.
 * Each candidate is then checked on the exact word sets by {@link #sameStory}: two texts tell
 * the same story when their Jaccard similarity reaches {@value #THRESHOLD}, or when it reaches
 * {@value #JACCARD_FLOOR} and they share at least {@value #MIN_SHARED} content words that make up
 * at least {@value #CONTAINMENT} of the smaller set. The second rule serves pages whose story is wrapped in menus, captions and other
 * headlines, which dilute Jaccard but not the shared facts. Only articles whose story days
 * ({@link #storyDay}: the publication date, else the capture's) are at most {@value
 * #WINDOW_DAYS} days apart are candidates at all, so that the work per new article is bounded by
 * the articles of two months rather than growing with the archive. Word unigrams were chosen over
 * longer shingles by measurement on the labelled set in {@code seeds/stories/} (docs/schema.md
 * gives the figures). Pure and thread-safe.
 */
public final class StorySignature {
  /** Words per shingle. */
  public static final int SHINGLE = 1;
  /** MinHash values per signature. */
  public static final int HASHES = 255;
  /** LSH bands ({@code BANDS * ROWS <= HASHES}; the last value is unused by LSH). */
  public static final int BANDS = 127;
  /** Values per LSH band. */
  public static final int ROWS = 2;
  /** Jaccard similarity from which two texts are one story. */
  public static final double THRESHOLD = 0.24;
  /** Lowest Jaccard similarity for the containment rule of {@link #sameStory}. */
  public static final double JACCARD_FLOOR = 0.09;
  /** Fewest shared content words for the containment rule of {@link #sameStory}. */
  public static final int MIN_SHARED = 25;
  /** Share of the smaller word set that the shared words must reach for the containment rule. */
  public static final double CONTAINMENT = 0.15;
  /** Fewest content words a text needs to be clustered at all (shorter ones stand alone). */
  public static final int MIN_WORDS = 20;
  /** Most days between the story days of two articles of one story. */
  public static final int WINDOW_DAYS = 30;
  /**
   * The story day of an article with neither a readable publication date nor a capture date;
   * such articles are candidates only of each other.
   */
  public static final long NO_DAY = Integer.MIN_VALUE;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Set<String> FUNCTION_WORDS = Set.of(
      // English
      "that", "with", "from", "this", "have", "were", "will", "said", "says", "they", "their",
      "them", "been", "which", "would", "about", "after", "more", "also", "than", "into", "over",
      "there", "what", "when", "only", "other", "some", "could", "should", "being", "these",
      "those", "where", "while", "very", "most", "such", "just", "each", "then", "your", "ours",
      // German
      "nicht", "eine", "einer", "einen", "eines", "sich", "auch", "wird", "werden", "sind",
      "nach", "wurde", "oder", "aber", "noch", "dass", "über", "sein", "seine", "ihre", "haben",
      "hatte", "beim", "sagte", "wenn", "sowie", "durch", "gegen", "unter",
      // French, Spanish, Italian, Dutch
      "dans", "pour", "avec", "sont", "plus", "nous", "mais", "cette", "leur", "elle", "être",
      "para", "como", "pero", "este", "esta", "más", "sobre", "entre", "desde", "della", "anche",
      "sono", "nella", "zijn", "voor", "niet", "door", "naar", "maar");

  /** The additive seed of each MinHash value: the golden-ratio step times (index + 1). */
  private static final long[] SEEDS = new long[HASHES];

  /** The longest function word, in chars; longer tokens need no look-up. */
  private static final int LONGEST_FUNCTION_WORD;

  static {
    if (SHINGLE != 1) {
      throw new IllegalStateException("wordHashes and signature(String) hash single words");
    }
    for (int i = 0; i < HASHES; i++) {
      SEEDS[i] = 0x9E3779B97F4A7C15L * (i + 1);
    }
    int longest = 0;
    for (String w : FUNCTION_WORDS) {
      longest = Math.max(longest, w.length());
    }
    LONGEST_FUNCTION_WORD = longest;
  }

  private StorySignature() {}

  /** The content words (shingles) of {@code text}. */
  public static Set<String> shingles(String text, int size) {
    String norm = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT);
    java.util.List<String> words = new java.util.ArrayList<>();
    Set<String> out = new HashSet<>();
    Matcher m = WORD.matcher(norm);
    while (m.find()) {
      String w = m.group();
      if ((w.codePointCount(0, w.length()) >= 4 || hasDigit(w)) && !FUNCTION_WORDS.contains(w)) {
        if (size == 1) {
          out.add(w); // single words need no list and no joining
        } else {
          words.add(w);
        }
      }
    }
    for (int i = 0; i + size <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + size)));
    }
    return out;
  }

  private static boolean hasDigit(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.isDigit(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The MinHash signature of a text's shingles, or null when it has too few to compare. */
  public static long[] signature(String text) {
    return signatureOfHashed(wordHashes(text));
  }

  /** The MinHash signature of shingles from {@link #shingles} with {@link #SHINGLE}. */
  public static long[] signature(Set<String> sh) {
    if (sh.size() < MIN_WORDS) {
      return null;
    }
    long[] words = new long[sh.size()];
    int n = 0;
    for (String w : sh) {
      words[n++] = fnv(w);
    }
    return minHash(words);
  }

  /**
   * The same signature as {@link #signature(Set)}, from the word hashes {@link #hashed} gives
   * for those words (the minimum over the words does not depend on their order), so that a
   * caller that needs both hashes each word once.
   */
  public static long[] signatureOfHashed(long[] hashedWords) {
    if (hashedWords.length < MIN_WORDS) {
      return null;
    }
    return minHash(hashedWords);
  }

  /**
   * The MinHash over word hashes: value {@code i} is the least {@code mix(word + SEEDS[i])}.
   * Written as two plain loops over the values (all hashes of one word, then the minimum
   * against the signature) rather than one loop with a branch, so that the JIT compiler can
   * run them on vector registers; the values are the same.
   */
  private static long[] minHash(long[] words) {
    long[] sig = new long[HASHES];
    long[] h = new long[HASHES];
    java.util.Arrays.fill(sig, Long.MAX_VALUE);
    for (long base : words) {
      for (int i = 0; i < HASHES; i++) {
        long z = base + SEEDS[i];
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        h[i] = z ^ (z >>> 31);
      }
      for (int i = 0; i < HASHES; i++) {
        long a = h[i];
        long b = sig[i];
        sig[i] = a < b ? a : b;
      }
    }
    return sig;
  }

  /** The estimated Jaccard similarity of two signatures. */
  public static double similarity(long[] a, long[] b) {
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return same / (double) HASHES;
  }

  /**
   * Whether two texts' content-word sets (from {@link #shingles} with {@link #SHINGLE}) tell one
   * story: Jaccard at least {@link #THRESHOLD}, or at least {@link #JACCARD_FLOOR} with at least
   * {@link #MIN_SHARED} shared words covering at least {@link #CONTAINMENT} of the smaller set. Sets under {@link #MIN_WORDS}
   * words never match.
   */
  public static boolean sameStory(Set<String> a, Set<String> b) {
    if (a.size() < MIN_WORDS || b.size() < MIN_WORDS) {
      return false;
    }
    return sameStory(a.size(), b.size(), intersection(a, b));
  }

  /**
   * The rule of {@link #sameStory(Set, Set)} on set sizes and the number of shared words, for
   * callers that keep the sets in another form.
   */
  public static boolean sameStory(int sizeA, int sizeB, int inter) {
    if (sizeA < MIN_WORDS || sizeB < MIN_WORDS) {
      return false;
    }
    double jaccard = inter / (double) (sizeA + sizeB - inter);
    return jaccard >= THRESHOLD
        || jaccard >= JACCARD_FLOOR && inter >= MIN_SHARED
            && inter / (double) Math.min(sizeA, sizeB) >= CONTAINMENT;
  }

  /**
   * A word set as the sorted 64-bit hashes of its words: a tenth of the memory of the strings,
   * and two of them intersect by one merge ({@link #intersection(long[], long[])}). Two different
   * words share a hash with a probability near 2^-64, so the counts are those of the sets.
   */
  public static long[] hashed(Set<String> words) {
    long[] out = new long[words.size()];
    int i = 0;
    for (String w : words) {
      out[i++] = fnv(w);
    }
    java.util.Arrays.sort(out);
    return out;
  }

  /**
   * The same array as {@code hashed(shingles(text, 1))}, made in one pass over the text: the
   * content words are hashed as they are found, without a string or a set for each of them, and
   * duplicates are dropped after sorting. (Two different words of one text that share a 64-bit
   * hash, with a probability near 2^-64, give one value here and two there.)
   */
  public static long[] wordHashes(String text) {
    String norm = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT);
    long[] out = new long[Math.max(16, norm.length() / 8)];
    int n = 0;
    int len = norm.length();
    int i = 0;
    while (i < len) {
      int cp = norm.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      int codePoints = 0;
      boolean digit = false;
      long h = 0xCBF29CE484222325L;
      while (i < len) {
        cp = norm.codePointAt(i);
        if (!isWordChar(cp)) {
          break;
        }
        codePoints++;
        // Character.isDigit on each char, as hasDigit does (a supplementary digit's surrogate
        // halves are not digits).
        if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT && Character.isDigit((char) cp)) {
          digit = true;
        }
        h = fnvCodePoint(h, cp);
        i += Character.charCount(cp);
      }
      if ((codePoints >= 4 || digit)
          && (i - start > LONGEST_FUNCTION_WORD
              || !FUNCTION_WORDS.contains(norm.substring(start, i)))) {
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, n * 2);
        }
        out[n++] = h;
      }
    }
    java.util.Arrays.sort(out, 0, n);
    int distinct = 0;
    for (int k = 0; k < n; k++) {
      if (distinct == 0 || out[k] != out[distinct - 1]) {
        out[distinct++] = out[k];
      }
    }
    return java.util.Arrays.copyOf(out, distinct);
  }

  /** A code point that {@code [\p{L}\p{N}]} matches: a letter or a number of any kind. */
  private static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp >= 'A' && cp <= 'Z';
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** FNV-1a over the UTF-8 bytes of one code point (a valid one: words hold no lone halves). */
  private static long fnvCodePoint(long h, int cp) {
    if (cp < 0x80) {
      return (h ^ cp) * 0x100000001B3L;
    }
    if (cp < 0x800) {
      h = (h ^ (0xC0 | cp >> 6)) * 0x100000001B3L;
    } else if (cp < 0x10000) {
      h = (h ^ (0xE0 | cp >> 12)) * 0x100000001B3L;
      h = (h ^ (0x80 | cp >> 6 & 0x3F)) * 0x100000001B3L;
    } else {
      h = (h ^ (0xF0 | cp >> 18)) * 0x100000001B3L;
      h = (h ^ (0x80 | cp >> 12 & 0x3F)) * 0x100000001B3L;
      h = (h ^ (0x80 | cp >> 6 & 0x3F)) * 0x100000001B3L;
    }
    return (h ^ (0x80 | cp & 0x3F)) * 0x100000001B3L;
  }

  /** How many values two sorted hash arrays from {@link #hashed} share. */
  public static int intersection(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int inter = 0;
    // Without branches on the values: for unrelated sets which side moves next is a coin
    // toss, and mispredicted jumps cost more than the few extra additions.
    while (i < a.length && j < b.length) {
      long x = a[i];
      long y = b[j];
      inter += x == y ? 1 : 0;
      i += x <= y ? 1 : 0;
      j += y <= x ? 1 : 0;
    }
    return inter;
  }

  /** How many elements two sets share. */
  public static int intersection(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int inter = 0;
    for (String s : small) {
      if (large.contains(s)) {
        inter++;
      }
    }
    return inter;
  }

  /** The exact Jaccard similarity of two sets. */
  public static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    int inter = 0;
    for (String s : a) {
      if (b.contains(s)) {
        inter++;
      }
    }
    return inter / (double) (a.size() + b.size() - inter);
  }

  /**
   * The day (days since 1970-01-01) by which an article is placed in time for story matching:
   * the date of {@code published} when it reads as an ISO 8601 date or date-time (a date-time
   * with an offset counts by its UTC date, one without by its own date), else the UTC date of
   * {@code fetchedAt} read the same way, else {@link #NO_DAY}.
   */
  public static long storyDay(String published, String fetchedAt) {
    long day = day(published);
    return day != NO_DAY ? day : day(fetchedAt);
  }

  /** Whether articles of these story days may be one story. */
  public static boolean withinWindow(long dayA, long dayB) {
    return Math.abs(dayA - dayB) <= WINDOW_DAYS;
  }

  private static long day(String s) {
    if (s == null || s.length() < 10) {
      return NO_DAY;
    }
    String v = s.strip();
    try {
      if (v.length() == 10) {
        return LocalDate.parse(v).toEpochDay();
      }
      TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(v,
          OffsetDateTime::from, LocalDateTime::from);
      if (t instanceof OffsetDateTime odt) {
        return odt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate().toEpochDay();
      }
      return ((LocalDateTime) t).toLocalDate().toEpochDay();
    } catch (DateTimeException e) {
      return NO_DAY;
    }
  }

  /** The LSH bucket keys of a signature, one per band (band index mixed in). */
  public static long[] buckets(long[] sig) {
    long[] keys = new long[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long h = 0xCBF29CE484222325L ^ b;
      for (int r = 0; r < ROWS; r++) {
        h = mix(h ^ sig[b * ROWS + r]);
      }
      keys[b] = h;
    }
    return keys;
  }

  /** A signature as bytes, for storage. */
  public static byte[] toBytes(long[] sig) {
    ByteBuffer buf = ByteBuffer.allocate(sig.length * 8);
    for (long v : sig) {
      buf.putLong(v);
    }
    return buf.array();
  }

  /** A signature back from {@link #toBytes}. */
  public static long[] fromBytes(byte[] bytes) {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    long[] sig = new long[bytes.length / 8];
    for (int i = 0; i < sig.length; i++) {
      sig[i] = buf.getLong();
    }
    return sig;
  }

  private static long fnv(String s) {
    long h = 0xCBF29CE484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001B3L;
    }
    return h;
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
