package org.newsarc.extractor.internal;

import java.util.regex.Pattern;

/**
 * Short blocks that sit among an article's paragraphs but are not its text, told by what they
 * say: server error messages leaked into the page, editorial disclaimers, licence notices,
 * "last updated" lines, view counts and lone clock times. Each kind is one method, so that it
 * can be judged and switched off on its own. Stateless and thread-safe.
 */
final class InlineNotices {

  /** Longest block any of these rules takes; notices are a line or two. */
  private static final int NOTICE_MAX = 500;

  /**
   * An error message of the page's server-side script, printed into the page: "Warning:
   * Creating default object … in /www/…/classes.php on line 407".
   */
  private static final Pattern SCRIPT_ERROR = Pattern.compile(
      "(warning|notice|deprecated|strict standards|fatal error|parse error|catchable fatal error)"
          + "\\s*:.{0,400}\\son line \\d+\\.?",
      Pattern.CASE_INSENSITIVE);

  private InlineNotices() {}

  /** True when the block is one of the kinds of notice this class knows. */
  static boolean isNotice(String text) {
    if (text.length() >= NOTICE_MAX) {
      return false;
    }
    return isScriptError(text);
  }

  /** A server-side script's error message that leaked into the page's text. */
  static boolean isScriptError(String text) {
    return text.contains(" on line ") && SCRIPT_ERROR.matcher(text).matches();
  }
}
