package org.newsarc.extractor.internal;

import java.util.regex.Pattern;
import org.newsarc.extractor.ExtractionRule;

/**
 * The question with which a site opens its appeal to the reader: "Sie lesen gern …?",
 * "Gefällt dir unser Klettermagazin?", "Enjoying this article?", set as a line or the first
 * sentence of the pitch's paragraph after the article. The pitch after it is told by the
 * other rules or not at all; the question alone says what the block is. Stateless and
 * thread-safe.
 */
final class SiteAppeals {

  /** Longest block opened by such a question; longer ones are the article's. */
  private static final int APPEAL_MAX = 300;
  /** Words one of which every {@link #LIKING_QUESTION} holds; checked first. */
  static final String[] LIKING_WORDS = {
      "gern", "gefällt", "like", "enjoy", "value", "love"};
  /**
   * A question to the reader whether they like the site, at the start of the block: "Sie lesen
   * gern Achgut.com?", "Gefällt dir unser Klettermagazin?", "Do you like our journalism?",
   * "Enjoying this article?".
   */
  private static final Pattern LIKING_QUESTION = Pattern.compile(
      "(sie lesen gern|du liest gerne?|liest du gerne?|lesen sie gerne?"
          + "|gefällt (dir|ihnen|euch) unsere?"
          + "|(do you )?(like|enjoy|value|love) (reading )?(our|this) (site|blog|magazine"
          + "|journalism|work|content|newsletter)"
          + "|enjoy(ing|ed)? (reading )?(this|our) (article|post|site|blog|magazine|content"
          + "|journalism))\\b[^!?\\n]{0,80}[?!]",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private SiteAppeals() {}

  /**
   * True when the block opens with a question whether the reader likes the site; {@code
   * likingWords} whether it holds one of {@link #LIKING_WORDS} (the filter scans for them with
   * its others).
   */
  static boolean opensWithLikingQuestion(String text, boolean likingWords) {
    return text.length() < APPEAL_MAX && Rules.fires(ExtractionRule.LIKING_QUESTION,
        likingWords && LIKING_QUESTION.matcher(text).lookingAt());
  }
}
