package org.newsarc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AblateCommandTest {

  /** Four pages whose headline stands again at the top of the text; the gold leaves it out. */
  private static Path corpus(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("html"));
    StringBuilder gold = new StringBuilder();
    for (int page = 1; page <= 4; page++) {
      String headline = "Council votes on harbour plan number " + page;
      String p = "The council of the town voted on the plan for the harbour, which the mayor had"
          + " put forward after a long debate that lasted for most of the spring " + page + ".";
      Files.writeString(dir.resolve("html/" + page + ".html"), "<html><head><title>" + headline
          + "</title></head><body><article><h1>" + headline + "</h1><p>" + p + " One.</p><p>" + p
          + " Two.</p><p>" + p + " Three.</p></article></body></html>");
      gold.append("{\"id\":\"").append(page).append("\",\"file\":\"html/").append(page)
          .append(".html\",\"url\":\"https://example.org/").append(page).append("\",\"text\":\"")
          .append(p).append(" One.\\n\\n").append(p).append(" Two.\\n\\n").append(p)
          .append(" Three.\"}\n");
    }
    Files.writeString(dir.resolve("gold.jsonl"), gold);
    return dir;
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void measuresEachRulesGainAndScoresEachCorpusHeldOut(@TempDir Path tmp) throws IOException {
    Path one = corpus(tmp.resolve("one"));
    Path two = corpus(tmp.resolve("two"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "ablate", "--threads", "1", one.toString(), two.toString()),
        err.toString());
    String headline = Arrays.stream(out.toString().split("\n"))
        .filter(l -> l.startsWith("headline ")).findFirst().orElseThrow();
    String[] f = headline.trim().split("\\s+");
    // Without the rule the headline comes back into every page's text: both corpora lose.
    assertTrue(Double.parseDouble(f[1]) > 0 && Double.parseDouble(f[2]) > 0, headline);
    assertEquals("8", f[3], headline);
    assertTrue(out.toString().contains("held out"), out.toString());
    String heldOut = Arrays.stream(out.toString().split("\n"))
        .filter(l -> l.startsWith("one ") && l.contains("strict")).findFirst().orElseThrow();
    assertTrue(heldOut.contains("comment-thread"), "rules no corpus moves are not chosen: " + heldOut);
    assertTrue(!heldOut.contains("headline"), "the other corpus chooses the headline rule: " + heldOut);
  }

  @Test
  void refusesBadArgumentsSayingWhatIsWrong(@TempDir Path tmp) throws IOException {
    Path one = corpus(tmp.resolve("one"));
    StringWriter err = new StringWriter();
    assertEquals(2, run(new StringWriter(), err, "ablate", one.toString()));
    assertTrue(err.toString().contains("at least two corpus folders"), err.toString());
    err = new StringWriter();
    assertEquals(2, run(new StringWriter(), err, "ablate", one.toString(), tmp.toString()));
    assertTrue(err.toString().contains(tmp + " has no gold.jsonl"), err.toString());
    err = new StringWriter();
    assertEquals(2, run(new StringWriter(), err, "eval", "--without-rules", "headline,nosuch",
        one.toString()));
    assertTrue(err.toString().contains("no extraction rule named 'nosuch'"), err.toString());
    err = new StringWriter();
    assertEquals(2, run(new StringWriter(), err, "extract", "--without-rules", "nosuch",
        one.resolve("html/1.html").toString()));
    assertTrue(err.toString().contains("no extraction rule named 'nosuch'"), err.toString());
  }

  @Test
  void listsTheRulesAndEvalSwitchesThemOff(@TempDir Path tmp) throws IOException {
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, new StringWriter(), "ablate", "--list"));
    assertTrue(out.toString().contains("headline"), out.toString());
    assertTrue(out.toString().contains("[named by the issue]"), out.toString());
    Path one = corpus(tmp.resolve("one"));
    StringWriter on = new StringWriter();
    StringWriter off = new StringWriter();
    assertEquals(0, run(on, new StringWriter(), "eval", one.toString()));
    assertEquals(0, run(off, new StringWriter(), "eval", "--without-rules", "headline",
        one.toString()));
    assertTrue(!on.toString().equals(off.toString()), on + "\n" + off);
  }
}
