package org.newsarc.archive;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.tools.ValidateTool;

/** Test helpers: jwarc's validator, and a folder the warcio check reads after the build. */
final class WarcChecks {
  private WarcChecks() {}

  /** A fresh folder under target/test-warcs/ that is kept for the warcio check. */
  static Path keptFolder(String name) throws IOException {
    Path dir = Path.of("target", "test-warcs", name);
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return Files.createDirectories(dir);
  }

  /** Runs jwarc's validator (digests checked) over {@code warc} and fails the test if it fails. */
  static void assertValid(Path warc) {
    PrintStream realOut = System.out;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    boolean valid;
    try {
      System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
      Method validate = ValidateTool.class.getDeclaredMethod("validate", Path.class);
      validate.setAccessible(true);
      valid = (Boolean) validate.invoke(new ValidateTool(true), warc);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot run jwarc's validator", e);
    } finally {
      System.setOut(realOut);
    }
    assertTrue(valid, () -> "jwarc validate failed for " + warc + ":\n"
        + log.toString(StandardCharsets.UTF_8));
    // The validator exits happily after printing header grammar errors: none may be printed.
    String printed = log.toString(StandardCharsets.UTF_8);
    assertTrue(!printed.contains("invalid value") && !printed.contains("rror"),
        () -> "jwarc validate complained about " + warc + ":\n" + printed);
  }

  /** All records of {@code warc}, with their bodies read into memory (for small test files). */
  static List<Record> records(Path warc) throws IOException {
    List<Record> list = new ArrayList<>();
    try (WarcReader reader = new WarcReader(warc)) {
      for (WarcRecord r : reader) {
        list.add(new Record(r, r.body().stream().readAllBytes()));
      }
    }
    return list;
  }

  record Record(WarcRecord record, byte[] block) {
    String type() {
      return record.type();
    }

    String header(String name) {
      return record.headers().first(name).orElse(null);
    }
  }

  /** Appends "url TAB type TAB sha256(payload)" to the folder's expectations for warcio. */
  static void expectPayload(Path dir, String url, String type, byte[] payload) throws IOException {
    String line = url + "\t" + type + "\t" + sha256(payload) + "\n";
    Files.writeString(dir.resolve("expected-payloads.tsv"), line, StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
