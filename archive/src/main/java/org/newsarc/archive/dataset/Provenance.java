package org.newsarc.archive.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Who crawled an archive and how, as its WARC files and catalog tell: the operator and robots
 * policy of the first file's warcinfo record, the User-Agent of its first request, and the seeds
 * the crawl frontier marks. Fields are null when the archive does not say.
 *
 * @param software the crawling software and version
 * @param operator who ran the crawl (the contact)
 * @param robots the robots.txt policy
 * @param userAgent the User-Agent sent
 * @param seeds the seed URLs (at most 100)
 */
public record Provenance(String software, String operator, String robots, String userAgent,
    List<String> seeds) {

  /** Reads what {@code warcDir} and the catalog connection {@code c} say. */
  static Provenance read(Path warcDir, Connection c) {
    String software = null;
    String operator = null;
    String robots = null;
    String agent = null;
    Optional<Path> first = firstWarc(warcDir);
    if (first.isPresent()) {
      try (WarcReader reader = new WarcReader(first.get())) {
        int seen = 0;
        for (WarcRecord r : reader) {
          if (r instanceof Warcinfo info) {
            software = info.fields().first("software").orElse(software);
            operator = info.fields().first("operator").orElse(operator);
            robots = info.fields().first("robots").orElse(robots);
          } else if (r instanceof WarcRequest req) {
            agent = req.http().headers().first("User-Agent").orElse(null);
            break;
          }
          if (++seen > 50) {
            break;
          }
        }
      } catch (IOException | RuntimeException e) {
        // a damaged file leaves these fields unknown; the card says so
      }
    }
    return new Provenance(software, operator, robots, agent, seeds(c));
  }

  private static Optional<Path> firstWarc(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches(".*\\.warc(\\.gz)?"))
          .sorted().findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static List<String> seeds(Connection c) {
    List<String> seeds = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT url FROM frontier_urls WHERE seed = 1 ORDER BY url LIMIT 100")) {
      while (rs.next()) {
        seeds.add(rs.getString(1));
      }
    } catch (SQLException e) {
      // no crawl frontier: an archive made by `archive` has no seeds beyond its URLs
    }
    return seeds;
  }
}
