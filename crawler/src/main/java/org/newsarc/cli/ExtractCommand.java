package org.newsarc.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsarc.extractor.ArticleExtractor;
import org.newsarc.extractor.ExtractionRule;
import org.newsarc.extractor.ExtractorOptions;
import org.newsarc.extractor.batch.BatchExtractor;
import org.newsarc.extractor.batch.BatchInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsarc extract}: run the article extractor over HTML files. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
        "Extract article text and metadata from HTML files (plain or .gz), or with --warc from"
            + " the HTML pages archived in WARC files.",
        "",
        "Writes one JSON object per input to standard output, in input order, with the keys"
            + " file, url, title, author, published, site_name, language, canonical_url,"
            + " description, page_type (article, hub, listing or page), article_signal (0 to 1),"
            + " text, and error when the input could not be read or extracted."},
    footer = {"", "Examples:",
        "  newsarc extract page.html",
        "  newsarc extract --url https://example.org/2024/05/07/story.html story.html.gz",
        "  newsarc extract --manifest pages.tsv > articles.jsonl",
        "  newsarc extract --warc newsarc-data/warcs/ > articles.jsonl"})
public final class ExtractCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--manifest", paramLabel = "FILE",
      description = "A TSV file of path<TAB>url lines; its pages come before the FILE arguments.")
  Path manifest;

  @Option(names = "--url", paramLabel = "URL",
      description = "The address the FILE arguments were fetched from (base for relative links).")
  String url;

  @Option(names = "--warc",
      description = "The FILE arguments are WARC files (or folders of them): extract every"
          + " whole 2xx HTML response archived there; 'file' names the WARC file and the"
          + " record's offset (FILE#OFFSET).")
  boolean warc;

  @Option(names = "--without-rules", paramLabel = "RULE,...",
      description = "Switch these extraction rules off (names from 'newsarc ablate --list'),"
          + " for pages a rule misreads.")
  String withoutRules;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "HTML files to extract.")
  List<String> files = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    ArticleExtractor extractor;
    try {
      extractor = new ArticleExtractor(
          ExtractorOptions.DEFAULTS.withoutRules(ExtractionRule.parseList(withoutRules)));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--without-rules: " + e.getMessage());
    }
    if (warc) {
      if (files.isEmpty() || manifest != null || url != null) {
        throw new ParameterException(spec.commandLine(),
            "--warc takes WARC files or folders, and no --manifest or --url");
      }
      return WarcExtract.run(files, extractor, spec.commandLine().getErr());
    }
    List<BatchInput> inputs = new ArrayList<>();
    if (manifest != null) {
      inputs.addAll(BatchInput.readManifest(manifest));
    }
    for (String f : files) {
      inputs.add(new BatchInput(f, url));
    }
    if (inputs.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give at least one FILE or --manifest");
    }
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    int failures = new BatchExtractor(extractor).run(inputs, out);
    if (failures > 0) {
      spec.commandLine().getErr().println("newsarc extract: " + failures + " of " + inputs.size()
          + " inputs could not be extracted (see their error field)");
    }
    return failures > 0 ? 1 : 0;
  }
}
