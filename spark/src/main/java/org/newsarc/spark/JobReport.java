package org.newsarc.spark;

import java.io.PrintWriter;
import java.util.List;

/**
 * What a Spark job read and wrote, for the person who ran it: the counts, and the problems that
 * were skipped (bad records and unreadable files are reported here, never fatal). Immutable.
 *
 * @param files archive files given
 * @param badFiles files that could not be read at all
 * @param responses response and revisit records read
 * @param rows rows written
 * @param extractionFailures pages the extractor rejected
 * @param problems one line per skipped record or file, naming it
 */
public record JobReport(long files, long badFiles, long responses, long rows,
    long extractionFailures, List<String> problems) {
  /** At most this many problems are printed; the count is always complete. */
  static final int PRINTED_PROBLEMS = 50;

  public JobReport {
    problems = List.copyOf(problems);
  }

  /** True when nothing had to be skipped. */
  public boolean clean() {
    return badFiles == 0 && problems.isEmpty();
  }

  /** Prints the report as the command line shows it. */
  public void print(PrintWriter out, String what) {
    out.printf("Read %d file(s) (%d unreadable): %d record(s), %d %s written, %d page(s) the"
        + " extractor rejected, %d problem(s) skipped.%n", files, badFiles, responses, rows, what,
        extractionFailures, problems.size());
    problems.stream().limit(PRINTED_PROBLEMS).forEach(p -> out.printf("warning: %s%n", p));
    if (problems.size() > PRINTED_PROBLEMS) {
      out.printf("warning: ... and %d more%n", problems.size() - PRINTED_PROBLEMS);
    }
    out.flush();
  }
}
