package org.newsarc.extractor.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a trained block classifier of either kind ({@link BlockModel}, {@link BlockTrees}),
 * told apart by the file's first line, and the one shipped in the jar. Thread-safe.
 */
public final class BlockModels {

  /** Where the trained classifier ships inside the jar. */
  public static final String RESOURCE = "/org/newsarc/extractor/block-model.txt";

  /** Model files are a few hundred KiB at most; anything far larger is not one. */
  private static final int MAX_CHARS = 4 << 20;

  private BlockModels() {}

  /**
   * Reads a model file.
   *
   * @param threshold replaces the file's threshold when not null
   */
  public static BlockJudge read(Reader source, Double threshold) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buf = new char[8192];
    int n;
    while ((n = source.read(buf)) > 0) {
      text.append(buf, 0, n);
      if (text.length() > MAX_CHARS) {
        throw new IOException("too large for a block model (over " + MAX_CHARS + " characters)");
      }
    }
    String s = text.toString();
    if (s.startsWith(BlockTrees.MAGIC + "\n")) {
      BufferedReader r = new BufferedReader(new StringReader(s));
      r.readLine();
      BlockTrees trees = BlockTrees.read(r);
      return threshold == null ? trees : trees.withThreshold(threshold);
    }
    BlockModel model = BlockModel.read(new StringReader(s));
    return threshold == null ? model : model.withThreshold(threshold);
  }

  /** The classifier shipped in the jar, read once; models are immutable, so it is shared. */
  public static BlockJudge bundled() {
    return Shipped.JUDGE;
  }

  /** Holds the shipped classifier, read when first asked for. */
  private static final class Shipped {
    static final BlockJudge JUDGE = readBundled();
  }

  private static BlockJudge readBundled() {
    try (InputStream in = BlockModels.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("block model resource " + RESOURCE + " is missing");
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8), null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled block model " + RESOURCE, e);
    }
  }
}
