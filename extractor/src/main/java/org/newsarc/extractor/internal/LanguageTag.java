package org.newsarc.extractor.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises language labels ("en_us", "EN-gb", "de-DE;q=1") to BCP 47 form. Thread-safe. */
public final class LanguageTag {

  private static final Pattern VALID = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");

  private LanguageTag() {}

  /** The tag in BCP 47 case conventions ("en-US", "zh-Hant-TW"), or null when not a tag. */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip().replace('_', '-');
    int cut = indexOfAny(s, ",; ");
    if (cut >= 0) {
      s = s.substring(0, cut);
    }
    if (!VALID.matcher(s).matches()) {
      return null;
    }
    String[] parts = s.split("-");
    StringBuilder out = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      out.append('-');
      if (p.length() == 2) {
        out.append(p.toUpperCase(Locale.ROOT));
      } else if (p.length() == 4 && Character.isLetter(p.charAt(0))) {
        out.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1).toLowerCase(Locale.ROOT));
      } else {
        out.append(p.toLowerCase(Locale.ROOT));
      }
    }
    return out.toString();
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
