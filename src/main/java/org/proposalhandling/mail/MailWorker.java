package org.proposalhandling.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.proposalhandling.mail.MailOutbox.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The node's mail threads, a fixed number of them, each sending one mail at a time from the {@link MailOutbox}.
 * They start when the app is ready, as the job executor does, and only where it is enabled. An idle thread
 * looks again after a wait that doubles up to the maximum; a mail written on this node wakes them at once.
 */
@Component
class MailWorker {

  private static final Logger LOG = LoggerFactory.getLogger(MailWorker.class);

  private final MailOutbox outbox;
  private final MailWorkerProperties properties;
  private final List<Thread> threads = new ArrayList<>();
  private final Object signal = new Object();
  private long wakeups;
  private volatile boolean running;

  MailWorker(MailOutbox outbox, MailWorkerProperties properties) {
    this.outbox = outbox;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  synchronized void start() {
    if (!properties.enabled() || running) {
      return;
    }
    running = true;
    for (int i = 1; i <= properties.threads(); i++) {
      Thread thread = new Thread(this::work, "mail-worker-" + i);
      // A thread stuck in an SMTP read must not keep the JVM alive; its mail's lock expires and it is sent again.
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    LOG.info("{} mail threads started", threads.size());
  }

  @EventListener(ContextClosedEvent.class)
  synchronized void stop() {
    running = false;
    threads.forEach(Thread::interrupt);
    threads.clear();
  }

  /** Mail was written on this node (called once its transaction has committed). */
  void wake() {
    synchronized (signal) {
      wakeups++;
      signal.notifyAll();
    }
  }

  private void work() {
    Duration idle = properties.waitTime();
    while (running) {
      long seen = wakeups();
      Outcome outcome;
      try {
        outcome = outbox.sendNext();
      } catch (RuntimeException e) {
        // The database away, or a lock lost to another node after it expired: look again later.
        LOG.warn("Taking or answering a mail task failed", e);
        outcome = Outcome.NONE_DUE;
      }
      if (outcome != Outcome.NONE_DUE) {
        idle = properties.waitTime();
        continue;
      }
      try {
        idle = await(seen, idle) ? properties.waitTime() : min(idle.multipliedBy(2), properties.maxWait());
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
