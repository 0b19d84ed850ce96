package org.newsarc.crawler.daemon;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.newsarc.archive.Catalog;
import org.newsarc.crawler.frontier.Frontier;

/**
 * Group commit for the catalog: the captures that workers finish at about the same time go
 * into one SQLite transaction, each in a savepoint of its own. One submitter at a time commits
 * for everyone waiting (as {@link org.newsarc.archive.WarcArchive} forces its file once for the
 * records appended meanwhile); the others wait, and {@link #commit} returns only once the
 * transaction holding the caller's work is committed, so whatever a caller does next
 * (acknowledging a lease's outcome, telling an observer) happens after its rows are durable.
 *
 * <p>A work that fails on its own data (a runtime error, or a value SQLite refuses) has its
 * savepoint rolled back: its rows go, the others' commit. A failure of the storage (the disk
 * is full, an I/O error, the commit fails) fails every work of the group with the same error
 * and commits none. A group waits for more work at most
 * {@code maxWait}, and only while a worker announced by {@link #expect} has yet to submit and
 * fewer than {@code maxBatch} works are waiting. Thread-safe.
 */
final class CommitGroup {
  /**
   * A work that was rolled back alone because SQLite refused its data (a constraint, a value
   * too big or of the wrong type); the rest of its group committed.
   */
  static final class Rejected extends IOException {
    Rejected(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * A worker's announcement that it will submit a work soon (it is processing a response).
   * Closing it without submitting withdraws the announcement; closing twice does nothing.
   */
  final class Expected implements AutoCloseable {
    private boolean open = true;

    /** Submits {@code work}, as {@link CommitGroup#commit}, ending the announcement. */
    <T> T commit(Frontier.Work<T> work) throws IOException {
      if (!open) {
        throw new IllegalStateException("this announcement was already used");
      }
      open = false;
      return CommitGroup.this.submit(work, true);
    }

    @Override
    public void close() {
      if (open) {
        open = false;
        withdraw();
      }
    }
  }

  private static final class Item<T> {
    final Frontier.Work<T> work;
    T value;
    Throwable failure;
    boolean done;

    Item(Frontier.Work<T> work) {
      this.work = work;
    }
  }

  private final Frontier frontier;
  private final Catalog catalog;
  private final int maxBatch;
  private final long maxWaitNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  /**
   * Submitters wait on it for their work's group to be committed; guards {@link #committing}
   * and the works' outcomes once they are done.
   */
  private final Object committer = new Object();
  /** Whether a submitter is committing a group now. Guarded by committer. */
  private boolean committing;
  private final AtomicLong groups = new AtomicLong();
  private final AtomicLong works = new AtomicLong();
  private final AtomicLong cpuNanos = new AtomicLong();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private List<Item<?>> pending = new ArrayList<>();
  private int expected;

  /**
   * @param maxBatch the most works in one transaction (at least 1)
   * @param maxWaitMillis how long a group may wait for announced work, in milliseconds
   */
  CommitGroup(Frontier frontier, Catalog catalog, int maxBatch, long maxWaitMillis) {
    if (maxBatch < 1 || maxWaitMillis < 0) {
      throw new IllegalArgumentException("maxBatch must be >= 1 and maxWait >= 0, not "
          + maxBatch + ", " + maxWaitMillis);
    }
    this.frontier = frontier;
    this.catalog = catalog;
    this.maxBatch = maxBatch;
    this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
  }

  /** Announces a work to come, so that a group about to commit may wait for it. */
  Expected expect() {
    lock.lock();
    try {
      expected++;
    } finally {
      lock.unlock();
    }
    return new Expected();
  }

  /**
   * Runs {@code work} in a savepoint of the next group transaction and returns its result once
   * that transaction is committed; throws what the work threw (a refused value as
   * {@link Rejected}), or the transaction's failure, after which none of its rows exist.
   */
  <T> T commit(Frontier.Work<T> work) throws IOException {
    return submit(work, false);
  }

  /** Transactions committed so far. */
  long groups() {
    return groups.get();
  }

  /**
   * CPU time spent in group transactions so far (their rows and commits), in nanoseconds; 0
   * where the JVM cannot measure a thread's CPU time.
   */
  long cpuNanos() {
    return cpuNanos.get();
  }

  /** Works committed or rolled back so far. */
  long works() {
    return works.get();
  }

  private void withdraw() {
    lock.lock();
    try {
      expected--;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private <T> T submit(Frontier.Work<T> work, boolean announced) throws IOException {
    if (Thread.holdsLock(catalog)) {
      // Called inside a transaction this thread already holds: join it, as Frontier does.
      if (announced) {
        withdraw();
      }
      return frontier.transaction(work);
    }
    Item<T> item = new Item<>(work);
    lock.lock();
    try {
      if (announced) {
        expected--;
      }
      pending.add(item);
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
    // One submitter at a time commits a group, outside the monitor, so that those whose work
    // it held return as soon as it ends instead of queueing behind the next group's commit. A
    // full group may leave this work for the next one: commit until it is done.
    while (true) {
      synchronized (committer) {
        boolean interrupted = false;
        while (!item.done && committing) {
          try {
            committer.wait();
          } catch (InterruptedException e) {
            interrupted = true; // the work is in a group already: its outcome must be known
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        if (item.done) {
          break;
        }
        committing = true;
      }
      try {
        commitGroup(gather());
      } catch (IOException | RuntimeException | Error e) {
        // The failure is recorded on the works of that group, and this submitter's own work
        // may not be among them (a full group leaves it for the next): its outcome is read
        // below once its own group is done, never taken from another group.
      } finally {
        synchronized (committer) {
          committing = false;
          committer.notifyAll();
        }
      }
    }
    return outcome(item);
  }

  /** Takes the waiting works, first waiting a little for announced ones. */
  private List<Item<?>> gather() {
    lock.lock();
    try {
      long left = maxWaitNanos;
      while (pending.size() < maxBatch && expected > 0 && left > 0) {
        try {
          left = arrived.awaitNanos(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (pending.size() <= maxBatch) {
        List<Item<?>> batch = pending;
        pending = new ArrayList<>();
        return batch;
      }
      // The rest wait for the next group: their submitters find their work not done.
      List<Item<?>> batch = new ArrayList<>(pending.subList(0, maxBatch));
      pending = new ArrayList<>(pending.subList(maxBatch, pending.size()));
      return batch;
    } finally {
      lock.unlock();
    }
  }

  private void commitGroup(List<Item<?>> batch) throws IOException {
    long cpuBefore = cpuTime();
    try {
      frontier.transaction(() -> {
        Connection db = catalog.connection();
        for (Item<?> item : batch) {
          runInSavepoint(catalog, db, item);
        }
        CrashPoint.reached("group-commit");
        return null;
      });
      groups.incrementAndGet();
    } catch (IOException | RuntimeException | Error e) {
      catalog.rolledBack();
      for (Item<?> item : batch) {
        item.failure = e;
      }
      throw e;
    } finally {
      cpuNanos.addAndGet(Math.max(0, cpuTime() - cpuBefore));
      works.addAndGet(batch.size());
      for (Item<?> item : batch) {
        item.done = true;
      }
    }
  }

  private long cpuTime() {
    return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
  }

  private static <T> void runInSavepoint(Catalog catalog, Connection db, Item<T> item)
      throws IOException, SQLException {
    Savepoint sp = db.setSavepoint();
    try {
      item.value = item.work.run();
    } catch (IOException | SQLException | RuntimeException e) {
      if (!(e instanceof RuntimeException) && !refusedData(e)) {
        // The storage failed (the disk is full, an I/O error), not this work's data: the
        // whole group fails with this error and commits nothing.
        throw e;
      }
      try {
        db.rollback(sp);
        db.releaseSavepoint(sp);
        catalog.rolledBack();
      } catch (SQLException gone) {
        // SQLite ended the whole transaction: every work of the group fails with this error.
        e.addSuppressed(gone);
        throw e;
      }
      item.failure = e instanceof RuntimeException ? e
          : new Rejected("the catalog refused this capture's rows: " + e.getMessage(), e);
      return;
    }
    db.releaseSavepoint(sp);
  }

  /** True when SQLite refused a value or a row, not the storage: a constraint, size or type. */
  private static boolean refusedData(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s) {
        int primary = s.getErrorCode() & 0xff;
        return primary == 19 || primary == 20 || primary == 18 || primary == 25;
      }
    }
    return false;
  }

  private static <T> T outcome(Item<T> item) throws IOException {
    Throwable f = item.failure;
    if (f == null) {
      return item.value;
    }
    if (f instanceof IOException e) {
      // A new exception per waiter: each stack says where it waited; the cause says why.
      throw e instanceof Rejected r ? r : withCause(e);
    }
    if (f instanceof RuntimeException e) {
      throw e;
    }
    if (f instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(f);
  }

  private static IOException withCause(IOException e) {
    return new IOException(e.getMessage(), e);
  }
}
