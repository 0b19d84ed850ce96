package org.newsarc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsarc.crawler.demo.DemoSite;
import org.newsarc.testing.WarcFiles;

/** {@code newsarc demo} archives every seed-like article page, offline. */
class DemoCommandTest {
  Path out;

  @Test
  void demoStoresOneArticlePerSeedPage() throws Exception {
    out = WarcFiles.keptFolder("demo");
    List<String> linked;
    try (DemoSite site = DemoSite.start()) {
      linked = site.articleUrls();
    }
    List<String> pages = linked.stream().filter(u -> !u.contains("/private/")).toList();
    assertTrue(pages.size() >= 10, "the demo site links at least ten article pages: " + pages);
    assertEquals(1, linked.size() - pages.size(), "one linked page is disallowed by robots.txt");

    StringWriter o = new StringWriter();
    int exit = Main.run(new PrintWriter(o), new PrintWriter(new StringWriter()),
        "demo", "--out", out.toString(), "--delay", "0");
    assertEquals(0, exit, o.toString());
    assertTrue(o.toString().contains("Archived " + pages.size() + " of " + linked.size()),
        o.toString());
    assertTrue(o.toString().contains("robots: disallowed by robots.txt"), o.toString());

    WarcFiles.assertValid(out.resolve("warcs"));
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("newsarc.db"));
        Statement st = db.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT count(*), min(word_count) FROM articles")) {
        assertEquals(pages.size(), rs.getInt(1));
        assertTrue(rs.getInt(2) > 100, "every seed article has its text extracted");
      }
      try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT url) FROM articles")) {
        assertEquals(pages.size(), rs.getInt(1));
      }
    }
  }
}
