package org.newsarc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newsarc} command: a dispatcher over one class per subcommand. Exit codes: 0 when
 * everything asked for was done, 1 when some of it failed, 2 on usage errors.
 */
@Command(
    name = "newsarc",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Archives news articles: WARC files of every HTTP exchange, clean text and"
        + " metadata in SQLite.",
    subcommands = {
        ArchiveCommand.class,
        CrawlCommand.class,
        StatusCommand.class,
        DemoCommand.class,
        ExportCommand.class,
        SearchCommand.class,
        ExtractCommand.class,
        EvalCommand.class,
        AblateCommand.class,
        BenchCommand.class,
        TrainBlocksCommand.class,
        TuneBlocksCommand.class,
        IndexCommand.class,
        ReindexCommand.class,
        CommandLine.HelpCommand.class,
    },
    footer = {"", "Run 'newsarc COMMAND --help' for a command's options and examples."})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; for tests and embedding. */
  public static int run(String... args) {
    return run(null, null, args);
  }

  /** Runs the command line with its output sent to {@code out} and {@code err} (null: stdout, stderr). */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    if (out != null) {
      cli.setOut(out);
    }
    if (err != null) {
      cli.setErr(err);
    }
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("newsarc: " + e.getMessage());
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
