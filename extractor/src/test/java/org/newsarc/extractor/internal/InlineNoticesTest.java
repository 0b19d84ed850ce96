package org.newsarc.extractor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

class InlineNoticesTest {

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
  void aServerScriptsErrorMessageIsNotText() {
    assertEquals(List.of(PROSE, MORE), keptAround("Warning: Creating default object from empty value"
        + " in /www/htdocs/site/wp-includes/classes.php on line 407"));
    assertEquals(List.of(PROSE, MORE), keptAround("Deprecated: Function set_magic_quotes_runtime() is"
        + " deprecated in /var/www/wp-settings.php on line 18"));
    String sentence = "Warning: the trains do not stop here on line 4 until Monday.";
    assertEquals(List.of(PROSE, sentence, MORE), keptAround(sentence));
  }

  @Test
  void aDisclaimerThatTheTextIsItsAuthorsOpinionGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("The views expressed in this article are those of the"
        + " author and do not necessarily reflect the position of the publisher."));
    assertEquals(List.of(PROSE, MORE), keptAround("Dieser Beitrag gibt die Meinung des Autors wieder,"
        + " nicht notwendigerweise die der Redaktion."));
    assertEquals(List.of(PROSE, MORE), keptAround("Les opinions exprimées dans ce blog n'engagent que"
        + " leurs auteurs."));
  }

  @Test
  void aNoticeOfTheLicenceThePagesTextIsUnderGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("This work is licensed under a Creative Commons"
        + " Attribution-NonCommercial-ShareAlike 4.0 International License."));
    assertEquals(List.of(PROSE, MORE), keptAround("Dieser Text wurde veröffentlicht unter der Lizenz"
        + " CC-BY-NC-ND-4.0-DE."));
    String aboutLicences = "Creative Commons licences let authors choose which uses of their work they allow.";
    assertEquals(List.of(PROSE, aboutLicences, MORE), keptAround(aboutLicences));
  }

  @Test
  void aCountOfThePagesReadersGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("Hits: 3747"));
    assertEquals(List.of(PROSE, MORE), keptAround("Aufrufe: 1120 | Hinzugefügt von: Posh | Tags: Denken"));
    assertEquals(List.of(PROSE, MORE), keptAround("66 hits · Link to this article · Print article"));
    String sentence = "My five posts averaged 1,277 views, more than the year before.";
    assertEquals(List.of(PROSE, sentence, MORE), keptAround(sentence));
  }

  @Test
  void aLoneClockTimeIsATimeStampNotText() {
    assertEquals(List.of(PROSE, MORE), keptAround("3:59 PM"));
    assertEquals(List.of(PROSE, MORE), keptAround("17:42 Uhr"));
    assertEquals(List.of(PROSE, "12:45 The doors open.", MORE), keptAround("12:45 The doors open."));
  }

  @Test
  void aCaptionEndingInItsAgencysBracketedCreditGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("Emergency workers at the scene after the explosion on"
        + " Tuesday in Wilson, N.Y. (AP Photo/Jane Roe)"));
    assertEquals(List.of(PROSE, MORE), keptAround("The new bridge seen from the river bank at dawn."
        + " (Photo by Jane Roe)"));
    String aside = "The book holds forty plates (front picture) and a map of the valley.";
    assertEquals(List.of(PROSE, aside, MORE), keptAround(aside));
  }

  @Test
  void aDisclosureThatThePostIsAdvertisingGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("*Werbung. Dieser Beitrag enthält Werbung für eine Marke."));
    assertEquals(List.of(PROSE, MORE), keptAround("Anzeige, enthält Affiliate Links"));
    String sentence = "Die Werbung im Fernsehen wirkt bei Kindern stärker als bei Erwachsenen.";
    assertEquals(List.of(PROSE, sentence, MORE), keptAround(sentence));
  }

  @Test
  void aCountOfWhoIsOnlineGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("13 Besucher sind online"));
    assertEquals(List.of(PROSE, MORE), keptAround("Mitglieder in diesem Forum: 0 Mitglieder und 2 Gäste"));
  }

  @Test
  void aLineGivingThePagesShortAddressGoes() {
    assertEquals(List.of(PROSE, MORE), keptAround("Permalink: https://example.org/p/RPYx"));
  }
}
