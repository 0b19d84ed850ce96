package org.newsarc.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarc.extractor.Article;
import org.newsarc.extractor.PageType;

/** The catalog records the page type the extractor chose for every article row. */
class CatalogPageTypeTest {

  private static final Instant T = Instant.parse("2024-05-01T00:00:00Z");

  @TempDir
  Path dir;

  @Test
  void storesThePageTypeLabel() throws Exception {
    Path db = dir.resolve("newsarc.db");
    try (Catalog catalog = Catalog.open(db)) {
      add(catalog, "https://example.org/world/", Article.newBuilder("https://example.org/world/")
          .pageType(PageType.HUB).articleSignal(0.1).build());
      add(catalog, "https://example.org/a.html", Article.newBuilder("https://example.org/a.html")
          .text("Body.").articleSignal(0.9).build());
    }
    List<String> types = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("SELECT page_type FROM articles ORDER BY id")) {
      while (rs.next()) {
        types.add(rs.getString(1));
      }
    }
    assertEquals(List.of("hub", "article"), types);
  }

  private static void add(Catalog catalog, String url, Article a) throws Exception {
    long id = catalog.addCapture(new CaptureRow(url, url, T, 200, "text/html", "127.0.0.1", null,
        new StoredCapture("x.warc.gz", 0, 10, "<urn:uuid:" + java.util.UUID.randomUUID() + ">",
            "sha1:AAAA", T, false)));
    catalog.addArticle(id, a, "test", T);
  }
}
