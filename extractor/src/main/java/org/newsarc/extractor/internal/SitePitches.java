package org.newsarc.extractor.internal;

import java.util.regex.Pattern;
import org.newsarc.extractor.ExtractionRule;

/**
 * Short blocks in which the site speaks to the reader about itself rather than about the
 * article's subject: newsletter sign-ups, subscription and paywall notices, pitches for its
 * channels and apps, appeals for donations and consent prompts. They sit among or after an
 * article's paragraphs in markup no different from the text's, so they are told by what they
 * say: a call to the reader in the words such pitches use. Each kind is a rule of its own, so that
 * it can be judged and switched off on its own. Stateless and thread-safe.
 */
final class SitePitches {

  /** Longest block any of these rules takes; pitches are a line or two. */
  private static final int PITCH_MAX = 300;

  /** Words one of which every {@link #NEWSLETTER_CALL} holds; checked first. */
  private static final String[] NEWSLETTER_WORDS = {
      "newsletter", "inbox", "posteingang", "postfach", "sign me up"};
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

  /** Words one of which every {@link #SUBSCRIPTION_NOTICE} holds; checked first. */
  private static final String[] SUBSCRIPTION_WORDS = {
      "subscri", "member", "log in to", "log in for", "login to", "login for", "full story",
      "full article", "entire story", "entire article", "complete story", "complete article",
      "rest of this", "rest of the", "mitglied", "abonnent", "im abo", "als abo", "ins abo",
      "probeabo", "probe-abo", "digitalabo", "digital-abo", "vorteile sichern", "subskrypc",
      "prenumerat"};
  /**
   * A notice that the text is for subscribers, or an offer of a subscription: "To view the
   * full story, please subscribe", "If you're already a subscriber, you can log in", "Nur für
   * Bembel-Mitglieder", "… im Abo, als e-Paper …", "Zapraszamy też do subskrypcji".
   */
  private static final Pattern SUBSCRIPTION_NOTICE = Pattern.compile(
      "please subscribe|already an? (subscriber|member)"
          + "|(first-time|new) subscribers? (also )?(get|receive)"
          + "|subscribe (now )?to (read|continue|view|access|unlock)"
          + "|to (view|read|continue reading|access) (the|this) (full|entire|complete)"
          + " (story|article)"
          + "|to read the rest of (this|the) (story|article)"
          + "|log ?in (to|for) (continue|read|immediate|full|unlimited)"
          + "|(is|are) (only )?(available|reserved|exclusive) (to|for) (our )?(subscribers|members"
          + "|abonnenten|mitglieder)|exclusive to (\\S+ ){1,3}(subscribers|members)"
          + "|subscriber[- ]only"
          + "|nur für ([\\p{L}\\d]+-)?(mitglieder|abonnenten|abonnentinnen)"
          + "|\\b(im|als|ins) (probe-?|digital-?)?abo\\b|vorteile sichern|subskrypcj|prenumerat",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The networks and messengers a site asks its readers to follow it on. */
  private static final String NETWORKS = "(twitter|x|facebook|instagram|telegram|youtube|tiktok"
      + "|linkedin|whatsapp|threads|bluesky)\\b";
  /** Words one of which every {@link #CHANNEL_CALL} holds; checked first. */
  private static final String[] CHANNEL_WORDS = {
      "canal", "channel", "kanal", "straight to your", "auf dein smartphone", "auf ihr smartphone",
      "auf dein handy", "auf ihr handy", "follow us", "follow-us", "folgt uns", "folgt-uns",
      "folgen sie uns", "folgen sie-uns", "suivez nous", "suivez-nous", "siga nos", "siga-nos",
      "síguenos", "siguenos"};
  /**
   * A call to follow the site on its channels or to get its app: "¿Ya sabías que tenemos canal
   * de Telegram?", "¡Mira lo que tiene nuestro canal de YouTube!", "Get the latest news straight
   * to your phone with the X app", "Follow us on Telegram, Facebook and Instagram". A call to
   * follow must name the site ("us") and two networks or more: a person to follow ("Follow Jane
   * Roe on Twitter") belongs to a byline, and a single network is often the author's own line.
   */
  private static final Pattern CHANNEL_CALL = Pattern.compile(
      "(tenemos|we have|wir haben|temos) (un |a |einen |um )?(canal|channel|kanal)"
          + " (de|on|auf|bei|no)"
          + "|(únete|unete|join|abonniere|suscr[ií]bete|s[ií]guenos|follow us|inscreva-se)\\b"
          + ".{0,20}(nuestro |our |unseren |nosso )?(canal|channel|kanal)"
          + "|nuestro canal de|nosso canal"
          + "|straight to your (phone|smartphone)|\\bs[ií]guenos (en|a través)"
          + "|auf (dein|ihr) (smartphone|handy)"
          + "|(follow|folgt|folgen sie|suivez|siga)[ -](us|uns|nous|nos)[^.]{0,10}"
          + "\\b(on|auf|sur|en|no|bei) " + NETWORKS
          + "(,? (and |und |y |e |et |or |oder )?(on |auf |sur |en |no |bei )?" + NETWORKS
          + ")+",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Words one of which every {@link #CONSENT_PROMPT} holds; checked first. */
  private static final String[] CONSENT_WORDS = {
      "einverständnis", "consent", "permission", "privat", "i agree", "keine verbindung",
      "you agree", "you confirm"};
  /**
   * A prompt for the reader's consent: the placeholder of an embed that is loaded only with it
   * ("Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine
   * Verbindung zu … her"), or the terms under a sign-up form ("I agree my information will be
   * processed …", "By subscribing, you agree to receive …").
   */
  private static final Pattern CONSENT_PROMPT = Pattern.compile(
      "ohne (dein|ihr) einverständnis|without your (consent|permission)"
          + "|(respektieren|respect) (deine|ihre|your) privat"
          + "|i agree (that )?my (information|data|details)|you consent to (have |having )?your"
          + "|stellen deshalb .{0,60}keine verbindung"
          + "|by (submitting|signing up|subscribing|clicking)[^.]{0,40}, you (agree|consent|confirm)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Words one of which every {@link #DONATION_APPEAL} holds; checked first. */
  private static final String[] DONATION_WORDS = {
      "spende", "unterstütz", "wesprzyj", "przekaż", "doação", "donación", "dona ahora",
      "soutenez"};
  /**
   * An appeal for the reader's donation, in the languages that {@code BlockFilter}'s English
   * support appeals do not cover: "Jede kleine Spende hilft …", "Unterstütze X bereits mit
   * 2,50!", "… können Sie mich durch eine Spende unterstützen", "Wesprzyj nas darowizną".
   */
  private static final Pattern DONATION_APPEAL = Pattern.compile(
      "(jede|jeder|ihre|deine) (kleine |einzelne )?spende\\b|spende (jetzt|hier|uns)\\b"
          + "|jetzt spenden"
          + "|(durch|mit) (eine|einer|ihrer|deiner) spende\\b.{0,30}(unterstütz|helf)"
          + "|unterstütze (\\S+ ){1,2}(bereits |schon )?mit"
          + "|unterstützen sie (uns|\\S+) (mit|bereits|schon)"
          + "|wesprzyj|przekaż (nam )?(darowiznę|1(,5)? ?% podatku)|faça uma doação"
          + "|haz una donación|dona ahora|soutenez-nous",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Words one of which every {@link #CALL_TO_WRITE} holds; checked first. */
  private static final String[] WRITE_WORDS = {
      "letter", "leserbrief", "editor", "redaktion", "rédaction", "redacción", "kontakt",
      "wenden sie", "schreiben sie", "send us", "tip?", "proposer"};
  /**
   * A call to write to the site's editors: "Submit your letter to the editor via this form",
   * "Bei Fragen und Anregungen zu diesem Artikel können Sie hier mit uns in Kontakt treten",
   * "… vous êtes invité à proposer un texte au comité de rédaction", "Send us a message on
   * WhatsApp", "Have a tip?".
   */
  private static final Pattern CALL_TO_WRITE = Pattern.compile(
      "(submit|send|write|read more) (us |a |your )?letters? to the editor"
          + "|leserbrief (schreiben|einsenden)"
          + "|(submit|send|write|schreiben sie|schicken sie|senden sie)\\b.{0,40}"
          + "\\b(the editors?|redaktion|rédaction|redacción)|comité de rédaction|proposer un texte"
          + "|(fragen|anregungen|hinweise|kritik)\\b.{0,40}\\b(kontakt|wenden sie sich|schreiben sie)"
          + "|mit uns in kontakt|send us a (message|tip|note)|(got|have) a (news )?tip\\?",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Words one of which every {@link #PRINT_ISSUE_NOTICE} holds; checked first. */
  private static final String[] PRINT_WORDS = {
      "heft", "ausgabe", "magazin", "issue", "edition", "numéro", "número", "edición"};
  /**
   * A notice of the print issue the text comes from or that is on sale: "Dieser Beitrag stammt
   * aus Ausgabe 7/2019 … Das Heft ist ab 20.06. im Handel erhältlich", "Viel Spaß mit der neuen
   * Ausgabe!", "Pick up the latest issue".
   */
  private static final Pattern PRINT_ISSUE_NOTICE = Pattern.compile(
      "\\b(heft|ausgabe|magazin|issue|edition|numéro|número|edición)\\b.{0,80}\\b(im handel"
          + "|am kiosk|erhältlich|on (sale|newsstands)|at newsstands|en kiosque|en kiosco"
          + "|nas bancas)\\b"
          + "|(viel spaß|have fun|enjoy) (mit|with) (der|the|unserer|our) (neuen |latest |new )?"
          + "(ausgabe|issue)"
          + "|(pick up|grab|get) (a copy of )?(the|our) (latest|current|new) (print )?(issue|edition)"
          + "|dieser (beitrag|artikel|text) (stammt|erschien) (aus|in) (der )?(ausgabe|heft)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Longest call to subscribe to the site's feed; longer ones are an author's own line. */
  private static final int FEED_CALL_MAX = 160;
  /** Words one of which every {@link #FEED_CALL} holds; checked first. */
  private static final String[] FEED_WORDS = {
      "subscri", "updates", "abonniere"};
  /**
   * A call to subscribe to the site's feed or mailed updates: "Subscribe to this blog's feed",
   * "RSS Feed or, Subscribe via Email", "Sign up for free email updates".
   */
  private static final Pattern FEED_CALL = Pattern.compile(
      "subscribe to (our|my|the|this) (\\S+ ){0,2}(blog|feed|rss|posts|podcast|channel|updates)"
          + "|subscribe (via|by|to) (rss|e-?mail)|(rss|e-?mail) (feed )?(subscriptions?|updates)"
          + "|get free updates|abonniere (unseren|meinen) (blog|feed|kanal|podcast)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * The words of the kinds above, one group for each, for one scan of a block shared with the
   * filter's other checks (see {@link #isPitch}).
   */
  static final String[][] WORD_GROUPS = {NEWSLETTER_WORDS, SUBSCRIPTION_WORDS, CHANNEL_WORDS,
      CONSENT_WORDS, DONATION_WORDS, WRITE_WORDS, PRINT_WORDS, FEED_WORDS};
  private static final int NEWSLETTER = 0;
  private static final int SUBSCRIPTION = 1;
  private static final int CHANNEL = 2;
  private static final int CONSENT = 3;
  private static final int DONATION = 4;
  private static final int WRITE = 5;
  private static final int PRINT = 6;
  private static final int FEED = 7;

  private SitePitches() {}

  /**
   * True when the block is one of the kinds of pitch this class knows. {@code words} are the
   * groups of {@link #WORD_GROUPS} that the block holds a word of (bit {@code i} for group
   * {@code i}).
   */
  static boolean isPitch(String text, long words) {
    if (text.length() >= PITCH_MAX) {
      return false;
    }
    return words != 0 && (Rules.fires(ExtractionRule.NEWSLETTER_CALL,
            KeywordScanner.has(words, NEWSLETTER) && NEWSLETTER_CALL.matcher(text).find())
        || Rules.fires(ExtractionRule.SUBSCRIPTION_NOTICE,
            KeywordScanner.has(words, SUBSCRIPTION) && SUBSCRIPTION_NOTICE.matcher(text).find())
        || Rules.fires(ExtractionRule.CHANNEL_CALL,
            KeywordScanner.has(words, CHANNEL) && CHANNEL_CALL.matcher(text).find())
        || Rules.fires(ExtractionRule.CONSENT_PROMPT,
            KeywordScanner.has(words, CONSENT) && CONSENT_PROMPT.matcher(text).find())
        || Rules.fires(ExtractionRule.DONATION_APPEAL,
            KeywordScanner.has(words, DONATION) && DONATION_APPEAL.matcher(text).find())
        || Rules.fires(ExtractionRule.CALL_TO_WRITE,
            KeywordScanner.has(words, WRITE) && CALL_TO_WRITE.matcher(text).find())
        || Rules.fires(ExtractionRule.PRINT_ISSUE,
            KeywordScanner.has(words, PRINT) && PRINT_ISSUE_NOTICE.matcher(text).find())
        || Rules.fires(ExtractionRule.FEED_CALL, KeywordScanner.has(words, FEED)
            && text.length() < FEED_CALL_MAX && FEED_CALL.matcher(text).find()));
  }
}
