package org.newsarc.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.newsarc.spark.internal.TaskTimes;
import org.newsarc.spark.internal.WarcInputs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code newsarc-spark} command line: {@code extract}, {@code stories} and {@code index} as
 * Spark jobs. Without {@code --master} (and outside spark-submit) Spark runs in local mode on all
 * cores of this machine. Exit codes: 0 when everything was read, 1 when some records or files
 * were skipped (the output is still complete for the rest), 2 for usage errors.
 */
@Command(name = "newsarc-spark", mixinStandardHelpOptions = true,
    subcommands = {SparkMain.Extract.class, SparkMain.Stories.class, SparkMain.Index.class},
    description = "Extract, cluster and index WARC collections of any size as Spark jobs.")
public final class SparkMain implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String... args) {
    return new CommandLine(new SparkMain()).setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          // Input that cannot be found or an output that exists: say what, without a trace.
          cmd.getErr().printf("newsarc-spark %s: %s%n", cmd.getCommandName(), e.getMessage());
          cmd.getErr().flush();
          return 2;
        })
        .execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every job takes. */
  static class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
        description = "Spark master (local[N], spark://host:7077, yarn). Default: local[*],"
            + " or what spark-submit gives.")
    String master;

    SparkSession session(String job) {
      SparkSession.Builder b = SparkSession.builder().appName("newsarc-spark " + job);
      String given = master != null ? master : System.getProperty("spark.master");
      b.master(given != null ? given : "local[*]");
      boolean local = given == null || given.startsWith("local");
      if (local) {
        b.config("spark.ui.enabled", "false"); // no web UI for a run on this machine
      }
      SparkSession s = b.getOrCreate();
      if (local) {
        // Two sorted output partitions per core the master gives (not per core of the machine:
        // local[1] on two cores has one), each of about the same number of rows, instead of
        // 200; not merged by adaptive execution, which would make an odd number, so that the
        // last one is written by one core while the others wait.
        s.conf().set("spark.sql.shuffle.partitions",
            String.valueOf(2 * s.sparkContext().defaultParallelism()));
        s.conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
      }
      return s;
    }
  }

  @Command(name = "extract", mixinStandardHelpOptions = true,
      description = {"Run the extractor over WARC files and write a dataset with the columns"
          + " of `newsarc export` (provenance included).",
          "Rows are what `newsarc reindex` followed by `newsarc export --all-pages"
              + " --keep-duplicates` gives, numbered the same way."},
      footer = {"", "Examples:",
          "  newsarc-spark extract --input newsarc-data/warcs --output out/articles",
          "  newsarc-spark extract --input 'hdfs:///cc-news/2024/*.warc.gz' --output"
              + " hdfs:///out/articles --master yarn"})
  static final class Extract implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin
    SparkOptionsMixin spark;
    @Option(names = "--input", required = true, paramLabel = "PATH_OR_GLOB",
        description = "A WARC file, a folder of them, or a glob; any Hadoop FileSystem URI.")
    String input;
    @Option(names = "--output", required = true, paramLabel = "DIR",
        description = "Dataset folder to create (must not exist).")
    String output;
    @Option(names = "--format", defaultValue = "parquet", paramLabel = "FORMAT",
        description = "parquet (default) or jsonl.")
    ExtractJob.Format format;
    @Option(names = "--articles-only", description = "Drop pages judged not to be articles.")
    boolean articlesOnly;
    @Option(names = "--split-size", paramLabel = "SIZE", converter = ByteSize.class,
        description = {"Cut WARC files larger than this (bytes, or with k, m, g) into even"
            + " ranges of records no larger, one task each, where a CDXJ index gives their"
            + " offsets.",
            "Default: about sixteen splits per core over the input, 4m to 128m."})
    long splitSize;
    @Option(names = "--index", paramLabel = "CDXJ",
        description = "A collection's CDXJ index (as `newsarc-spark index` writes), for the"
            + " record offsets of files without an index of their own beside them.")
    String collectionIndex;

    @Override
    public Integer call() throws IOException {
      long begun = System.nanoTime(); // for the person reading the report, not for logic
      TaskTimes tasks = new TaskTimes();
      PrintWriter out = spec.commandLine().getOut();
      JobReport r;
      try (SparkSession s = spark.session("extract")) {
        s.sparkContext().addSparkListener(tasks);
        long started = System.nanoTime();
        List<String> files = WarcInputs.expand(input, s.sparkContext().hadoopConfiguration());
        ExtractJob job = new ExtractJob(s);
        List<org.newsarc.spark.internal.FileSplit> splits =
            job.plan(files, splitSize, collectionIndex);
        long planned = System.nanoTime();
        r = job.runSplits(splits, output, format, articlesOnly);
        long done = System.nanoTime();
        r.print(out, "row(s)");
        ExtractJob.Phases p = job.phases();
        out.printf("Splits: %d task(s) over %d file(s); Spark started in %.1f s, the job took"
            + " %.1f s: planning %.1f s, reading %.1f s, writing %.1f s.%n", splits.size(),
            files.size(), (started - begun) / 1e9, (done - started) / 1e9,
            (planned - started) / 1e9, p.reading().toMillis() / 1e3,
            p.writing().toMillis() / 1e3);
        out.printf("Dataset: %s (%s)%n", output, format.name().toLowerCase(Locale.ROOT));
        int cores = s.sparkContext().defaultParallelism();
        // Closing the session delivers every task's metrics to the listener.
        s.close();
        double busy = tasks.runSeconds() / (cores * ((done - started) / 1e9));
        out.printf("Tasks: %d ran %.1f s on %d core(s) (CPU %.1f s, GC %.1f s): the cores were"
            + " busy with tasks %.0f%% of the job.%n", tasks.tasks(), tasks.runSeconds(), cores,
            tasks.cpuSeconds(), tasks.gcSeconds(), 100 * busy);
        out.flush();
      }
      return r.clean() ? 0 : 1;
    }
  }

  @Command(name = "stories", mixinStandardHelpOptions = true,
      description = {"Cluster the rows of an extracted dataset into stories of near-duplicate"
          + " texts (the catalog's story definition: content-word MinHash, LSH, exact check).",
          "Writes id, url, title, published, site_name, warc_file, warc_offset, story_id"
              + " (smallest id of the story) and story_size."},
      footer = {"", "Examples:",
          "  newsarc-spark stories --input out/articles --output out/stories"})
  static final class Stories implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin
    SparkOptionsMixin spark;
    @Option(names = "--input", required = true, paramLabel = "DIR",
        description = "A dataset written by `newsarc-spark extract`.")
    String input;
    @Option(names = "--output", required = true, paramLabel = "DIR",
        description = "Folder to create (must not exist).")
    String output;
    @Option(names = "--input-format", defaultValue = "parquet", paramLabel = "FORMAT",
        description = "Format of the input dataset: parquet (default) or jsonl.")
    ExtractJob.Format inputFormat;
    @Option(names = "--format", defaultValue = "parquet", paramLabel = "FORMAT",
        description = "parquet (default) or jsonl.")
    ExtractJob.Format format;

    @Override
    public Integer call() throws IOException {
      try (SparkSession s = spark.session("stories")) {
        StoriesJob.Summary r = new StoriesJob(s).run(input, output, inputFormat, format);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Read %d row(s): %d in %d story(ies) of two or more.%nStories: %s%n",
            r.rows(), r.clusteredRows(), r.stories(), output);
        out.flush();
        return 0;
      }
    }
  }

  @Command(name = "index", mixinStandardHelpOptions = true,
      description = "Write one sorted CDXJ index of WARC files, line for line what `newsarc"
          + " index` writes, so the two can be merged with `sort -m`.",
      footer = {"", "Examples:",
          "  newsarc-spark index --input newsarc-data/warcs --output out/collection.cdxj"})
  static final class Index implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin
    SparkOptionsMixin spark;
    @Option(names = "--input", required = true, paramLabel = "PATH_OR_GLOB",
        description = "A WARC file, a folder of them, or a glob; any Hadoop FileSystem URI.")
    String input;
    @Option(names = "--output", required = true, paramLabel = "FILE",
        description = "The CDXJ file to write (replaced).")
    String output;

    @Override
    public Integer call() throws IOException {
      try (SparkSession s = spark.session("index")) {
        List<String> files = WarcInputs.expand(input, s.sparkContext().hadoopConfiguration());
        JobReport r = new IndexJob(s).run(files, output);
        PrintWriter out = spec.commandLine().getOut();
        r.print(out, "index line(s)");
        out.printf("Index: %s%n", output);
        out.flush();
        return r.clean() ? 0 : 1;
      }
    }
  }

  /** A size in bytes, with an optional k, m or g (powers of 1024). */
  static final class ByteSize implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      long unit = 1;
      if (!v.isEmpty() && "kmg".indexOf(v.charAt(v.length() - 1)) >= 0) {
        unit = 1L << (10 * ("kmg".indexOf(v.charAt(v.length() - 1)) + 1));
        v = v.substring(0, v.length() - 1);
      }
      try {
        long n = Long.parseLong(v);
        if (n <= 0) {
          throw new CommandLine.TypeConversionException("must be positive: " + value);
        }
        return Math.multiplyExact(n, unit);
      } catch (NumberFormatException | ArithmeticException e) {
        throw new CommandLine.TypeConversionException("not a size in bytes (e.g. 64m): "
            + value);
      }
    }
  }

  /** The shared options as a picocli mixin. */
  static final class SparkOptionsMixin extends SparkOptions {}
}
