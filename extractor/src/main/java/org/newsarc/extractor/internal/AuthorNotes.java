package org.newsarc.extractor.internal;

import java.util.regex.Pattern;
import org.newsarc.extractor.ExtractionRule;

/**
 * The note on the author that closes an article: "Jane Roe is the founder of …", "Felix Roe
 * ist Professor für …", set as the text's last paragraph, in markup no different from the
 * article's. Only the last block is judged: inside the text such a sentence is as often the
 * article's own (a profile, an obituary). Stateless and thread-safe.
 */
final class AuthorNotes {

  /** Longest note on the author; longer closing paragraphs are the article's. */
  private static final int NOTE_MAX = 500;
  /** Words one of which every {@link #AUTHOR_NOTE} holds; checked first. */
  private static final KeywordScanner NOTE_WORDS = new KeywordScanner(" is ", " ist ");
  /**
   * A name of two or three capitalised words (a title and an initial allowed), then "is" and
   * the author's role within five words: "Marie Roe is the founder and managing editor of …",
   * "Fritz Roe is an associate professor at …", "Candice Roe is the Founder & Principal
   * Consultant at …".
   */
  private static final Pattern AUTHOR_NOTE = Pattern.compile(
      "((dr|prof)\\. )?\\p{Lu}[\\p{L}'’-]+( \\p{Lu}\\.)?( \\p{Lu}[\\p{L}'’-]+){1,2},? (is|ist)"
          + " (?iu:(an? |the |ein |eine |der |die )?([\\p{L}&-]+ ){0,4}(founder|co-founder"
          + "|gründer\\p{L}*|author|autor\\p{L}*|editor|redakteur\\p{L}*|professor\\p{L}*"
          + "|journalist\\p{L}*|writer|consultant|director|ceo|partner|contributor|columnist))\\b");

  private AuthorNotes() {}

  /** True when {@code text}, the last block of an article, is a note on its author. */
  static boolean isClosingNote(String text) {
    return text.length() < NOTE_MAX && Rules.fires(ExtractionRule.AUTHOR_NOTE,
        NOTE_WORDS.containsAny(text) && AUTHOR_NOTE.matcher(text).lookingAt());
  }
}
