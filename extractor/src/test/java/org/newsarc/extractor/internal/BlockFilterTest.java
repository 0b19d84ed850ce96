package org.newsarc.extractor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

class BlockFilterTest {

  private static final String PROSE = "The council voted on Tuesday to approve the new plan after a long "
      + "debate that lasted well into the night, and the mayor said the work would start in spring.";

  private static TextBlock p(String text) {
    return new TextBlock(text, Blocks.Kind.PARAGRAPH, 0, false);
  }

  private static List<String> kept(List<TextBlock> blocks) {
    return BlockFilter.filter(blocks, "Council approves plan", true).stream().map(TextBlock::text).toList();
  }

  @Test
  void aParagraphThePageRepeatsIsKeptOnce() {
    String other = "Work on the bus lanes starts in March and is to be finished before the summer holidays begin.";
    assertEquals(List.of(PROSE, other), kept(List.of(p(PROSE), p(other), p(PROSE))));
  }

  @Test
  void theHeadlineRepeatedFurtherDownGoes() {
    TextBlock headline = new TextBlock("Council approves plan", Blocks.Kind.HEADING, 0, false);
    assertEquals(List.of(PROSE, PROSE + " Two."), kept(List.of(headline, p(PROSE), headline, p(PROSE + " Two."))));
  }

  @Test
  void shortRepeatedLinesAreNotFolded() {
    String line = "Yes.";
    assertEquals(List.of(PROSE, line, PROSE + " More.", line, PROSE + " Again."),
        kept(List.of(p(PROSE), p(line), p(PROSE + " More."), p(line), p(PROSE + " Again."))));
  }

  @Test
  void aListOfLinksThatASentenceIntroducesIsKept() {
    String a = "libgccjit: Add support for the weak variable attribute";
    String b = "libgccjit: Fix volatile loads and stores";
    TextBlock linkA = new TextBlock(a, Blocks.Kind.PARAGRAPH, a.length(), true);
    TextBlock linkB = new TextBlock(b, Blocks.Kind.PARAGRAPH, b.length(), true);
    String intro = "Many patches were sent for review:";
    assertEquals(List.of(PROSE, intro, a, b, PROSE + " Two."),
        kept(List.of(p(PROSE), p(intro), linkA, linkB, p(PROSE + " Two."))));
    // Without the sentence, or after a paragraph in between, the links are a link list.
    assertEquals(List.of(PROSE, PROSE + " Two."),
        kept(List.of(p(PROSE), linkA, linkB, p(PROSE + " Two."))));
    assertEquals(List.of(PROSE, intro, PROSE + " Two.", PROSE + " Three."),
        kept(List.of(p(PROSE), p(intro), p(PROSE + " Two."), linkA, linkB, p(PROSE + " Three."))));
  }

  @Test
  void legalSmallPrintGoesEvenWhenLong() {
    String legal = "Example.com is the official web site of the Example League. Example, the Example"
        + " Shield, the word mark and image of the Example Cup and the Example Classic name and logo"
        + " are registered trademarks of the Example League. All Example logos and marks and team"
        + " logos and marks depicted herein are the property of the League and the respective teams"
        + " and may not be reproduced without the prior written consent of Example Enterprises."
        + " Copyright 2012 Example Enterprises, L.P. All Rights Reserved.";
    assertEquals(List.of(PROSE, PROSE + " Two."), kept(List.of(p(PROSE), p(legal), p(PROSE + " Two."))));
    // One mention of a trademark in a long paragraph is the article's own subject.
    String story = PROSE + " The league said the Example Shield is a registered trademark and that"
        + " it would defend it in court against the makers of the copies sold outside the arena.";
    assertEquals(List.of(PROSE, story), kept(List.of(p(PROSE), p(story))));
  }

  @Test
  void linkedSummariesCutOffWithAnEllipsisAreTeasersWhenRepeated() {
    String teaser = "Die Zusatzbuchstaben GTI des VW Golf sind seit jeher Garant für dynamische Fortbewegung. War ...";
    String other = "Der neue Kleinwagen fährt elektrisch und kommt im Herbst zu den Händlern, sagt der Hersteller …";
    TextBlock linked = new TextBlock(teaser, Blocks.Kind.PARAGRAPH, 30, false);
    TextBlock linkedOther = new TextBlock(other, Blocks.Kind.PARAGRAPH, 30, false);
    assertEquals(List.of(PROSE, PROSE + " Two."),
        kept(List.of(p(PROSE), linked, p(PROSE + " Two."), linkedOther)));
    // One alone is a sentence of the article with a link in it, trailing off.
    assertEquals(List.of(PROSE, teaser, PROSE + " Two."), kept(List.of(p(PROSE), linked, p(PROSE + " Two."))));
    // Without a link it is the author's own trailing off and stays.
    assertEquals(List.of(PROSE, teaser, PROSE + " Two.", other),
        kept(List.of(p(PROSE), p(teaser), p(PROSE + " Two."), p(other))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Roman Prymula, photo: Archives du Gouvernement tchèque",
      "Golf im TV: Die Übertragungszeiten der großen Turniere im Überblick. (Foto: Getty)",
      "Son tres los periodos de vacaciones durante el año escolar. Foto: Andina"})
  void aCaptionEndingInItsPictureCreditGoes(String caption) {
    assertDroppedBetweenProse(caption);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Enjoyed this piece? We need your help to keep publishing.",
      "If you enjoyed reading this post, would you consider supporting our work? Thanks!",
      "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS"})
  void anAppealForTheReadersSupportIsNotArticleText(String appeal) {
    assertDroppedBetweenProse(appeal);
    // Outside articles (a charity's landing page) the appeal is the page's own text.
    assertEquals(List.of(PROSE, appeal, PROSE + " Two."), BlockFilter.filter(
        List.of(p(PROSE), p(appeal), p(PROSE + " Two.")), "Council approves plan", false)
        .stream().map(TextBlock::text).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"TrackBack URL for this entry:",
      "You can follow any responses to this entry through the RSS 2.0 feed. You can leave one.",
      "You may use these HTML tags and attributes: <a href=\"\" title=\"\"> <b> <blockquote>",
      "RSS feed for comments on this post. TrackBack URI"})
  void blogEngineCommentFormNoticesGo(String notice) {
    assertDroppedBetweenProse(notice);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Verwandte Beiträge", "Zobacz także", "Schlagworte", "Audios et vidéos sur le sujet"})
  void aPointerSectionGoesWithItsLinks(String heading) {
    TextBlock h = new TextBlock(heading, Blocks.Kind.HEADING, 0, false);
    TextBlock link = new TextBlock("Another story from the same town", Blocks.Kind.LIST_ITEM, 32, true);
    assertEquals(List.of(PROSE, "Next part", PROSE + " Two."), kept(List.of(p(PROSE), h, link, link,
        new TextBlock("Next part", Blocks.Kind.HEADING, 0, false), p(PROSE + " Two."))));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.",
      "You must be logged in to post a comment.",
      "E-Mail (wird benötigt und nicht veröffentlicht)",
      "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.",
      "Never miss the latest news by signing up to our newsletter today!",
      "Zachęcamy do regularnych odwiedzin naszej strony. Informujemy, że korzystamy z cookies.",
      "Abbildung 4: klassische Schwachschicht.",
      "Fig. 2: The model against the measurements.",
      "We buy all the products we test. If you purchase through our links, we may earn a commission.",
      "Written by:"})
  void furnitureAndCaptionsGo(String line) {
    assertEquals(List.of(PROSE, PROSE + " Two."), kept(List.of(p(PROSE), p(line), p(PROSE + " Two."))));
  }

  @Test
  void aNumberedFigureCaptionOfSeveralSentencesGoes() {
    assertDroppedBetweenProse("Abbildung 4: klassische Schwachschicht. Der Unterschied in der "
        + "Kornform und der Struktur der Schicht gegenüber der oberen und unteren ist klar "
        + "ersichtlich, die Körner sind größer und kantig.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bild anzeigen Bild schließen",
      "Vergrößern Eine kleine runde Aussparung für die Kamera im Display des neuen Telefons."})
  void pictureViewerControlsAndTheCaptionsUnderThemGo(String block) {
    assertDroppedBetweenProse(block);
  }

  /** {@code block} between two paragraphs of an article's prose is left out. */
  private static void assertDroppedBetweenProse(String block) {
    assertEquals(List.of(PROSE, PROSE + " Two."),
        kept(List.of(p(PROSE), p(block), p(PROSE + " Two."))), block);
  }
}
