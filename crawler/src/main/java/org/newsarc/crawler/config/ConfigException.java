package org.newsarc.crawler.config;

import java.io.IOException;
import java.nio.file.Path;

/** A configuration file could not be read or says something invalid; names the file. */
public class ConfigException extends IOException {
  private static final long serialVersionUID = 1L;
  private final Path file;

  public ConfigException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
