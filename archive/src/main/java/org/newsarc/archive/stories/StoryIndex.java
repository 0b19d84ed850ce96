package org.newsarc.archive.stories;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns story ids in one catalog as articles arrive. A new article's LSH candidates (the
 * articles sharing one of its band buckets whose story days are within {@link
 * StorySignature#WINDOW_DAYS} of its own; the bucket rows are keyed by bucket and day, so the
 * window is a range of the key and older articles are not even read) are checked with
 * {@link StorySignature#sameStory} on their word sets; it joins the story of the matching candidate with the highest Jaccard
 * similarity (the lowest row id among equals), and founds a new story when none matches. A
 * story's id is derived from the WARC-Record-ID of its founding article's capture, so that
 * {@code reindex}, which replays the WARC files in the order they were written, gives every
 * article the same story id again.
 *
 * <p>The candidates' story ids and word sets are kept in a bounded cache, so that an article
 * row (whose long text SQLite stores on overflow pages, before the story columns) is read only
 * when its entry was evicted or never made by this instance. The cache is right only while
 * every change to the articles goes through this instance, as it does in a catalog held by one
 * process ({@code ArchiveLock}); {@link #forget()} empties it when the rows are deleted.
 *
 * <p>Bucket rows are written in batches: an article's 127 keys are random, so writing them as
 * each article arrives dirtied about as many pages of {@code story_buckets} per article, and
 * every commit wrote those pages to the WAL again. The articles added since the last batch are
 * held in memory ({@value #BATCH} at most) and matched from there as well, so the candidates
 * are the same as if their rows had been written; the batch is written, sorted by key, in the
 * transaction of the article that fills it, with {@code story_state.buckets_through} (the last
 * article whose rows are written). Their articles' rows, signatures and story ids are committed
 * as usual, so after a crash, or a rollback ({@link #forget()}), the articles past that mark
 * are read back from their rows before the next match: nothing is lost and no story changes.
 *
 * <p>Not thread-safe: the catalog calls it under its lock, inside its transaction.
 */
public final class StoryIndex implements AutoCloseable {
  private static final String CANDIDATES = "SELECT DISTINCT article_id FROM story_buckets"
      + " WHERE bucket IN (?" + ",?".repeat(StorySignature.BANDS - 1) + ") AND day BETWEEN ? AND ?";

  /** Articles whose bucket rows are held back and written together. */
  static final int BATCH = 512;
  /** Articles with their captures, as {@code a} and {@code c}, for {@link #STORY_DAY_COLUMNS}. */
  public static final String ARTICLES_WITH_CAPTURES =
      "articles a LEFT JOIN captures c ON c.id = a.capture_id";
  /**
   * The two columns that {@link #storyDay(ResultSet, int)} reads: the publication date, and the
   * capture's time (the extraction's when the capture has no row).
   */
  public static final String STORY_DAY_COLUMNS =
      "a.published, COALESCE(c.fetched_at, a.extracted_at)";

  private final Connection c;

  private final Members members = new Members(4 << 20);
  /** Articles added since the last batch was written, in row order; their keys by bucket. */
  private final List<Pending> pending = new ArrayList<>();
  private final Map<Long, List<Pending>> pendingByBucket = new HashMap<>();
  /** False until {@link #pending} holds every article past {@code buckets_through}. */
  private boolean caughtUp;
  private PreparedStatement candidates;
  private PreparedStatement insertBucket;
  private PreparedStatement readMember;
  private PreparedStatement founder;
  private PreparedStatement fetchedAt;

  /** An index over the articles of the catalog on connection {@code c}. */
  public StoryIndex(Connection c) {
    this.c = c;
  }

  /**
   * The story that an article with text {@code t} and story day {@code day} ({@link
   * StorySignature#storyDay}) joins, or 0 when it matches no stored article (or has too few
   * words to be matched) and so founds a story of its own.
   */
  public long match(StoryText t, long day) throws SQLException {
    if (!t.clusterable()) {
      return 0;
    }
    catchUp();
    long[] buckets = t.buckets();
    if (candidates == null) {
      candidates = c.prepareStatement(CANDIDATES);
    }
    for (int i = 0; i < buckets.length; i++) {
      candidates.setLong(i + 1, buckets[i]);
    }
    candidates.setLong(buckets.length + 1, day - StorySignature.WINDOW_DAYS);
    candidates.setLong(buckets.length + 2, day + StorySignature.WINDOW_DAYS);
    long[] ids = new long[64];
    int n = 0;
    try (ResultSet rs = candidates.executeQuery()) {
      while (rs.next()) {
        if (n == ids.length) {
          ids = Arrays.copyOf(ids, n * 2);
        }
        ids[n++] = rs.getLong(1);
      }
    }
    int written = n;
    for (long b : buckets) {
      for (Pending p : pendingByBucket.getOrDefault(b, List.of())) {
        if (StorySignature.withinWindow(p.day(), day)) {
          if (n == ids.length) {
            ids = Arrays.copyOf(ids, n * 2);
          }
          ids[n++] = p.articleId();
        }
      }
    }
    // Row order, so that of equally similar candidates the earliest wins, as in a replay.
    Arrays.sort(ids, 0, n);
    if (n > written) {
      n = distinct(ids, n); // an article held back meets the new one in several buckets
    }
    long[] mine = t.words();
    double best = -1;
    long story = 0;
    for (int i = 0; i < n; i++) {
      Member other = member(ids[i]);
      if (other == null) {
        continue;
      }
      int inter = StorySignature.intersection(mine, other.words());
      if (!StorySignature.sameStory(mine.length, other.words().length, inter)) {
        continue;
      }
      double sim = inter / (double) (mine.length + other.words().length - inter);
      if (sim > best) {
        best = sim;
        story = other.story();
      }
    }
    return story;
  }

  /**
   * The story day ({@link StorySignature#storyDay}) of an article published at {@code
   * published} (may be null) from capture {@code captureId}: the capture's time is read only
   * when the publication date does not tell the day; {@code otherwise} stands in when the
   * capture has no row.
   */
  public long storyDay(long captureId, String published, String otherwise) throws SQLException {
    long day = StorySignature.storyDay(published, null);
    if (day != StorySignature.NO_DAY) {
      return day;
    }
    if (fetchedAt == null) {
      fetchedAt = c.prepareStatement("SELECT fetched_at FROM captures WHERE id = ?");
    }
    fetchedAt.setLong(1, captureId);
    try (ResultSet rs = fetchedAt.executeQuery()) {
      return StorySignature.storyDay(null, rs.next() ? rs.getString(1) : otherwise);
    }
  }

  /**
   * The story day of the row at {@code rs}, whose {@link #STORY_DAY_COLUMNS} start at
   * {@code column}.
   */
  public static long storyDay(ResultSet rs, int column) throws SQLException {
    return StorySignature.storyDay(rs.getString(column), rs.getString(column + 1));
  }

  /**
   * The id of the story that the article of capture {@code captureId} founds: derived from the
   * capture's WARC-Record-ID, or from {@code "article-" + articleId} when the capture has no
   * row; 0 when neither is known yet (no row and {@code articleId} 0).
   */
  public long founderStory(long captureId, long articleId) throws SQLException {
    if (founder == null) {
      founder = c.prepareStatement("SELECT record_id FROM captures WHERE id = ?");
    }
    founder.setLong(1, captureId);
    try (ResultSet rs = founder.executeQuery()) {
      if (rs.next() && rs.getString(1) != null) {
        return stableId(rs.getString(1));
      }
    }
    return articleId == 0 ? 0 : stableId("article-" + articleId);
  }

  /**
   * Records that article {@code articleId}, of story {@code story} and story day {@code day},
   * has text {@code t}: its bucket rows (in the caller's transaction) and its cache entry.
   * Texts too short to match get neither.
   */
  public void added(long articleId, long story, StoryText t, long day) throws SQLException {
    if (!t.clusterable()) {
      return;
    }
    catchUp();
    hold(new Pending(articleId, day, t.buckets()));
    members.put(articleId, new Member(story, t.words()));
    if (pending.size() >= BATCH) {
      flush();
    }
  }

  /**
   * Writes the bucket rows held back, in the caller's transaction (or on their own when there
   * is none), and moves the mark past them.
   */
  public void flush() throws SQLException {
    catchUp();
    if (pending.isEmpty()) {
      return;
    }
    if (insertBucket == null) {
      insertBucket = c.prepareStatement(
          "INSERT OR IGNORE INTO story_buckets(bucket, day, article_id) VALUES (?, ?, ?)");
    }
    long[][] rows = new long[pending.size() * StorySignature.BANDS][];
    int n = 0;
    for (Pending p : pending) {
      for (long b : p.buckets()) {
        rows[n++] = new long[] {b, p.day(), p.articleId()};
      }
    }
    // Sorted keys walk the bucket tree once, in order.
    Arrays.sort(rows, 0, n, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0])
        : x[1] != y[1] ? Long.compare(x[1], y[1]) : Long.compare(x[2], y[2]));
    for (int i = 0; i < n; i++) {
      insertBucket.setLong(1, rows[i][0]);
      insertBucket.setLong(2, rows[i][1]);
      insertBucket.setLong(3, rows[i][2]);
      insertBucket.addBatch();
    }
    insertBucket.executeBatch();
    try (PreparedStatement mark = c.prepareStatement(
        "UPDATE story_state SET buckets_through = ? WHERE id = 1")) {
      mark.setLong(1, pending.get(pending.size() - 1).articleId());
      mark.executeUpdate();
    }
    pending.clear();
    pendingByBucket.clear();
  }

  /**
   * Deletes every bucket row and the mark, and empties the cache: for a catalog whose articles
   * are deleted to be rebuilt.
   */
  public void clear() throws SQLException {
    try (Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM story_buckets");
      st.executeUpdate("UPDATE story_state SET buckets_through = 0 WHERE id = 1");
    }
    forget();
  }

  /**
   * Empties the cache and the articles held back; to be called when article rows are deleted
   * or their ids reused, and after a rollback. The articles held back are read again from their
   * rows before the next match.
   */
  public void forget() {
    members.clear();
    pending.clear();
    pendingByBucket.clear();
    caughtUp = false;
  }

  /**
   * Holds back, from their rows, the articles past {@code buckets_through} (those added since
   * the last batch, by this process or by one that stopped before writing it), once after
   * opening and after every {@link #forget()}.
   */
  private void catchUp() throws SQLException {
    if (caughtUp) {
      return;
    }
    pending.clear();
    pendingByBucket.clear();
    try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.story_signature, "
        + STORY_DAY_COLUMNS + " FROM " + ARTICLES_WITH_CAPTURES
        + " WHERE a.id > (SELECT buckets_through FROM story_state WHERE id = 1)"
        + " AND a.story_signature IS NOT NULL ORDER BY a.id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        hold(new Pending(rs.getLong(1), storyDay(rs, 3),
            StorySignature.buckets(StorySignature.fromBytes(rs.getBytes(2)))));
      }
    }
    caughtUp = true;
  }

  private void hold(Pending p) {
    pending.add(p);
    for (long b : p.buckets()) {
      pendingByBucket.computeIfAbsent(b, k -> new ArrayList<>(2)).add(p);
    }
  }

  /** Drops repeats from the sorted {@code ids[0..n)}; returns how many are left. */
  private static int distinct(long[] ids, int n) {
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || ids[m - 1] != ids[i]) {
        ids[m++] = ids[i];
      }
    }
    return m;
  }

  /**
   * Gives a story id to every article that has none (those stored before story clusters
   * existed), in row order, as if they had just arrived; returns how many. Cheap when there
   * are none.
   */
  public int backfill() throws SQLException {
    List<long[]> todo = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.capture_id, a.text, "
        + STORY_DAY_COLUMNS + " FROM " + ARTICLES_WITH_CAPTURES
        + " WHERE a.story_id IS NULL ORDER BY a.id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        todo.add(new long[] {rs.getLong(1), rs.getLong(2), storyDay(rs, 4)});
        texts.add(rs.getString(3));
      }
    }
    try (PreparedStatement update = c.prepareStatement(
        "UPDATE articles SET story_id = ?, story_signature = ? WHERE id = ?")) {
      for (int i = 0; i < todo.size(); i++) {
        long id = todo.get(i)[0];
        long day = todo.get(i)[2];
        StoryText t = StoryText.of(texts.get(i));
        long story = match(t, day);
        if (story == 0) {
          story = founderStory(todo.get(i)[1], id);
        }
        update.setLong(1, story);
        update.setBytes(2, t.storedSignature());
        update.setLong(3, id);
        update.executeUpdate();
        added(id, story, t, day);
      }
    }
    if (!todo.isEmpty()) {
      flush();
    }
    return todo.size();
  }

  /** A positive id below 2^53 (exact in JSON numbers) from the founding capture's record id. */
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

  @Override
  public void close() throws SQLException {
    for (PreparedStatement ps : new PreparedStatement[] {candidates, insertBucket, readMember,
        founder, fetchedAt}) {
      if (ps != null) {
        ps.close();
      }
    }
    candidates = insertBucket = readMember = founder = fetchedAt = null;
  }

  /** A stored article as matching needs it, from the cache or else from its row. */
  private Member member(long articleId) throws SQLException {
    Member m = members.get(articleId);
    if (m != null) {
      return m;
    }
    if (readMember == null) {
      readMember = c.prepareStatement("SELECT story_id, text FROM articles WHERE id = ?"
          + " AND story_signature IS NOT NULL");
    }
    readMember.setLong(1, articleId);
    try (ResultSet rs = readMember.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      m = new Member(rs.getLong(1), StoryText.of(rs.getString(2)).words());
    }
    members.put(articleId, m);
    return m;
  }

  private record Member(long story, long[] words) {}

  /** An article whose bucket rows are not written yet. */
  private record Pending(long articleId, long day, long[] buckets) {}

  /**
   * Stored articles' story ids and word sets, so that a candidate's text is read and split into
   * words once rather than for every article that meets it in a bucket. Bounded by the number
   * of word hashes held; least recently used entries go first.
   */
  private static final class Members {
    private final long maxHashes;
    private long held;
    private final LinkedHashMap<Long, Member> entries = new LinkedHashMap<>(1024, 0.75f, true);

    Members(long maxHashes) {
      this.maxHashes = maxHashes;
    }

    Member get(long articleId) {
      return entries.get(articleId);
    }

    void put(long articleId, Member m) {
      Member old = entries.put(articleId, m);
      held += m.words().length - (old == null ? 0 : old.words().length);
      Iterator<Member> it = entries.values().iterator();
      while (held > maxHashes && it.hasNext()) {
        held -= it.next().words().length;
        it.remove();
      }
    }

    void clear() {
      entries.clear();
      held = 0;
    }
  }
}
