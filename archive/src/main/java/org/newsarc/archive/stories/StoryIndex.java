package org.newsarc.archive.stories;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Assigns story ids in the catalog as articles arrive. A new article's LSH candidates are checked
 * with {@link StorySignature#sameStory} on their stored texts; it joins the story of the matching
 * candidate with the highest Jaccard similarity, and founds a new story when none matches. A story's id is derived from the WARC-Record-ID of its
 * founding article's capture, so that {@code reindex}, which replays the WARC files in the order
 * they were written, gives every article the same story id again. Stateless; the caller holds the
 * catalog's lock and transaction.
 */
public final class StoryIndex {
  private StoryIndex() {}

  /** Gives article {@code articleId} (of capture {@code captureId}) its story id; returns it. */
  public static long assign(Connection c, long articleId, long captureId, String text)
      throws SQLException {
    // The text is split into words once: for the signature, the candidates' check and the
    // cache that answers for this article when later ones meet it.
    java.util.Set<String> words = StorySignature.shingles(text, StorySignature.SHINGLE);
    long[] hashed = StorySignature.hashed(words);
    long[] sig = StorySignature.signatureOfHashed(hashed);
    long[] buckets = sig == null ? null : StorySignature.buckets(sig);
    long story = 0;
    if (sig != null) {
      story = bestMatch(c, articleId, hashed, buckets);
    }
    if (story == 0) {
      story = founderId(c, captureId, articleId);
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE articles SET story_id = ?, story_signature = ? WHERE id = ?")) {
      ps.setLong(1, story);
      ps.setBytes(2, sig == null ? null : StorySignature.toBytes(sig));
      ps.setLong(3, articleId);
      ps.executeUpdate();
    }
    if (sig != null) {
      byte[] stored = StorySignature.toBytes(sig);
      // SQLite's length() of a text counts characters up to the first NUL.
      int nul = text.indexOf('\0');
      WORDS.put(articleId, text.codePointCount(0, nul < 0 ? text.length() : nul), stored, hashed);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT OR IGNORE INTO story_buckets(bucket, article_id) VALUES (?, ?)")) {
        for (long b : buckets) {
          ps.setLong(1, b);
          ps.setLong(2, articleId);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    return story;
  }

  private static long bestMatch(Connection c, long articleId, long[] mine, long[] buckets)
      throws SQLException {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < buckets.length; i++) {
      in.append(i == 0 ? "?" : ",?");
    }
    String sql = "SELECT a.id, a.story_id, length(a.text), a.story_signature FROM articles a"
        + " WHERE a.id IN"
        + " (SELECT DISTINCT article_id FROM story_buckets WHERE bucket IN (" + in + "))"
        + " AND a.id <> ? AND a.story_signature IS NOT NULL ORDER BY a.id";
    double best = -1;
    long story = 0;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < buckets.length; i++) {
        ps.setLong(i + 1, buckets[i]);
      }
      ps.setLong(buckets.length + 1, articleId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long[] other = WORDS.get(c, rs.getLong(1), rs.getLong(3), rs.getBytes(4));
          int inter = StorySignature.intersection(mine, other);
          if (!StorySignature.sameStory(mine.length, other.length, inter)) {
            continue;
          }
          double sim = inter / (double) (mine.length + other.length - inter);
          if (sim > best) {
            best = sim;
            story = rs.getLong(2);
          }
        }
      }
    }
    return story;
  }

  private static final WordSets WORDS = new WordSets(4 << 20);

  /**
   * The hashed word sets of stored articles, so that a candidate's text is read and split into
   * words once rather than for every article that meets it in a bucket (that re-reading was
   * most of a crawl's CPU). An entry is trusted only while its article keeps the same text length
   * and signature, so a rebuilt catalog reusing row ids cannot be answered with another text's
   * words. Bounded by the number of hashes held; least recently used entries go first.
   * Thread-safe.
   */
  private static final class WordSets {
    private record Entry(long length, int signature, long[] words) {}

    private final long maxHashes;
    private long held;
    private final java.util.LinkedHashMap<Long, Entry> entries =
        new java.util.LinkedHashMap<>(1024, 0.75f, true);

    WordSets(long maxHashes) {
      this.maxHashes = maxHashes;
    }

    long[] get(Connection c, long articleId, long textLength, byte[] signature)
        throws SQLException {
      int sig = java.util.Arrays.hashCode(signature);
      synchronized (this) {
        Entry e = entries.get(articleId);
        if (e != null && e.length() == textLength && e.signature() == sig) {
          return e.words();
        }
      }
      String text = null;
      try (PreparedStatement ps = c.prepareStatement("SELECT text FROM articles WHERE id = ?")) {
        ps.setLong(1, articleId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            text = rs.getString(1);
          }
        }
      }
      long[] words = StorySignature.hashed(
          StorySignature.shingles(text, StorySignature.SHINGLE));
      put(articleId, textLength, signature, words);
      return words;
    }

    /** Remembers the words of an article whose text has {@code textLength} characters. */
    void put(long articleId, long textLength, byte[] signature, long[] words) {
      int sig = java.util.Arrays.hashCode(signature);
      synchronized (this) {
        Entry old = entries.put(articleId, new Entry(textLength, sig, words));
        held += words.length - (old == null ? 0 : old.words().length);
        var it = entries.values().iterator();
        while (held > maxHashes && it.hasNext()) {
          held -= it.next().words().length;
          it.remove();
        }
      }
    }
  }

  /**
   * Gives a story id to every article that has none (those stored before story clusters
   * existed), in row order, as if they had just arrived; returns how many. Cheap when there
   * are none.
   */
  public static int backfill(Connection c) throws SQLException {
    java.util.List<long[]> todo = new java.util.ArrayList<>();
    java.util.List<String> texts = new java.util.ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, capture_id, text FROM articles WHERE story_id IS NULL ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        todo.add(new long[] {rs.getLong(1), rs.getLong(2)});
        texts.add(rs.getString(3));
      }
    }
    for (int i = 0; i < todo.size(); i++) {
      assign(c, todo.get(i)[0], todo.get(i)[1], texts.get(i));
    }
    return todo.size();
  }

  /** A positive id below 2^53 (exact in JSON numbers) from the founding capture's record id. */
  private static long founderId(Connection c, long captureId, long articleId) throws SQLException {
    String key = "article-" + articleId;
    try (PreparedStatement ps = c.prepareStatement("SELECT record_id FROM captures WHERE id = ?")) {
      ps.setLong(1, captureId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getString(1) != null) {
          key = rs.getString(1);
        }
      }
    }
    return stableId(key);
  }

  /** The story id a founding record id gives. */
  public static long stableId(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (d[i] & 0xff);
      }
      long id = v & ((1L << 53) - 1);
      return id == 0 ? 1 : id;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
