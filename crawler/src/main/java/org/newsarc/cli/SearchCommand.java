package org.newsarc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsarc.archive.Catalog;
import org.newsarc.archive.dataset.ArticleSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsarc search}: ranked full-text search over an archive's articles. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
        "Search the archived articles: ranked results (BM25, titles weighted) with highlighted"
            + " snippets.",
        "",
        "QUERY is SQLite FTS5 syntax: words (all must occur), \"quoted phrases\", AND, OR, NOT"
            + " in capitals, parentheses, prefix* and NEAR(a b, 5). A malformed query is a"
            + " usage error (exit 2) that says what is wrong."},
    footer = {"", "Examples:",
        "  newsarc search ferry",
        "  newsarc search 'china AND (sanctions OR military)' --since 2022-03-01 --limit 20",
        "  newsarc search '\"tram extension\"' --site example.org --json"})
public final class SearchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ArchiveFolderOption archive;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The full-text query.")
  String query;

  @Option(names = "--site", paramLabel = "SITE", split = ",",
      description = "Only these sites: a site name or host, with or without port.")
  List<String> sites = new ArrayList<>();

  @Option(names = "--since", paramLabel = "DATE", description = "Published on or after (YYYY-MM-DD).")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "Published on or before (YYYY-MM-DD).")
  String until;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
      description = "At most N results (default: ${DEFAULT-VALUE}; 0 for all).")
  int limit;

  @Option(names = "--json", description = "One JSON array of results instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    for (String d : new String[] {since, until}) {
      if (d != null && !d.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new ParameterException(spec.commandLine(), "a date must look like 2024-05-01: " + d);
      }
    }
    if (limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must not be negative");
    }
    Path db = archive.catalog();
    if (!Files.isRegularFile(db)) {
      throw new ParameterException(spec.commandLine(), "no archive catalog at " + db);
    }
    PrintWriter out = spec.commandLine().getOut();
    List<ArticleSearch.Hit> hits;
    try (Catalog catalog = Catalog.open(db)) {
      hits = ArticleSearch.search(catalog, query, sites, since, until, limit,
          json ? new ArticleSearch.Marks("<b>", "</b>") : new ArticleSearch.Marks("[", "]"));
    } catch (ArticleSearch.QuerySyntaxException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (json) {
      ObjectMapper m = new ObjectMapper();
      ArrayNode arr = m.createArrayNode();
      for (ArticleSearch.Hit h : hits) {
        ObjectNode n = arr.addObject();
        n.put("id", h.id());
        n.put("score", h.score());
        n.put("title", h.title());
        n.put("url", h.url());
        n.put("site_name", h.siteName());
        n.put("published", h.published());
        n.put("fetched_at", h.fetchedAt());
        n.put("snippet", h.snippet());
      }
      out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
    } else {
      if (hits.isEmpty()) {
        out.println("No article matches " + query);
      }
      int rank = 1;
      for (ArticleSearch.Hit h : hits) {
        out.printf("%d. %s%n   %s | %s | %s%n   %s%n%n", rank++, h.title() == null ? "(no title)"
            : h.title(), h.siteName() == null ? "-" : h.siteName(),
            h.published() == null ? "undated" : h.published(), h.url(),
            h.snippet() == null ? "" : h.snippet().replaceAll("\\s+", " "));
      }
    }
    out.flush();
    return 0;
  }
}
