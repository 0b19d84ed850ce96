package org.newsarc.archive.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names WARC files {@code PREFIX-YYYYMMDDhhmmss-SERIAL-HOST.warc.gz} and finds the highest
 * serial already used in a folder, so that serials stay unique across restarts. Thread-safe.
 */
public final class WarcFileNames {
  /** Suffix of a file still being written. */
  public static final String OPEN_SUFFIX = ".open";
  /** Suffix of a finished gzip-per-record WARC file. */
  public static final String WARC_SUFFIX = ".warc.gz";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final String prefix;
  private final String host;
  private final Pattern ownNames;

  public WarcFileNames(String prefix, String host) {
    this.prefix = prefix;
    this.host = host;
    this.ownNames = Pattern.compile(Pattern.quote(prefix)
        + "-\\d{14}-(\\d+)-.*\\.warc\\.gz(\\.open)?");
  }

  /** The name for a file started at {@code started} with serial {@code serial}. */
  public String name(Instant started, long serial) {
    return String.format("%s-%s-%05d-%s%s", prefix, STAMP.format(started), serial, host,
        WARC_SUFFIX);
  }

  /** The highest serial among this prefix's files in {@code dir} (open or closed), or 0. */
  public long highestSerial(Path dir) throws IOException {
    long max = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        Matcher m = ownNames.matcher(file.getFileName().toString());
        if (m.matches()) {
          try {
            max = Math.max(max, Long.parseLong(m.group(1)));
          } catch (NumberFormatException e) {
            // More digits than a long holds: not one of ours.
          }
        }
      }
    }
    return max;
  }

  /** This machine's host name, made safe for a file name. */
  public static String localHost() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.replaceAll("[^A-Za-z0-9.-]", "_");
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
