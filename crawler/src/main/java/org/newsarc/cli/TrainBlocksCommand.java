package org.newsarc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsarc.extractor.eval.BlockTrainer;
import org.newsarc.extractor.eval.TreeOptions;
import org.newsarc.extractor.internal.BlockModel;
import org.newsarc.extractor.internal.BlockTrees;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsarc train-blocks}: fit the block classifier to corpora with gold answers. */
@Command(
    name = "train-blocks",
    mixinStandardHelpOptions = true,
    description = {
        "Train the block classifier on corpora with gold answers.",
        "",
        "Extracts every page of each DIR (gold.jsonl plus pages), labels the blocks the rules"
            + " keep in article pages from the gold text or snippets, and fits gradient-boosted"
            + " trees (or a logistic regression). Corpora are read in name order, so the same corpora give the same"
            + " weights. Corpora without text or snippet gold add no samples.",
        "With --leave-one-out, also writes FILE-without-SET.txt for every corpus SET,"
            + " trained on all the others, for held-out scoring with eval --block-model."},
    footer = {"", "Examples:",
        "  newsarc train-blocks ../shared/eval/*/ --out extractor/src/main/resources/org/newsarc/extractor/block-model.txt",
        "  newsarc train-blocks --leave-one-out ../shared/eval/*/ --out /tmp/blocks.txt"})
public final class TrainBlocksCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Model file to write.")
  Path out;

  @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "P",
      description = "Probability of being article text below which a block is dropped (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--kind", defaultValue = "trees", paramLabel = "KIND",
      description = "trees (gradient-boosted, the default) or logistic.")
  String kind;

  @Option(names = "--tree-settings", paramLabel = "WORDS",
      description = "Settings of the trees as key=value words: trees, depth, rate, l2, min-leaf,"
          + " feature-share, seed, unused (feature names the trees never split on), for example"
          + " 'trees=60 depth=3 min-leaf=200'; keys not given keep the first trees' values"
          + " (trees=150 depth=4 rate=0.1 l2=1 min-leaf=5 feature-share=1 seed=1).")
  String treeSettings;

  @Option(names = "--samples", paramLabel = "FILE",
      description = "Cache of the labelled blocks: read when it exists (the DIRs then only name"
          + " the corpora to use), else written after extracting.")
  Path samples;

  @Option(names = "--leave-one-out", description = "Also train one model per corpus left out.")
  boolean leaveOneOut;

  @Parameters(paramLabel = "DIR", arity = "1..*", description = "Corpus folders.")
  List<Path> dirs = new ArrayList<>();

  private TreeOptions treeOptions;

  @Override
  public Integer call() throws IOException {
    if (!kind.equals("trees") && !kind.equals("logistic")) {
      throw new ParameterException(spec.commandLine(), "--kind must be trees or logistic");
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new ParameterException(spec.commandLine(), "--threshold must be between 0 and 1");
    }
    try {
      treeOptions = treeSettings == null ? TreeOptions.FIRST
          : TreeOptions.parse(treeSettings, TreeOptions.FIRST);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--tree-settings: " + e.getMessage());
    }
    List<Path> sorted = new ArrayList<>(dirs);
    sorted.sort(Comparator.comparing(p -> p.toAbsolutePath().normalize().getFileName().toString()));
    for (Path dir : sorted) {
      if (!Files.isRegularFile(dir.resolve("gold.jsonl"))) {
        throw new ParameterException(spec.commandLine(), dir + " has no gold.jsonl");
      }
    }
    PrintWriter console = spec.commandLine().getOut();
    BlockTrainer trainer = new BlockTrainer(line -> {
      console.println(line);
      console.flush();
    });
    List<BlockTrainer.Samples> corpora = new ArrayList<>();
    if (samples != null && Files.exists(samples)) {
      List<String> wanted = sorted.stream()
          .map(p -> p.toAbsolutePath().normalize().getFileName().toString()).toList();
      for (BlockTrainer.Samples s : BlockTrainer.load(samples)) {
        if (wanted.contains(s.set()) && s.size() > 0) {
          corpora.add(s);
        }
      }
    } else {
      for (Path dir : sorted) {
        BlockTrainer.Samples s = trainer.collect(dir);
        if (s.size() > 0) {
          corpora.add(s);
        }
      }
      if (samples != null) {
        BlockTrainer.save(corpora, samples);
      }
    }
    write(corpora, out, console);
    if (leaveOneOut) {
      for (BlockTrainer.Samples left : corpora) {
        List<BlockTrainer.Samples> others = new ArrayList<>(corpora);
        others.remove(left);
        String name = out.getFileName().toString().replaceFirst("\\.txt$", "");
        Path file = out.resolveSibling(name + "-without-" + left.set() + ".txt");
        if (!others.isEmpty()) {
          write(others, file, console);
        }
      }
    }
    return 0;
  }

  private void write(List<BlockTrainer.Samples> corpora, Path file, PrintWriter console)
      throws IOException {
    BlockModel logistic = kind.equals("logistic") ? BlockTrainer.fit(corpora, threshold) : null;
    BlockTrees trees = logistic == null ? BlockTrainer.fitTrees(corpora, threshold, treeOptions) : null;
    StringBuilder comment = new StringBuilder("trained by newsarc train-blocks on");
    String settings = trees == null ? "" : "\nsettings " + treeOptions.describe();
    for (BlockTrainer.Samples s : corpora) {
      comment.append(String.format(Locale.ROOT, " %s (%d pages, %d blocks)", s.set(), s.pages(), s.size()));
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      if (logistic != null) {
        logistic.write(w, comment.toString());
      } else {
        trees.write(w, comment + settings);
      }
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    StringBuilder acc = new StringBuilder();
    for (BlockTrainer.Samples s : corpora) {
      double a = logistic != null ? BlockTrainer.accuracy(logistic, s) : BlockTrainer.accuracy(trees, s);
      acc.append(String.format(Locale.ROOT, " %s %.4f (all kept: %.4f)", s.set(), a,
          BlockTrainer.positiveShare(s)));
    }
    console.println("wrote " + file + "; weighted accuracy:" + acc);
    console.flush();
  }
}
