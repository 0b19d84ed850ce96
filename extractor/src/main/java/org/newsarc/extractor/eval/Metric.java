package org.newsarc.extractor.eval;

/**
 * One figure of an evaluation: the corpus it was measured on, its name (such as
 * {@code snippet_f1} or {@code text_f1.article}), its value and how many pages it covers.
 * Immutable and thread-safe.
 */
public record Metric(String set, String name, double value, int pages) {}
