package org.newsarc.extractor.internal;

import static org.newsarc.extractor.internal.ArticleLines.assertGoes;
import static org.newsarc.extractor.internal.ArticleLines.assertStays;

import org.junit.jupiter.api.Test;

class InlineNoticesTest {

  @Test
  void aServerScriptsErrorMessageIsNotText() {
    assertGoes("Warning: Creating default object from empty value"
        + " in /www/htdocs/site/wp-includes/classes.php on line 407");
    assertGoes("Deprecated: Function set_magic_quotes_runtime() is"
        + " deprecated in /var/www/wp-settings.php on line 18");
    String sentence = "Warning: the trains do not stop here on line 4 until Monday.";
    assertStays(sentence);
  }

  @Test
  void aDisclaimerThatTheTextIsItsAuthorsOpinionGoes() {
    assertGoes("The views expressed in this article are those of the"
        + " author and do not necessarily reflect the position of the publisher.");
    assertGoes("Dieser Beitrag gibt die Meinung des Autors wieder,"
        + " nicht notwendigerweise die der Redaktion.");
    assertGoes("Les opinions exprimées dans ce blog n'engagent que"
        + " leurs auteurs.");
  }

  @Test
  void aNoticeOfTheLicenceThePagesTextIsUnderGoes() {
    assertGoes("This work is licensed under a Creative Commons"
        + " Attribution-NonCommercial-ShareAlike 4.0 International License.");
    assertGoes("Dieser Text wurde veröffentlicht unter der Lizenz"
        + " CC-BY-NC-ND-4.0-DE.");
    String aboutLicences = "Creative Commons licences let authors choose which uses of their work they allow.";
    assertStays(aboutLicences);
  }

  @Test
  void aCountOfThePagesReadersGoes() {
    assertGoes("Hits: 3747");
    assertGoes("Aufrufe: 1120 | Hinzugefügt von: Posh | Tags: Denken");
    assertGoes("66 hits · Link to this article · Print article");
    String sentence = "My five posts averaged 1,277 views, more than the year before.";
    assertStays(sentence);
  }

  @Test
  void aLoneClockTimeIsATimeStampNotText() {
    assertGoes("3:59 PM");
    assertGoes("17:42 Uhr");
    assertStays("12:45 The doors open.");
  }

  @Test
  void aCaptionEndingInItsAgencysBracketedCreditGoes() {
    assertGoes("Emergency workers at the scene after the explosion on"
        + " Tuesday in Wilson, N.Y. (AP Photo/Jane Roe)");
    assertGoes("The new bridge seen from the river bank at dawn."
        + " (Photo by Jane Roe)");
    String aside = "The book holds forty plates (front picture) and a map of the valley.";
    assertStays(aside);
  }

  @Test
  void aDisclosureThatThePostIsAdvertisingGoes() {
    assertGoes("*Werbung. Dieser Beitrag enthält Werbung für eine Marke.");
    assertGoes("Anzeige, enthält Affiliate Links");
    String sentence = "Die Werbung im Fernsehen wirkt bei Kindern stärker als bei Erwachsenen.";
    assertStays(sentence);
  }

  @Test
  void aCountOfWhoIsOnlineGoes() {
    assertGoes("13 Besucher sind online");
    assertGoes("Mitglieder in diesem Forum: 0 Mitglieder und 2 Gäste");
  }

  @Test
  void aLineGivingThePagesShortAddressGoes() {
    assertGoes("Permalink: https://example.org/p/RPYx");
  }
}
