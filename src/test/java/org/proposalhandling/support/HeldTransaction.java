package org.proposalhandling.support;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work done in a transaction on a thread of its own, the transaction held open until {@link #commit()}: a race
 * between two transactions staged on the real database, the other one seen waiting on this one's locks.
 */
public final class HeldTransaction<T> implements AutoCloseable {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ExecutorService thread = Executors.newSingleThreadExecutor();
  private final CountDownLatch done = new CountDownLatch(1);
  private final CountDownLatch commit = new CountDownLatch(1);
  private final Future<T> outcome;

  private HeldTransaction(TransactionTemplate transactions, Supplier<T> work) {
    outcome = thread.submit(() -> transactions.execute(status -> {
      try {
        return work.get();
      } finally {
        done.countDown();
        awaitQuietly(commit);
      }
    }));
  }

  /** Runs the work in a transaction and returns once it has run, the transaction still open. */
  public static <T> HeldTransaction<T> hold(TransactionTemplate transactions, Supplier<T> work) throws InterruptedException {
    HeldTransaction<T> held = new HeldTransaction<>(transactions, work);
    if (!held.done.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
      held.close();
      throw new AssertionError("The held transaction's work did not run within " + PATIENCE);
    }
    return held;
  }

  /**
   * Until a statement beginning with {@code statementStart} runs on one of the app's connections: one that waits
   * on this transaction's locks. (The app's user sees its own connections in the process list, not InnoDB's
   * lock tables.)
   */
  public void awaitWaiting(JdbcClient jdbc, String statementStart) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (jdbc.sql("select count(*) from information_schema.processlist where upper(info) like ?")
        .param(statementStart.toUpperCase() + "%").query(Long.class).single() == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No statement " + statementStart + "… waited on the held transaction within " + PATIENCE);
      }
      Thread.sleep(20);
    }
  }

  /** Commits the transaction; returns what the work returned. */
  public T commit() throws Exception {
    commit.countDown();
    return outcome.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    commit.countDown();
    thread.shutdownNow();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
