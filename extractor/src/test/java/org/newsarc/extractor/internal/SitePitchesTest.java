package org.newsarc.extractor.internal;

import static org.newsarc.extractor.internal.ArticleLines.assertGoes;
import static org.newsarc.extractor.internal.ArticleLines.assertStays;

import org.junit.jupiter.api.Test;

class SitePitchesTest {

  @Test
  void aCallToSignUpForTheNewsletterGoes() {
    assertGoes("Get the best of the Gazette delivered to your inbox"
        + " every morning.");
    assertGoes("Lust auf mehr? Lass dir die besten Storys jede Woche"
        + " in deinen Posteingang liefern. Melde dich hier für unseren Newsletter an!");
    assertGoes("Sie möchten mehr davon? Schauen Sie mal in unseren"
        + " Musiknewsletter!");
    String aboutNewsletters = "Twelve people signed up for my newsletter last week, and I did nothing"
        + " to welcome them.";
    assertStays(aboutNewsletters);
  }

  @Test
  void aNoticeThatTheTextIsForSubscribersGoes() {
    assertGoes("To view the full story, please subscribe to the"
        + " Gazette. You can choose an annual subscription or a weekly pass.");
    assertGoes("If you’re seeing this message but you’re already a"
        + " subscriber, you can log in for immediate access to this story.");
    assertGoes("Nur für Vereins-Mitglieder");
    assertGoes("Die aktuelle Ausgabe jetzt an jedem Kiosk, im Abo"
        + " und als e-Paper erhältlich.");
    String aboutSubscriptions = "Subscribers to the streaming service pay twice what they did in 2020.";
    assertStays(aboutSubscriptions);
  }

  @Test
  void aCallToFollowTheSitesChannelsGoes() {
    assertGoes("¿Ya sabías que tenemos canal de Telegram? Únete"
        + " desde tu celular en este enlace de invitación.");
    assertGoes("¡Mira lo que tiene nuestro canal de YouTube!");
    assertGoes("Get the latest news straight to your phone with"
        + " the Gazette app.");
    assertGoes("Follow us on Telegram, Facebook, Instagram and"
        + " YouTube for the latest news.");
    String byline = "Follow Jane Roe on Twitter at @janeroe.";
    assertStays(byline);
  }

  @Test
  void aPromptForTheReadersConsentGoes() {
    assertGoes("Wir respektieren deine Privatsphäre und stellen"
        + " deshalb ohne dein Einverständnis keine Verbindung zu Twitter her.");
    assertGoes("I agree my information will be"
        + " processed in accordance with the privacy policy.");
    assertGoes("By subscribing, you agree to receive marketing"
        + " emails and accept our terms.");
    String aboutConsent = "The court found that the data had been shared without the patients' consent.";
    assertStays(aboutConsent);
  }

  @Test
  void anAppealForTheReadersDonationGoes() {
    assertGoes("Jede kleine Spende hilft den Menschen vor Ort!");
    assertGoes("Unterstütze das Magazin bereits mit 2,50 Euro!");
    assertGoes("Wesprzyj nas darowizną lub przekaż nam 1% podatku.");
    String aboutDonations = "Die Firma hat dem Verein eine Spende von 5000 Euro übergeben.";
    assertStays(aboutDonations);
  }

  @Test
  void aCallToWriteToTheEditorsGoes() {
    assertGoes("Submit your letter to the editor via this form.");
    assertGoes("Bei Fragen und Anregungen zu diesem Artikel können"
        + " Sie hier mit uns in Kontakt treten.");
    assertGoes("Si vous souhaitez critiquer cet article, vous êtes"
        + " invité à proposer un texte au comité de rédaction.");
    String aboutALetter = "In a letter to the council, residents asked for a crossing near the school.";
    assertStays(aboutALetter);
  }

  @Test
  void aNoticeOfThePrintIssueGoes() {
    assertGoes("Dieser Beitrag stammt aus Ausgabe 7/2019 des"
        + " Magazins. Das Heft ist ab dem 20. Juni im Handel erhältlich.");
    assertGoes("Alles Gute zum neuen Jahr & viel Spaß mit der neuen"
        + " Ausgabe!");
    String aboutAnIssue = "The first issue of the paper sold out within hours, its editor said.";
    assertStays(aboutAnIssue);
  }

  @Test
  void aCallToSubscribeToTheSitesFeedGoes() {
    assertGoes("Subscribe to this blog's feed");
    assertGoes("RSS Feed or, Subscribe via Email");
    assertGoes("Sign up for free email updates and win a prize!");
    String aboutFeeds = "Readers who subscribe to the feed of the council's minutes get them a day"
        + " early, and can read every motion before the vote, which the mayor said was the whole point"
        + " of the change.";
    assertStays(aboutFeeds);
  }
}
