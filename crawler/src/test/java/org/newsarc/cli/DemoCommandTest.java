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
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.crawler.demo.DemoSite;
import org.newsarc.testing.WarcFiles;

/** {@code newsarc demo} archives every seed-like article page, offline. */
class DemoCommandTest {
  @TempDir Path out;

  @Test
  void demoStoresOneArticlePerSeedPage() throws Exception {
    List<String> pages;
    try (DemoSite site = DemoSite.start()) {
      pages = site.articleUrls();
    }
    assertTrue(pages.size() >= 10, "the demo site links at least ten article pages: " + pages);

    StringWriter o = new StringWriter();
    int exit = Main.run(new PrintWriter(o), new PrintWriter(new StringWriter()),
        "demo", "--out", out.toString(), "--delay", "0");
    assertEquals(0, exit, o.toString());
    assertTrue(o.toString().contains("Archived " + pages.size() + " of " + pages.size()), o.toString());

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
