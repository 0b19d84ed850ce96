import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.newsarc.archive.Catalog;
import org.newsarc.crawler.frontier.Candidate;
import org.newsarc.crawler.frontier.Completion;
import org.newsarc.crawler.frontier.Frontier;
import org.newsarc.crawler.frontier.Lease;
import org.newsarc.crawler.frontier.QueueUpdate;
import org.newsarc.crawler.frontier.UrlKind;
import org.newsarc.crawler.frontier.UrlState;

/**
 * What the run-scoped frontier costs per URL, in CPU time of the one thread that calls it: N
 * URLs over 100 host queues are added, then each is leased, its queue's failures read (as the
 * commit path does) and completed, as a bounded run does. Four rounds, each on a new catalog;
 * the first rounds include JIT warm-up.
 *
 *   java -cp crawler/target/newsarc.jar bench/FrontierCost.java 4000
 */
public class FrontierCost {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 4; round++) {
      Path dir = Files.createTempDirectory("frontier-cost");
      try (Catalog catalog = Catalog.open(dir.resolve("newsarc.db"))) {
        Frontier frontier = Frontier.openRunScoped(catalog, 1, Clock.systemUTC());
        long t0 = cpu.getCurrentThreadCpuTime();
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
          String host = "127.0.0." + (1 + i % 100);
          frontier.add(new Candidate("http://" + host + ":8080/a" + i + ".html", host, 0, null,
              UrlKind.PAGE, 9, true, now, 0, i), Integer.MAX_VALUE, Integer.MAX_VALUE);
        }
        long t1 = cpu.getCurrentThreadCpuTime();
        for (int done = 0; done < n; ) {
          Optional<Lease> lease = frontier.lease();
          if (lease.isEmpty()) {
            Thread.sleep(1);
            continue;
          }
          frontier.failures(lease.get().queue());
          frontier.complete(lease.get(), new Completion(UrlState.DONE, Instant.now(),
              UrlKind.PAGE, 200, null, null, null, 0, false, null),
              new QueueUpdate(Instant.now(), QueueUpdate.Outcome.SUCCESS, null, false, 5));
          done++;
        }
        long t2 = cpu.getCurrentThreadCpuTime();
        System.out.printf("round %d: add %.3f ms/URL, lease + failures + complete %.3f ms/URL%n",
            round, (t1 - t0) / 1e6 / n, (t2 - t1) / 1e6 / n);
      } finally {
        try (var files = Files.list(dir)) {
          for (Path p : files.toList()) {
            Files.deleteIfExists(p);
          }
        }
        Files.deleteIfExists(dir);
      }
    }
  }
}
