package org.newsarc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainBlocksCommandTest {

  private static void corpus(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("html"));
    StringBuilder gold = new StringBuilder();
    for (int page = 1; page <= 4; page++) {
      String p = "Paragraph of story " + page + " tells how the council of the town voted on the"
          + " plan for the harbour, which the mayor had put forward after a long debate.";
      String teaser = "<div class=box><a href=/x>Residents complain</a> about the noise from the"
          + " building site near the station as work goes on late.</div>";
      Files.writeString(dir.resolve("html/" + page + ".html"), "<html><body><article><p>" + p
          + " One.</p>" + teaser + "<p>" + p + " Two.</p><p>" + p + " Three.</p></article></body></html>");
      gold.append("{\"id\":\"").append(page).append("\",\"file\":\"html/").append(page)
          .append(".html\",\"url\":\"https://example.org/").append(page).append("\",\"text\":\"")
          .append(p).append(" One.\\n\\n").append(p).append(" Two.\\n\\n").append(p)
          .append(" Three.\"}\n");
    }
    Files.writeString(dir.resolve("gold.jsonl"), gold);
  }

  private static int run(StringWriter out, String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
  }

  @Test
  void trainsLeaveOneOutModelsThatEvalReads(@TempDir Path tmp) throws IOException {
    corpus(tmp.resolve("one"));
    corpus(tmp.resolve("two"));
    Path model = tmp.resolve("m.txt");
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, "train-blocks", "--leave-one-out", "--kind", "logistic",
        tmp.resolve("two").toString(), tmp.resolve("one").toString(), "--out", model.toString()));
    assertTrue(Files.readString(model).startsWith("newsarc-block-model 1"), out.toString());
    assertTrue(Files.exists(tmp.resolve("m-without-one.txt")));
    assertTrue(Files.exists(tmp.resolve("m-without-two.txt")));
    StringWriter eval = new StringWriter();
    assertEquals(0, run(eval, "eval", "--block-model", model.toString(), tmp.resolve("one").toString()));
    assertTrue(eval.toString().contains("text_f1"), eval.toString());
    Files.writeString(tmp.resolve("bad.txt"), "not a model\n");
    assertEquals(2, run(new StringWriter(), "eval", "--block-model", tmp.resolve("bad.txt").toString(),
        tmp.resolve("one").toString()));
  }
}
