package org.newsarc.crawler.fetch;

import java.io.IOException;

/** A fetch failed before any response could be archived; says why, by kind, and for which URL. */
public class FetchException extends IOException {
  private static final long serialVersionUID = 1L;
  private final FailureKind kind;
  private final String url;

  public FetchException(FailureKind kind, String url, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.url = url;
  }

  public FailureKind kind() {
    return kind;
  }

  public String url() {
    return url;
  }
}
