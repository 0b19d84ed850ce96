package org.newsarc.archive.stories;

/**
 * An article's text as story matching sees it: its content words as sorted 64-bit hashes
 * ({@link StorySignature#wordHashes}), their MinHash signature and its LSH bucket keys. Making one
 * is pure CPU work (splitting the text into words and hashing each word {@value
 * StorySignature#HASHES} times), so a crawl makes it in the worker that extracted the article,
 * before it takes the catalog's lock, and hands it to {@code Catalog.addArticle}. Immutable and
 * thread-safe.
 */
public final class StoryText {
  private final String text;
  private final long[] words;
  private final long[] signature;
  private final long[] buckets;

  private StoryText(String text, long[] words, long[] signature) {
    this.text = text;
    this.words = words;
    this.signature = signature;
    this.buckets = signature == null ? null : StorySignature.buckets(signature);
  }

  /** The story features of {@code text} (null counts as empty). */
  public static StoryText of(String text) {
    long[] words = StorySignature.wordHashes(text);
    return new StoryText(text, words, StorySignature.signatureOfHashed(words));
  }

  /** Whether this was made from {@code other} (the same string, or an equal one). */
  public boolean isOf(String other) {
    return text == other || text != null && text.equals(other);
  }

  /** Whether the text has enough content words to be matched at all. */
  public boolean clusterable() {
    return signature != null;
  }

  /** The sorted word hashes; callers must not change them. */
  long[] words() {
    return words;
  }

  /** The MinHash signature, or null when the text has too few content words. */
  long[] signature() {
    return signature;
  }

  /** The LSH bucket keys, one per band, or null when there is no signature. */
  long[] buckets() {
    return buckets;
  }

  /** The signature as stored in {@code articles.story_signature}, or null. */
  public byte[] storedSignature() {
    return signature == null ? null : StorySignature.toBytes(signature);
  }
}
