package org.newsarc.extractor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Tests read on every page that once were regular expressions are now written out by hand, for
 * speed. Each must answer exactly as its expression did: these tests keep the expression as the
 * reference and compare over random texts built from the characters that matter to it.
 */
class HandMatchersTest {

  private static String random(Random r, String[] pieces, int maxPieces) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(maxPieces + 1); i > 0; i--) {
      b.append(pieces[r.nextInt(pieces.length)]);
    }
    return b.toString();
  }

  @Test
  void descriptiveClassTokensAsTheirPattern() {
    Pattern reference = Pattern.compile(
        "(tag|category|categories|format|status|type|postid|lang|language|has|is)-|.*label-hidden"
            + "|.*sidebar-(left|right)|.*(has|with|no)-sidebar");
    String[] pieces = {"tag", "category", "categories", "is", "has", "with", "no", "-", "--",
        "label", "hidden", "sidebar", "left", "right", "x", "_", "\n", "\u2028", "post", "id",
        "lang", "uage", "type", "status", "format"};
    Random r = new Random(11);
    for (int run = 0; run < 50_000; run++) {
      String token = random(r, pieces, 6);
      assertEquals(reference.matcher(token).lookingAt(), ClassHints.isDescriptive(token), token);
    }
  }

  @Test
  void titleSpacesCollapseAsTheirPattern() {
    String[] pieces = {"a", "Bc", " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0",
        "\u2003", "|", "é"};
    Random r = new Random(12);
    for (int run = 0; run < 50_000; run++) {
      String s = random(r, pieces, 8);
      String t = s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
      assertEquals(t.isEmpty() ? null : t, TitleFinder.clean(s), s);
    }
  }

  @Test
  void scriptDatesAreFoundFirstAsByTheirPattern() {
    Pattern reference = Pattern.compile(
        "\"(?:datePublished|publishedDate|published_at|publishedAt|publishDate|publish_date"
            + "|createdAt|created_at|dateCreated|firstPublished|first_published_at)\"\\s*:\\s*"
            + "\"([^\"]{8,40})\"");
    String[] pieces = {"\"datePublished\"", "\"publishedAt\"", "\"published_at\"",
        "\"createdAt\"", "\"first_published_at\"", "\"firstPublished\"", "\"", ":", " ",
        "2016-11-04", "T10:00:00Z", ",", "{", "publishedAt", "x"};
    Random r = new Random(13);
    for (int run = 0; run < 50_000; run++) {
      String data = random(r, pieces, 12);
      Matcher m = reference.matcher(data);
      Matcher got = DateFinder.firstScriptDate(data);
      boolean found = m.find();
      assertEquals(found, got != null, data);
      if (found) {
        assertEquals(m.start(), got.start(), data);
        assertEquals(m.group(1), got.group(1), data);
      }
    }
  }

  @Test
  void shortYearDatesAreReadAsByTheirPattern() {
    Pattern reference = Pattern.compile("(?<![\\d.])(\\d{2})\\.(\\d{2})\\.(\\d{2})(?![\\d.]\\d)");
    String[] pieces = {"28", "09", "19", "36", "31", "12", "02", "1", ".", ". ", " ", "a", "5"};
    Random r = new Random(14);
    for (int run = 0; run < 50_000; run++) {
      String s = random(r, pieces, 10);
      String expected = null;
      Matcher m = reference.matcher(s);
      while (expected == null && m.find()) {
        int year = Integer.parseInt(m.group(3));
        expected = year <= 35
            ? DateParser.date(String.valueOf(2000 + year), m.group(2), m.group(1)) : null;
      }
      assertEquals(expected, DateParser.parseShortYear(s), s);
    }
  }
}
