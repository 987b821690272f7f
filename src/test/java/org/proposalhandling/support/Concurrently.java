package org.proposalhandling.support;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Submissions started at the same moment on their own threads, as users answering at once. */
public final class Concurrently {

  private Concurrently() {
  }

  /** Runs them all at once on this many threads; returns what failed (empty when every one succeeded). */
  public static List<Throwable> runAtOnce(List<Runnable> submissions, int threads) throws InterruptedException {
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (Runnable submission : submissions) {
      pool.submit(() -> {
        try {
          start.await();
          submission.run();
        } catch (Throwable e) {
          failures.add(e);
        }
      });
    }
    start.countDown();
    pool.shutdown();
    if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
      throw new AssertionError("Submissions still running after 2 minutes");
    }
    return List.copyOf(failures);
  }
}
