package org.newsarc.extractor;

import java.io.IOException;

/** A page could not be turned into an {@link Article}; carries the page's URL. */
public class ExtractionException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String url;

  public ExtractionException(String url, String message, Throwable cause) {
    super(url == null || url.isEmpty() ? message : message + " (" + url + ")", cause);
    this.url = url;
  }

  public ExtractionException(String url, String message) {
    this(url, message, null);
  }

  public String url() {
    return url;
  }
}
