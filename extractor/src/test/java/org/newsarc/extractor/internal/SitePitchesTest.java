package org.newsarc.extractor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

class SitePitchesTest {

  private static final String PROSE = "The council voted on Tuesday to approve the new plan after a long "
      + "debate that lasted well into the night, and the mayor said the work would start in spring.";
  private static final String MORE = "Work on the bus lanes starts in March and is to be finished "
      + "before the summer holidays begin, the city's transport office said in a statement.";

  private static TextBlock p(String text) {
    return new TextBlock(text, Blocks.Kind.PARAGRAPH, 0, false);
  }

  /** What the filter keeps of the paragraphs around {@code line}, in an article. */
  private static List<String> keptAround(String line) {
    return BlockFilter.filter(List.of(p(PROSE), p(line), p(MORE)), "Council approves plan", true)
        .stream().map(TextBlock::text).toList();
  }

  @Test
  void aCallToSignUpForTheNewsletterGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("Get the best of the Gazette delivered to your inbox"
        + " every morning."));
    assertEquals(List.of(PROSE, MORE), keptAround("Lust auf mehr? Lass dir die besten Storys jede Woche"
        + " in deinen Posteingang liefern. Melde dich hier für unseren Newsletter an!"));
    assertEquals(List.of(PROSE, MORE), keptAround("Sie möchten mehr davon? Schauen Sie mal in unseren"
        + " Musiknewsletter!"));
    String aboutNewsletters = "Twelve people signed up for my newsletter last week, and I did nothing"
        + " to welcome them.";
    assertEquals(List.of(PROSE, aboutNewsletters, MORE), keptAround(aboutNewsletters));
  }

  @Test
  void aNoticeThatTheTextIsForSubscribersGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("To view the full story, please subscribe to the"
        + " Gazette. You can choose an annual subscription or a weekly pass."));
    assertEquals(List.of(PROSE, MORE), keptAround("If you’re seeing this message but you’re already a"
        + " subscriber, you can log in for immediate access to this story."));
    assertEquals(List.of(PROSE, MORE), keptAround("Nur für Vereins-Mitglieder"));
    assertEquals(List.of(PROSE, MORE), keptAround("Die aktuelle Ausgabe jetzt an jedem Kiosk, im Abo"
        + " und als e-Paper erhältlich."));
    String aboutSubscriptions = "Subscribers to the streaming service pay twice what they did in 2020.";
    assertEquals(List.of(PROSE, aboutSubscriptions, MORE), keptAround(aboutSubscriptions));
  }

  @Test
  void aCallToFollowTheSitesChannelsGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("¿Ya sabías que tenemos canal de Telegram? Únete"
        + " desde tu celular en este enlace de invitación."));
    assertEquals(List.of(PROSE, MORE), keptAround("¡Mira lo que tiene nuestro canal de YouTube!"));
    assertEquals(List.of(PROSE, MORE), keptAround("Get the latest news straight to your phone with"
        + " the Gazette app."));
    assertEquals(List.of(PROSE, MORE), keptAround("Follow us on Telegram, Facebook, Instagram and"
        + " YouTube for the latest news."));
    String byline = "Follow Jane Roe on Twitter at @janeroe.";
    assertEquals(List.of(PROSE, byline, MORE), keptAround(byline));
  }

  @Test
  void aPromptForTheReadersConsentGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("Wir respektieren deine Privatsphäre und stellen"
        + " deshalb ohne dein Einverständnis keine Verbindung zu Twitter her."));
    assertEquals(List.of(PROSE, MORE), keptAround("I agree my information will be"
        + " processed in accordance with the privacy policy."));
    assertEquals(List.of(PROSE, MORE), keptAround("By subscribing, you agree to receive marketing"
        + " emails and accept our terms."));
    String aboutConsent = "The court found that the data had been shared without the patients' consent.";
    assertEquals(List.of(PROSE, aboutConsent, MORE), keptAround(aboutConsent));
  }

  @Test
  void anAppealForTheReadersDonationGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("Jede kleine Spende hilft den Menschen vor Ort!"));
    assertEquals(List.of(PROSE, MORE), keptAround("Unterstütze das Magazin bereits mit 2,50 Euro!"));
    assertEquals(List.of(PROSE, MORE), keptAround("Wesprzyj nas darowizną lub przekaż nam 1% podatku."));
    String aboutDonations = "Die Firma hat dem Verein eine Spende von 5000 Euro übergeben.";
    assertEquals(List.of(PROSE, aboutDonations, MORE), keptAround(aboutDonations));
  }

  @Test
  void aCallToWriteToTheEditorsGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("Submit your letter to the editor via this form."));
    assertEquals(List.of(PROSE, MORE), keptAround("Bei Fragen und Anregungen zu diesem Artikel können"
        + " Sie hier mit uns in Kontakt treten."));
    assertEquals(List.of(PROSE, MORE), keptAround("Si vous souhaitez critiquer cet article, vous êtes"
        + " invité à proposer un texte au comité de rédaction."));
    String aboutALetter = "In a letter to the council, residents asked for a crossing near the school.";
    assertEquals(List.of(PROSE, aboutALetter, MORE), keptAround(aboutALetter));
  }

  @Test
  void aNoticeOfThePrintIssueGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("Dieser Beitrag stammt aus Ausgabe 7/2019 des"
        + " Magazins. Das Heft ist ab dem 20. Juni im Handel erhältlich."));
    assertEquals(List.of(PROSE, MORE), keptAround("Alles Gute zum neuen Jahr & viel Spaß mit der neuen"
        + " Ausgabe!"));
    String aboutAnIssue = "The first issue of the paper sold out within hours, its editor said.";
    assertEquals(List.of(PROSE, aboutAnIssue, MORE), keptAround(aboutAnIssue));
  }

  @Test
  void aCallToSubscribeToTheSitesFeedGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("Subscribe to this blog's feed"));
    assertEquals(List.of(PROSE, MORE), keptAround("RSS Feed or, Subscribe via Email"));
    assertEquals(List.of(PROSE, MORE), keptAround("Sign up for free email updates and win a prize!"));
    String aboutFeeds = "Readers who subscribe to the feed of the council's minutes get them a day"
        + " early, and can read every motion before the vote, which the mayor said was the whole point"
        + " of the change.";
    assertEquals(List.of(PROSE, aboutFeeds, MORE), keptAround(aboutFeeds));
  }
}
