package org.newsarc.spark.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Adds up what the tasks of a Spark application spent: their run time, CPU time and the garbage
 * collection inside it, as the executors measure them. Beside the job's wall time and its cores
 * this shows how much of the job ran in parallel (the rest is driver work or idle cores). Spark
 * posts task ends asynchronously: read the totals after the session has stopped, which delivers
 * every event. Thread-safe.
 */
public final class TaskTimes extends SparkListener {
  private final AtomicLong tasks = new AtomicLong();
  private final AtomicLong runMillis = new AtomicLong();
  private final AtomicLong cpuNanos = new AtomicLong();
  private final AtomicLong gcMillis = new AtomicLong();

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    TaskMetrics m = end.taskMetrics();
    tasks.incrementAndGet();
    if (m != null) {
      runMillis.addAndGet(m.executorRunTime());
      cpuNanos.addAndGet(m.executorCpuTime());
      gcMillis.addAndGet(m.jvmGCTime());
    }
  }

  /** Tasks that ended. */
  public long tasks() {
    return tasks.get();
  }

  /** Seconds the tasks ran, summed over tasks. */
  public double runSeconds() {
    return runMillis.get() / 1e3;
  }

  /** CPU seconds of the task threads. */
  public double cpuSeconds() {
    return cpuNanos.get() / 1e9;
  }

  /** Seconds of garbage collection while tasks ran. */
  public double gcSeconds() {
    return gcMillis.get() / 1e3;
  }
}
