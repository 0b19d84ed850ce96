package org.newsarc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.tools.ValidateTool;

/** Reads back the WARC files a test wrote and checks them independently of the writer. */
public final class WarcFiles {
  private WarcFiles() {}

  /** A record read back: its WARC headers and its whole block. */
  public record Read(WarcRecord record, byte[] block) {
    public String type() {
      return record.type();
    }

    public String header(String name) {
      return record.headers().first(name).orElse(null);
    }

    /** The HTTP payload: the block after the first CRLF CRLF (or LF LF, for a bare-LF head). */
    public byte[] payload() {
      for (int i = 0; i + 1 < block.length; i++) {
        if (i + 3 < block.length && block[i] == '\r' && block[i + 1] == '\n'
            && block[i + 2] == '\r' && block[i + 3] == '\n') {
          return java.util.Arrays.copyOfRange(block, i + 4, block.length);
        }
        if (block[i] == '\n' && block[i + 1] == '\n') {
          return java.util.Arrays.copyOfRange(block, i + 2, block.length);
        }
      }
      return new byte[0];
    }

    public String httpHeader() {
      String s = new String(block, StandardCharsets.ISO_8859_1);
      int end = s.indexOf("\r\n\r\n");
      return end < 0 ? s : s.substring(0, end);
    }
  }

  /**
   * A fresh, empty folder under {@code target/test-warcs/} that outlives the test, so that CI
   * can read the WARC files in it with an independent reader (tools/warcio-check.sh).
   */
  public static Path keptFolder(String name) throws IOException {
    Path dir = Path.of("target", "test-warcs", name).toAbsolutePath();
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return Files.createDirectories(dir);
  }

  /** All finished WARC files in {@code dir}, sorted by name. */
  public static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".warc.gz")).sorted().toList();
    }
  }

  /** Every record of every finished WARC file in {@code dir}, in file order. */
  public static List<Read> readAll(Path dir) throws IOException {
    List<Read> records = new ArrayList<>();
    for (Path file : list(dir)) {
      try (WarcReader reader = new WarcReader(file)) {
        for (WarcRecord record : reader) {
          try (InputStream in = Channels.newInputStream(record.body())) {
            records.add(new Read(record, in.readAllBytes()));
          }
        }
      }
    }
    return records;
  }

  /**
   * Checks every file with jwarc's validator (header grammar, digests, HTTP Content-Length,
   * gzip member alignment) and recomputes each record's digests here too.
   */
  public static void assertValid(Path dir) throws Exception {
    List<Path> files = list(dir);
    assertTrue(!files.isEmpty(), "no WARC file in " + dir);
    for (Path file : files) {
      assertTrue(jwarcValidates(file), "jwarc validate failed for " + file);
    }
    for (Read r : readAll(dir)) {
      String block = r.header("WARC-Block-Digest");
      if (block != null) {
        assertEquals(new WarcDigest(block), digest(new WarcDigest(block), r.block()),
            "block digest of " + r.type());
      }
      String payload = r.header("WARC-Payload-Digest");
      if (payload != null && r.type().equals("response")) {
        assertEquals(new WarcDigest(payload), digest(new WarcDigest(payload), r.payload()),
            "payload digest");
      }
    }
  }

  private static boolean jwarcValidates(Path file) throws Exception {
    Method validate = ValidateTool.class.getDeclaredMethod("validate", Path.class);
    validate.setAccessible(true);
    PrintStream saved = System.out;
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    synchronized (WarcFiles.class) {
      try {
        System.setOut(new PrintStream(report, true, StandardCharsets.UTF_8));
        boolean ok = (boolean) validate.invoke(new ValidateTool(true), file);
        if (!ok) {
          saved.println(report.toString(StandardCharsets.UTF_8));
        }
        return ok;
      } finally {
        System.setOut(saved);
      }
    }
  }

  /** The digest of {@code data} with the algorithm of {@code like}. */
  static WarcDigest digest(WarcDigest like, byte[] data) throws NoSuchAlgorithmException {
    return new WarcDigest(like.algorithm(), like.getDigester().digest(data));
  }

  public static WarcDigest sha1(byte[] data) throws NoSuchAlgorithmException {
    return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(data));
  }
}
