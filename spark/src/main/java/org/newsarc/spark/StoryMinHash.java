package org.newsarc.spark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The near-duplicate definition behind story clusters: MinHash signatures over word shingles,
 * banded for locality-sensitive hashing. Two articles belong to the same story when their
 * signatures agree on at least {@link #LINK_SIMILARITY} of their positions; stories are the
 * connected components of that relation. The catalog's story clusters must use the same
 * parameters so that both agree on the same archive:
 *
 * <ul>
 *   <li>words: maximal runs of letters or digits ({@link Character#isLetterOrDigit}), lower-cased
 *       with {@link Locale#ROOT}, as {@code word_count} counts them;</li>
 *   <li>shingles: {@value #SHINGLE_WORDS} consecutive words joined by one space; a text with fewer
 *       words is one shingle; a text without words has no signature and is a story by itself;</li>
 *   <li>shingle hash: 64-bit FNV-1a over the shingle's UTF-8 bytes;</li>
 *   <li>{@value #HASHES} hash functions: {@code mix(h + (i + 1) * 0x9E3779B97F4A7C15)} for
 *       i = 0..127, with {@code mix} the SplitMix64 finalizer; each signature position is the
 *       signed minimum over the text's shingles;</li>
 *   <li>{@value #BANDS} bands of {@value #ROWS} positions: articles sharing a whole band are
 *       candidates, then linked when at least {@value #LINK_SIMILARITY} of the positions agree.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class StoryMinHash {
  /** Words per shingle. */
  public static final int SHINGLE_WORDS = 5;
  /** Signature length. */
  public static final int HASHES = 128;
  /** LSH bands. */
  public static final int BANDS = 32;
  /** Positions per band. */
  public static final int ROWS = HASHES / BANDS;
  /** The estimated Jaccard similarity at which two articles are linked. */
  public static final double LINK_SIMILARITY = 0.5;

  private StoryMinHash() {}

  /** The signature of {@code text}, or null when it has no words. */
  public static long[] signature(String text) {
    List<String> words = words(text == null ? "" : text);
    if (words.isEmpty()) {
      return null;
    }
    long[] sig = new long[HASHES];
    java.util.Arrays.fill(sig, Long.MAX_VALUE);
    int shingles = Math.max(1, words.size() - SHINGLE_WORDS + 1);
    for (int s = 0; s < shingles; s++) {
      String shingle = String.join(" ",
          words.subList(s, Math.min(words.size(), s + SHINGLE_WORDS)));
      long h = fnv1a(shingle.getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < HASHES; i++) {
        long v = mix(h + (i + 1) * 0x9E3779B97F4A7C15L);
        if (v < sig[i]) {
          sig[i] = v;
        }
      }
    }
    return sig;
  }

  /** The fraction of positions on which two signatures agree. */
  public static double similarity(long[] a, long[] b) {
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / HASHES;
  }

  /** True when two signatures are similar enough to be one story. */
  public static boolean linked(long[] a, long[] b) {
    return similarity(a, b) >= LINK_SIMILARITY;
  }

  /** The key of band {@code band} of a signature, for bucketing candidates. */
  public static String bandKey(long[] sig, int band) {
    StringBuilder key = new StringBuilder().append(band);
    for (int i = band * ROWS; i < (band + 1) * ROWS; i++) {
      key.append(':').append(Long.toHexString(sig[i]));
    }
    return key.toString();
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
      } else if (word.length() > 0) {
        words.add(word.toString().toLowerCase(Locale.ROOT));
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  private static long fnv1a(byte[] bytes) {
    long h = 0xcbf29ce484222325L;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
