package org.newsarc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.newsarc.extractor.ExtractionRule;
import org.newsarc.extractor.eval.RuleAblation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsarc ablate}: each extraction rule's gain on every corpus, and the
 * leave-one-corpus-out figures that follow ({@link RuleAblation}).
 */
@Command(
    name = "ablate",
    mixinStandardHelpOptions = true,
    description = {
        "Measure what each extraction rule adds on every corpus, and score each corpus held out.",
        "",
        "Extracts every page once with every rule on, then, rule by rule, the pages the rule"
            + " acted on with it switched off, and prints each rule's gain on every corpus's"
            + " main figure (token F1, else snippet F1, else title match, else date accuracy)."
            + " Then each corpus is held out: a rule is chosen when on the other corpora it raises the mean and"
            + " lowers none by more than 0.002; the rules not chosen are switched off together"
            + " and the held-out corpus is scored. 'strict': a rule the others do not move is"
            + " not chosen; 'issue': such a rule is chosen when the extraction issue asks for it"
            + " by name (comments, teaser cards, hubs). --list prints the rules."},
    footer = {"", "Examples:",
        "  newsarc ablate ../shared/eval/dragnet-train ../shared/eval/trafilatura ../shared/eval/wcxb-dev",
        "  newsarc ablate --list",
        "  newsarc eval --without-rules comment-count,legal-print ../shared/eval/dragnet-train"})
public final class AblateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--list", description = "Print the rules that can be switched off, and stop.")
  boolean list;

  @Option(names = "--threads", paramLabel = "N",
      description = "Pages extracted at once (default: the number of processors).")
  Integer threads;

  @Parameters(paramLabel = "DIR", arity = "0..*", description = "Corpus folders.")
  List<Path> dirs = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      for (ExtractionRule r : ExtractionRule.values()) {
        out.printf("%-20s %s%s%n", r.id(), r.description(),
            r.namedByIssue() ? " [named by the issue]" : "");
      }
      out.flush();
      return 0;
    }
    if (dirs.size() < 2) {
      throw new ParameterException(spec.commandLine(),
          "give at least two corpus folders (one is held out, the others choose)");
    }
    for (Path dir : dirs) {
      if (!Files.isRegularFile(dir.resolve("gold.jsonl"))) {
        throw new ParameterException(spec.commandLine(), dir + " has no gold.jsonl");
      }
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    PrintWriter err = spec.commandLine().getErr();
    RuleAblation.Result r = new RuleAblation(dirs, n).run(line -> {
      err.println("newsarc ablate: " + line);
      err.flush();
    });
    print(out, r);
    out.flush();
    return 0;
  }

  static void print(PrintWriter out, RuleAblation.Result r) {
    out.printf("%-20s", "gain of the rule");
    for (String set : r.sets()) {
      out.printf(" %14s", set);
    }
    out.printf(" %7s%n", "pages");
    out.printf("%-20s", "(main figure)");
    for (String set : r.sets()) {
      out.printf(" %14s", r.mainFigure().get(set));
    }
    out.println();
    out.printf("%-20s", "every rule on");
    for (String set : r.sets()) {
      out.printf(" %14.4f", r.full().get(set));
    }
    out.println();
    for (Map.Entry<ExtractionRule, Map<String, Double>> e : r.gains().entrySet()) {
      out.printf("%-20s", e.getKey().id());
      for (String set : r.sets()) {
        out.printf(" %14s", signed(e.getValue().get(set)));
      }
      out.printf(" %7d%n", r.pagesActedOn().get(e.getKey()));
    }
    out.println();
    out.printf("%-14s %-7s %8s %9s %9s  %s%n", "held out", "reading", "full", "held out",
        "diff", "rules the others do not choose");
    for (RuleAblation.HeldOut h : r.heldOut()) {
      out.printf("%-14s %-7s %8.4f %9.4f %9s  %s%n", h.set(), h.strict() ? "strict" : "issue",
          h.full(), h.figure(), signed(h.difference()), ids(h.off()));
    }
  }

  private static String signed(double v) {
    if (Math.abs(v) < 0.00005) {
      return "0";
    }
    return String.format(Locale.ROOT, "%+.4f", v);
  }

  private static String ids(Set<ExtractionRule> rules) {
    return rules.isEmpty() ? "-"
        : rules.stream().map(ExtractionRule::id).collect(Collectors.joining(","));
  }
}
