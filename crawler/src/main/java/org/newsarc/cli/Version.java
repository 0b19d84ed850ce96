package org.newsarc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** newsarc's version, read from the build's properties. */
public final class Version implements IVersionProvider {
  private static final String VERSION = load();

  /** The version string, such as "0.1.0-SNAPSHOT". */
  public static String version() {
    return VERSION;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"newsarc " + VERSION};
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/org/newsarc/newsarc.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
