package org.newsarc.extractor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ContentFinderTest {

  private static String paragraph(String topic) {
    StringBuilder p = new StringBuilder();
    while (p.length() < 300) {
      p.append("Our technicians look after the ").append(topic)
          .append(" of gyms and studios across the region, on site and on time. ");
    }
    return p.toString();
  }

  /**
   * A service page stacks its sections: one opens with a paragraph over a long list of what
   * the service covers (short lines, not prose), the next is all paragraphs. The page's content
   * is both sections; the list's lines weigh against the wrapper, but not so much that the
   * all-prose section alone wins.
   */
  @Test
  void aSectionWithALongListStaysBesideTheProseSection() {
    StringBuilder list = new StringBuilder("<ul>");
    for (int i = 10; i < 76; i++) {
      list.append("<li>Equipment item no. ").append(i).append("</li>");
    }
    list.append("</ul>");
    Document doc = Jsoup.parse("<html><body><div id=page>"
        + "<section id=covered><p>" + paragraph("treadmills") + "</p>" + list + "</section>"
        + "<section id=how><p>" + paragraph("bikes") + "</p><p>" + paragraph("rowers")
        + "</p></section></div></body></html>");
    TextStats stats = TextStats.of(doc.body());
    ContentFinder.Choice choice = ContentFinder.find(doc.body(), stats, new ClassHints());
    assertEquals("page", choice.element().id(),
        "noise " + (stats.get(doc.getElementById("page")).text()
            - stats.get(doc.getElementById("page")).prose()));
  }
}
