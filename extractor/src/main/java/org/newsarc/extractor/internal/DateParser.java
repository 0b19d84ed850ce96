package org.newsarc.extractor.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates written by machines (ISO 8601, RFC 1123, compact digits) and by people
 * ("14 March 2022", "March 14, 2022", "14.03.2022", "31. Mai 2012") and returns them as ISO 8601:
 * a date-time with offset when the input has one, else a date-time or a date. Years outside
 * 1995–2035 are rejected as implausible for a web page. Stateless and thread-safe.
 */
public final class DateParser {

  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?"
          + "\\s*(Z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern SLASHED_YMD = Pattern.compile("\\b(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})\\b");
  /** East Asian order with unit signs: 2020年7月3日, 2020년 7월 3일. */
  private static final Pattern CJK = Pattern.compile(
      "(\\d{4})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]");
  private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2}))?");
  private static final Pattern DMY_NUMERIC = Pattern.compile("\\b(\\d{1,2})[./](\\d{1,2})[./](\\d{4})\\b");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "\\b(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(?:de\\s+)?(\\p{L}{3,12})\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "\\b(\\p{L}{3,12})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Map<String, Integer> MONTHS = months();

  private DateParser() {}

  /** The date in ISO 8601 form, or null when none can be read. */
  public static String parse(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.isEmpty() || s.length() > 300) {
      return null;
    }
    Matcher m = ISO.matcher(s);
    if (m.find()) {
      String date = date(m.group(1), m.group(2), m.group(3));
      if (date != null) {
        if (m.group(4) == null) {
          return date;
        }
        String time = String.format(Locale.ROOT, "%02d:%s:%s", Integer.parseInt(m.group(4)),
            m.group(5), m.group(6) == null ? "00" : m.group(6));
        return date + "T" + time + offset(m.group(7));
      }
    }
    m = COMPACT.matcher(s);
    if (m.find()) {
      String date = date(m.group(1), m.group(2), m.group(3));
      if (date != null) {
        return date;
      }
    }
    m = SLASHED_YMD.matcher(s);
    if (m.find()) {
      String date = date(m.group(1), m.group(2), m.group(3));
      if (date != null) {
        return date;
      }
    }
    return parseHuman(s);
  }

  /**
   * The first date, by position, that people would read in {@code s}. Long texts are not run
   * through the patterns whole: only windows around plausible years are, which keeps the cost
   * linear and small.
   */
  public static String parseHuman(String s) {
    if (s.length() <= 200) {
      return parseHumanWhole(s);
    }
    int n = s.length();
    for (int i = 0; i + 4 <= n; i++) {
      char c = s.charAt(i);
      if ((c != '1' && c != '2') || i > 0 && Character.isDigit(s.charAt(i - 1))) {
        continue;
      }
      if (!isYearAt(s, i)) {
        continue;
      }
      String d = parseHumanWhole(s.substring(Math.max(0, i - 32), Math.min(n, i + 28)));
      if (d != null) {
        return d;
      }
      i += 3;
    }
    return null;
  }

  private static boolean isYearAt(String s, int i) {
    for (int k = 0; k < 4; k++) {
      if (!Character.isDigit(s.charAt(i + k))) {
        return false;
      }
    }
    if (i + 4 < s.length() && Character.isDigit(s.charAt(i + 4))) {
      return false;
    }
    int year = Integer.parseInt(s.substring(i, i + 4));
    return year >= 1995 && year <= 2035;
  }

  private static String parseHumanWhole(String s) {
    String best = null;
    int bestAt = s.length();
    Matcher m = DAY_MONTH_YEAR.matcher(s);
    while (m.find()) {
      Integer month = MONTHS.get(monthKey(m.group(2)));
      String d = month == null ? null : date(m.group(3), month.toString(), m.group(1));
      if (d != null) {
        best = d;
        bestAt = m.start();
        break;
      }
    }
    m = MONTH_DAY_YEAR.matcher(s).region(0, bestAt);
    while (m.find()) {
      Integer month = MONTHS.get(monthKey(m.group(1)));
      String d = month == null ? null : date(m.group(3), month.toString(), m.group(2));
      if (d != null) {
        best = d;
        bestAt = m.start();
        break;
      }
    }
    m = DMY_NUMERIC.matcher(s).region(0, bestAt);
    while (m.find()) {
      String d = dayFirst(m);
      if (d != null) {
        best = d;
        bestAt = m.start();
        break;
      }
    }
    for (Pattern p : new Pattern[] {SLASHED_YMD, ISO, CJK}) {
      m = p.matcher(s).region(0, bestAt);
      while (m.find()) {
        String d = date(m.group(1), m.group(2), m.group(3));
        if (d != null) {
          best = d;
          bestAt = m.start();
          break;
        }
      }
    }
    return best;
  }

  /**
   * The first day written with a two-digit year ({@code 28.09.19}), read as 2000–2035. Kept
   * apart from {@link #parseHuman}: such short forms are only trusted when a page gives no
   * other date.
   */
  public static String parseShortYear(String s) {
    if (s == null) {
      return null;
    }
    // Written out rather than a regular expression with lookarounds: a body's text is long.
    int n = s.length();
    int i = 0;
    while (i + 8 <= n) {
      if (!isShortYearDate(s, i)) {
        i++;
        continue;
      }
      int year = (s.charAt(i + 6) - '0') * 10 + s.charAt(i + 7) - '0';
      String d = year <= 35
          ? date(String.valueOf(2000 + year), s.substring(i + 3, i + 5), s.substring(i, i + 2))
          : null;
      if (d != null) {
        return d;
      }
      i += 8;
    }
    return null;
  }

  /**
   * Whether {@code dd.dd.dd} starts at {@code i} of {@code s}, not after a digit or a dot and
   * not followed by a digit or a dot and a digit.
   */
  private static boolean isShortYearDate(String s, int i) {
    if (s.charAt(i + 2) != '.' || s.charAt(i + 5) != '.') {
      return false;
    }
    if (!isDigits(s, i) || !isDigits(s, i + 3) || !isDigits(s, i + 6)) {
      return false;
    }
    if (i > 0 && (isDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '.')) {
      return false;
    }
    int after = i + 8;
    return !(after + 1 < s.length() && (isDigit(s.charAt(after)) || s.charAt(after) == '.')
        && isDigit(s.charAt(after + 1)));
  }

  /** Whether the two characters at {@code i} of {@code s} are digits. */
  private static boolean isDigits(String s, int i) {
    return isDigit(s.charAt(i)) && isDigit(s.charAt(i + 1));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Day first unless that cannot be (05/13): most of the world writes day first. */
  private static String dayFirst(Matcher m) {
    int a = Integer.parseInt(m.group(1));
    int b = Integer.parseInt(m.group(2));
    return a > 12 || b <= 12 ? date(m.group(3), m.group(2), m.group(1))
        : date(m.group(3), m.group(1), m.group(2));
  }

  /** The dates people would read in {@code s}, in order of position, at most {@code max}. */
  public static List<String> allHuman(String s, int max) {
    TreeMap<Integer, String> found = new TreeMap<>();
    Matcher m = DAY_MONTH_YEAR.matcher(s);
    while (m.find()) {
      Integer month = MONTHS.get(monthKey(m.group(2)));
      put(found, m.start(), month == null ? null : date(m.group(3), month.toString(), m.group(1)));
    }
    m = MONTH_DAY_YEAR.matcher(s);
    while (m.find()) {
      Integer month = MONTHS.get(monthKey(m.group(1)));
      put(found, m.start(), month == null ? null : date(m.group(3), month.toString(), m.group(2)));
    }
    m = DMY_NUMERIC.matcher(s);
    while (m.find()) {
      put(found, m.start(), dayFirst(m));
    }
    for (Pattern p : new Pattern[] {SLASHED_YMD, ISO, CJK}) {
      m = p.matcher(s);
      while (m.find()) {
        put(found, m.start(), date(m.group(1), m.group(2), m.group(3)));
      }
    }
    List<String> out = new ArrayList<>();
    for (String d : found.values()) {
      if (out.size() >= max) {
        break;
      }
      out.add(d);
    }
    return out;
  }

  private static void put(TreeMap<Integer, String> found, int at, String date) {
    if (date != null) {
      found.putIfAbsent(at, date);
    }
  }

  static String date(String y, String mo, String d) {
    try {
      int year = Integer.parseInt(y);
      if (year < 1995 || year > 2035) {
        return null;
      }
      return LocalDate.of(year, Integer.parseInt(mo), Integer.parseInt(d)).toString();
    } catch (NumberFormatException | DateTimeException e) {
      return null;
    }
  }

  private static String offset(String z) {
    if (z == null) {
      return "";
    }
    if (z.equals("Z")) {
      return "Z";
    }
    return z.length() == 5 ? z.substring(0, 3) + ":" + z.substring(3) : z;
  }

  private static String monthKey(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return w.length() > 3 && MONTHS.containsKey(w) ? w : w.substring(0, Math.min(3, w.length()));
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> m = new java.util.HashMap<>();
    String[][] names = {
        {"jan", "januar", "janvier", "enero", "gennaio", "januari", "jänner", "janeiro", "ene", "gen"},
        {"feb", "februar", "février", "fév", "febrero", "febbraio", "februari", "fevereiro", "fev"},
        {"mar", "märz", "mär", "mars", "marzo", "maart", "março", "mrz"},
        {"apr", "april", "avril", "abril", "aprile", "avr", "abr"},
        {"may", "mai", "mayo", "maggio", "mei", "maio", "mag"},
        {"jun", "juni", "juin", "junio", "giugno", "junho", "giu"},
        {"jul", "juli", "juillet", "julio", "luglio", "julho", "jui", "lug"},
        {"aug", "august", "août", "agosto", "augustus", "ago", "aoû"},
        {"sep", "september", "septembre", "septiembre", "settembre", "setembro", "set", "sept"},
        {"oct", "oktober", "octobre", "octubre", "ottobre", "outubro", "okt", "out", "ott"},
        {"nov", "november", "novembre", "noviembre", "novembro"},
        {"dec", "dezember", "décembre", "diciembre", "dicembre", "december", "dezembro", "dez", "déc", "dic"}};
    // Russian, Ukrainian and Polish write the month in the genitive ("15 августа 2016"):
    // the first three letters name it, as in the Latin-script languages above. Arabic names
    // are whole words.
    String[][] more = {
        {"янв", "січ", "sty", "يناير"},
        {"фев", "лют", "lut", "فبراير"},
        {"мар", "бер", "مارس"},
        {"апр", "кві", "kwi", "أبريل", "ابريل"},
        {"мая", "май", "тра", "maj", "مايو"},
        {"июн", "чер", "cze", "يونيو"},
        {"июл", "лип", "lip", "يوليو"},
        {"авг", "сер", "sie", "أغسطس", "اغسطس"},
        {"сен", "вер", "wrz", "سبتمبر"},
        {"окт", "жов", "paź", "أكتوبر", "اكتوبر"},
        {"ноя", "лис", "lis", "نوفمبر"},
        {"дек", "гру", "gru", "ديسمبر"}};
    for (int i = 0; i < names.length; i++) {
      for (String n : names[i]) {
        m.put(n, i + 1);
      }
      for (String n : more[i]) {
        m.put(n, i + 1);
      }
    }
    for (String full : new String[] {"january", "february", "march", "june", "july", "october"}) {
      m.put(full, m.get(full.substring(0, 3)));
    }
    return Map.copyOf(m);
  }
}
