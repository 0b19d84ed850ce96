package org.newsarc.spark.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.newsarc.archive.ArchivedResponse;
import org.newsarc.archive.ArchivedResponses;
import org.newsarc.archive.CatalogRebuilder;
import org.newsarc.extractor.Article;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.ExtractionException;

/**
 * Runs the extractor over the responses of archive files, with the archive module's reader and
 * the rules of {@code reindex}: every whole 2xx HTML response (or revisit resolved to one) is
 * extracted; unreadable records are skipped and reported; a file that cannot be read at all is
 * reported, never thrown. This is the one place that calls the archive module's reading API.
 * Stateless.
 */
public final class FileExtraction {
  private FileExtraction() {}

  /** Reads one split (a whole file, or a range of its records) by itself. */
  public static FileResult read(FileSplit split, Configuration conf, ArticleExtractor extractor) {
    String uri = split.file();
    int fileIndex = split.fileIndex();
    List<ExtractedRow> rows = new ArrayList<>();
    List<FileResult.PendingRevisit> pending = new ArrayList<>();
    Set<String> digests = new LinkedHashSet<>();
    List<String> warnings = new ArrayList<>();
    long responses = 0;
    long failed = 0;
    try (WarcInputs.LocalFile local = WarcInputs.local(uri, split.start(), split.end(), conf);
        ArchivedResponses in = split.wholeFile()
            ? ArchivedResponses.open(List.of(local.path()), warnings::add)
            : ArchivedResponses.openRange(local.path(), split.start(), split.end(),
                warnings::add)) {
      for (Optional<ArchivedResponse> next; (next = in.next()).isPresent(); ) {
        ArchivedResponse r = next.get();
        responses++;
        String digest = r.location().payloadDigest();
        if (!r.revisit() && digest != null && r.truncated() == null) {
          digests.add(digest);
        }
        if (r.revisit() && r.decodedBody().length == 0 && digest != null && wouldExtract(r)) {
          pending.add(new FileResult.PendingRevisit(digest, fileIndex, r.location().offset()));
          continue;
        }
        if (!extract(extractor, fileIndex, r, rows)) {
          failed++;
        }
      }
    } catch (IOException | RuntimeException e) {
      return new FileResult(uri, fileIndex, split.splitIndex(), rows, pending,
          List.copyOf(digests), responses, failed, warnings, describe(e));
    }
    return new FileResult(uri, fileIndex, split.splitIndex(), rows, pending,
        List.copyOf(digests), responses, failed, warnings, null);
  }

  /**
   * Reads the revisits at {@code offsets} of {@code revisitFile}, taking their payloads from
   * {@code originalFile}, which is read first (the same file may be given twice: a revisit read
   * in a range of its file may have its original in another range).
   */
  public static FileResult resolve(String originalFile, String revisitFile, int revisitIndex,
      Set<Long> offsets, Configuration conf, ArticleExtractor extractor) {
    List<ExtractedRow> rows = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    long failed = 0;
    String revisitName = WarcInputs.fileName(revisitFile);
    boolean oneFile = originalFile.equals(revisitFile);
    try (WarcInputs.LocalFile revisits = WarcInputs.local(revisitFile, conf);
        WarcInputs.LocalFile original = oneFile ? null : WarcInputs.local(originalFile, conf);
        ArchivedResponses in = ArchivedResponses.open(oneFile ? List.of(revisits.path())
            : List.of(original.path(), revisits.path()), warnings::add)) {
      for (Optional<ArchivedResponse> next; (next = in.next()).isPresent(); ) {
        ArchivedResponse r = next.get();
        if (r.location().warcFile().equals(revisitName)
            && offsets.contains(r.location().offset())
            && !extract(extractor, revisitIndex, r, rows)) {
          failed++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Both files were read whole before, so this is counted once there; the rows are lost.
      return new FileResult(revisitFile, revisitIndex, -1, rows, List.of(), List.of(), 0, failed,
          List.of(), describe(e));
    }
    // Warnings about these two files were already reported when each was read by itself.
    return new FileResult(revisitFile, revisitIndex, -1, rows, List.of(), List.of(), 0, failed,
        List.of(), null);
  }

  /** Extracts when reindex would; false when the extractor rejected the page. */
  private static boolean extract(ArticleExtractor extractor, int fileIndex, ArchivedResponse r,
      List<ExtractedRow> rows) {
    if (!CatalogRebuilder.isExtractable(r)) {
      return true;
    }
    try {
      Article article = extractor.extract(r.decodedBody(), r.url(), r.firstHeaders());
      rows.add(ExtractedRow.of(fileIndex, r, article));
      return true;
    } catch (ExtractionException | RuntimeException e) {
      return false;
    }
  }

  /**
   * True when the revisit would be extracted once it had a body. Its truncation is not looked
   * at: wget marks its revisits "WARC-Truncated: length", which resolving them clears.
   */
  private static boolean wouldExtract(ArchivedResponse r) {
    String type = r.mediaType();
    boolean html = type.isEmpty() || type.equals("text/html")
        || type.equals("application/xhtml+xml");
    return r.status() >= 200 && r.status() < 300 && html;
  }

  /** The kind and message of a failure, cut short: parse errors may quote binary garbage. */
  public static String describe(Exception e) {
    String message = e.getMessage();
    String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
