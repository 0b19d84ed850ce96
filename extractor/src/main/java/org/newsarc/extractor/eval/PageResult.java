package org.newsarc.extractor.eval;

import org.newsarc.extractor.Article;

/**
 * What the extractor produced for one gold page and how it scored, for looking at failures.
 * {@code article} is null and {@code error} set when extraction failed; {@code textF1} is NaN
 * when the page has no gold text. Immutable and thread-safe.
 */
public record PageResult(String set, GoldPage gold, Article article, String error, double textF1,
    SnippetCounts snippets) {}
