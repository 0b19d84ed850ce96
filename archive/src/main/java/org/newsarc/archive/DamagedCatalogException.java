package org.newsarc.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The catalog failed SQLite's integrity check ({@code PRAGMA quick_check}) when it was opened.
 * Nothing is written to it; the message says how to rebuild it from the WARC files.
 */
public final class DamagedCatalogException extends IOException {
  private static final long serialVersionUID = 1L;
  private final Path file;

  DamagedCatalogException(Path file, String problem, Throwable cause) {
    super("the catalog " + file + " is damaged (" + problem + "); nothing was written to it."
        + " Rebuild it from the WARC files with: newsarc reindex --archive "
        + (file.toAbsolutePath().getParent() == null ? "DIR" : file.toAbsolutePath().getParent()),
        cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** Runs {@code PRAGMA quick_check} on {@code c}; throws when it finds damage. */
  static void check(Connection c, Path file) throws SQLException, DamagedCatalogException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
      String first = rs.next() ? rs.getString(1) : "ok";
      if (!"ok".equalsIgnoreCase(first)) {
        throw new DamagedCatalogException(file, first.lines().findFirst().orElse(first), null);
      }
    } catch (SQLException e) {
      if (e.getErrorCode() == 11 || e.getErrorCode() == 26) {
        throw new DamagedCatalogException(file, e.getMessage(), e);
      }
      throw e;
    }
  }
}
