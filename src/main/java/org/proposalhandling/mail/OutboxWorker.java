package org.proposalhandling.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.proposalhandling.mail.Outbox.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A channel's threads on this node, a fixed number of them, each sending one message at a time from its
 * {@link Outbox}. They start when the app is ready, as the job executor does, and only where enabled. An idle
 * thread looks again after a wait that doubles up to the maximum; a message written on this node wakes them at
 * once.
 */
public class OutboxWorker {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

  private final Outbox outbox;
  private final OutboxSettings settings;
  private final String name;
  private final List<Thread> threads = new ArrayList<>();
  private final Object signal = new Object();
  private long wakeups;
  private volatile boolean running;

  /** @param name the threads' name, numbered: "mail-worker" gives mail-worker-1, mail-worker-2 */
  protected OutboxWorker(Outbox outbox, OutboxSettings settings, String name) {
    this.outbox = outbox;
    this.settings = settings;
    this.name = name;
  }

  @EventListener(ApplicationReadyEvent.class)
  public synchronized void start() {
    if (!settings.enabled() || running) {
      return;
    }
    running = true;
    for (int i = 1; i <= settings.threads(); i++) {
      Thread thread = new Thread(this::work, name + "-" + i);
      // A thread stuck in a server's read must not keep the JVM alive; its message's lock expires and it is sent again.
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    LOG.info("{} {} threads started", threads.size(), name);
  }

  @EventListener(ContextClosedEvent.class)
  public synchronized void stop() {
    running = false;
    threads.forEach(Thread::interrupt);
    threads.clear();
  }

  /** A message was written on this node (called once its transaction has committed). */
  public void wake() {
    synchronized (signal) {
      wakeups++;
      signal.notifyAll();
    }
  }

  /** The threads learn of a message written now at once rather than at their next look; before the commit they would not see it. */
  public void wakeOnceCommitted() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      wake();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        wake();
      }
    });
  }

  private void work() {
    Duration idle = settings.waitTime();
    while (running) {
      long seen = wakeups();
      Outcome outcome;
      try {
        outcome = outbox.sendNext();
      } catch (RuntimeException e) {
        // The database away, or a lock lost to another node after it expired: look again later.
        LOG.warn("Taking or answering a {} task failed", name, e);
        outcome = Outcome.NONE_DUE;
      }
      if (outcome != Outcome.NONE_DUE) {
        idle = settings.waitTime();
        continue;
      }
      try {
        idle = await(seen, idle) ? settings.waitTime() : min(idle.multipliedBy(2), settings.maxWait());
      } catch (InterruptedException stopped) {
        return;
      }
    }
  }

  private long wakeups() {
    synchronized (signal) {
      return wakeups;
    }
  }

  /** Waits up to the idle time unless woken since {@code seen}; true when woken. */
  private boolean await(long seen, Duration idle) throws InterruptedException {
    synchronized (signal) {
      if (wakeups == seen) {
        signal.wait(idle.toMillis());
      }
      return wakeups != seen;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
