package org.newsarc.extractor.internal;

import java.util.regex.Pattern;

/**
 * Short blocks in which the site speaks to the reader about itself rather than about the
 * article's subject: newsletter sign-ups, subscription and paywall notices, pitches for its
 * channels and apps, appeals for donations and consent prompts. They sit among or after an
 * article's paragraphs in markup no different from the text's, so they are told by what they
 * say: a call to the reader in the words such pitches use. Each kind is one method, so that it
 * can be judged and switched off on its own. Stateless and thread-safe.
 */
final class SitePitches {

  /** Longest block any of these rules takes; pitches are a line or two. */
  private static final int PITCH_MAX = 300;

  /** Words one of which every {@link #NEWSLETTER_CALL} holds; checked first. */
  private static final KeywordScanner NEWSLETTER_WORDS = new KeywordScanner(
      "newsletter", "inbox", "posteingang", "postfach", "sign me up");
  /**
   * A call to sign up for the site's newsletter or mails: "Get the best of X delivered to
   * your inbox", "Melde dich hier für unseren Newsletter an!", "Yes! Sign me up".
   */
  private static final Pattern NEWSLETTER_CALL = Pattern.compile(
      "(delivered|sent|straight|directly|right|direkt)\\s+(straight |directly |right )?(to|in|into)"
          + "\\s+(your|deinen|ihren|dein|ihr)\\s+(\\S+ )?(inbox|posteingang|postfach)"
          + "|in (deinen|ihren) posteingang|sign me up|thank you for subscribing|check your inbox"
          + "|newsletter (an|abonnieren|bestellen)\\b|mit (unserem|meinem) \\S*newsletter"
          + "|(sign[- ]?up|subscribe|register|anmelden|abonnier\\p{L}*|melde dich|join|hol dir"
          + "|schauen sie|trag\\p{L}* (sie |dich )?(sich |dich )?.{0,30}ein)\\b.{0,40}newsletter",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private SitePitches() {}

  /** True when the block is one of the kinds of pitch this class knows. */
  static boolean isPitch(String text) {
    if (text.length() >= PITCH_MAX) {
      return false;
    }
    return isNewsletterCall(text);
  }

  /** A call to sign up for the site's newsletter. */
  static boolean isNewsletterCall(String text) {
    return NEWSLETTER_WORDS.containsAnyIgnoreCase(text) && NEWSLETTER_CALL.matcher(text).find();
  }
}
