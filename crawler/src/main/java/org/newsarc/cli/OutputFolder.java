package org.newsarc.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output folder before a run writes to it, saying what is wrong in words. */
final class OutputFolder {
  private OutputFolder() {}

  /** Why newsarc cannot write below {@code dir}, or null when it can (creating it if needed). */
  static String problem(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      return dir + " is a file, not a folder: choose another output folder";
    }
    try {
      Files.createDirectories(dir);
    } catch (AccessDeniedException e) {
      return "cannot create the output folder " + dir + ": permission denied";
    } catch (FileSystemException e) {
      return "cannot create the output folder " + dir + ": "
          + (e.getReason() == null ? "a part of the path is a file" : e.getReason());
    } catch (IOException e) {
      return "cannot create the output folder " + dir + ": " + e.getMessage();
    }
    if (!Files.isWritable(dir)) {
      return "the output folder " + dir + " is not writable (check its permissions)";
    }
    return null;
  }
}
