package org.newsarc.extractor.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the charset to decode a page with: byte order mark, then the HTTP {@code Content-Type}
 * header, then a {@code <meta>} declaration in the first bytes, then the bytes themselves.
 * Declarations are checked against the bytes, because pages that claim ISO-8859-1 are often
 * UTF-8 and the reverse happens too. Stateless and thread-safe.
 */
public final class CharsetSniffer {

  /** How far into the page a {@code <meta charset>} declaration is looked for. */
  private static final int PRESCAN_BYTES = 8192;

  /** A charset attribute inside a meta tag; the prescan of the HTML spec, simplified. */
  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);

  private static final Pattern HEADER_CHARSET = Pattern.compile(
      "charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private CharsetSniffer() {}

  /** The result: which charset, and how many leading bytes (a BOM) to skip. */
  public record Choice(Charset charset, int skip) {}

  public static Choice choose(byte[] bytes, Map<String, String> headers) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new Choice(StandardCharsets.UTF_8, 3);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new Choice(StandardCharsets.UTF_16BE, 2);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new Choice(StandardCharsets.UTF_16LE, 2);
    }
    Charset declared = fromHeaders(headers);
    if (declared == null) {
      declared = fromMeta(bytes);
    }
    return new Choice(verify(declared, bytes), 0);
  }

  /** Checks a declared charset (or none) against what the bytes look like. */
  private static Charset verify(Charset declared, byte[] bytes) {
    boolean singleByteLatin = declared == null || isSingleByteLatin(declared);
    boolean utf8 = declared != null && declared.equals(StandardCharsets.UTF_8);
    boolean utf16 = declared != null && (declared.equals(StandardCharsets.UTF_16)
        || declared.equals(StandardCharsets.UTF_16LE) || declared.equals(StandardCharsets.UTF_16BE));
    if (!singleByteLatin && !utf8 && !utf16) {
      // Any other declaration is taken as it stands: the bytes are not looked at.
      return declared;
    }
    // Only the UTF-8 case weighs how many bytes are malformed; the others stop at the first.
    Utf8Check check = Utf8Check.of(bytes, !utf8);
    if (singleByteLatin && check.multiByte() > 0 && check.invalid() == 0) {
      return StandardCharsets.UTF_8;
    }
    if (declared == null) {
      return check.invalid() == 0 ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }
    if (utf8 && check.invalid() > 3 && check.invalid() * 4 > check.multiByte()) {
      return WINDOWS_1252;
    }
    if (declared.equals(StandardCharsets.ISO_8859_1) || declared.equals(StandardCharsets.US_ASCII)) {
      // Browsers decode both as windows-1252; so do the pages' authors.
      return WINDOWS_1252;
    }
    if (utf16) {
      // A UTF-16 label without a BOM on a page whose markup is ASCII is a mistake.
      return check.invalid() == 0 ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }
    return declared;
  }

  private static boolean isSingleByteLatin(Charset c) {
    String n = c.name().toLowerCase(Locale.ROOT);
    return n.equals("iso-8859-1") || n.equals("windows-1252") || n.equals("us-ascii")
        || n.equals("iso-8859-15") || n.equals("windows-1250") || n.equals("iso-8859-2");
  }

  static Charset fromHeaders(Map<String, String> headers) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey() != null && h.getKey().equalsIgnoreCase("Content-Type") && h.getValue() != null) {
        Matcher m = HEADER_CHARSET.matcher(h.getValue());
        if (m.find()) {
          return forName(m.group(1));
        }
      }
    }
    return null;
  }

  static Charset fromMeta(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? forName(m.group(1)) : null;
  }

  static Charset forName(String label) {
    String l = label.strip().toLowerCase(Locale.ROOT);
    if (l.equals("utf8")) {
      l = "utf-8";
    } else if (l.equals("latin1") || l.equals("latin-1")) {
      l = "iso-8859-1";
    }
    try {
      return Charset.isSupported(l) ? Charset.forName(l) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Counts of well-formed multi-byte UTF-8 sequences and of malformed bytes; with
   * {@code stopAtInvalid}, counting ends at the first malformed byte.
   */
  record Utf8Check(int multiByte, int invalid) {

    private static final VarHandle LONGS =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    static Utf8Check of(byte[] b, boolean stopAtInvalid) {
      int multi = 0;
      int invalid = 0;
      int i = 0;
      while (i < b.length) {
        // Markup is mostly ASCII: skip it eight bytes at a time.
        while (i + 8 <= b.length && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
          i += 8;
        }
        while (i < b.length && b[i] >= 0) {
          i++;
        }
        if (i >= b.length) {
          break;
        }
        int c = b[i] & 0xFF;
        int need = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? (c <= 0xEF ? 2 : -1) : c >= 0xC2 ? 1 : -1;
        boolean ok = need >= 0;
        for (int k = 1; ok && k <= need; k++) {
          if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
            ok = false;
          }
        }
        if (ok) {
          multi++;
          i += need + 1;
        } else {
          invalid++;
          i++;
          if (stopAtInvalid) {
            break;
          }
        }
      }
      return new Utf8Check(multi, invalid);
    }
  }
}
