package org.proposalhandling.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.HeldTransaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail thread that loses the oldest mails to another thread takes the next ones instead of going idle. The
 * race is staged on the real database: another worker locks the oldest mails in a transaction it keeps open; the
 * outbox asks for the oldest mails too and waits on their rows; the other worker commits, and the engine hands
 * the outbox an empty list. With another mail due, the outbox sends it (without the retry it reported nothing
 * due, and a mail thread waited up to 5 s with mails queued).
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class OutboxContentionTest {

  static final String SUBJECT = "【争用测试】";

  @Autowired Mailer mailer;
  @Autowired MailOutbox outbox;
  @Autowired ExternalTaskService externalTasks;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  QueuedMails queue;

  @BeforeEach
  void queue() {
    queue = new QueuedMails(mailer, jdbc);
  }

  /** The outbox's own thread: the common pool may have one only, busy elsewhere. */
  final ExecutorService thread = Executors.newSingleThreadExecutor();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    thread.shutdownNow();
  }

  @Test
  void aThreadThatLosesTheOldestMailsSendsTheNext() throws Exception {
    // Older than anything the demo queued, in the order of their numbers: as many as a thread takes, and one more.
    List<String> oldest = new ArrayList<>();
    for (int i = 0; i < Outbox.BATCH; i++) {
      oldest.add(queue.queued(SUBJECT + i, Instant.parse("2001-01-01T07:00:00Z").plusSeconds(i)));
    }
    String next = queue.queued(SUBJECT + "next", Instant.parse("2001-01-01T08:00:00Z"));

    List<LockedExternalTask> lost;
    try (HeldTransaction<List<LockedExternalTask>> otherWorker = HeldTransaction.hold(transactions, () ->
        externalTasks.fetchAndLock().workerId("another-node").maxTasks(Outbox.BATCH).orderByCreateTime().asc()
            .subscribe().topic(MailOutbox.TOPIC, 60_000).execute())) {
      CompletableFuture<Outbox.Outcome> outcome = CompletableFuture.supplyAsync(outbox::sendNext, thread);
      otherWorker.awaitWaiting(jdbc, "update ACT_RU_EXT_TASK");
      lost = otherWorker.commit();
      assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(Outbox.Outcome.SENT);
    }

    assertThat(lost).extracting(LockedExternalTask::getBusinessKey).containsExactlyElementsOf(oldest);
    assertThat(queue.sent(next)).as("the next mail, sent by the thread that lost the oldest").isTrue();
    assertThat(oldest).as("the oldest, still the other worker's").noneMatch(queue::sent);

    lost.forEach(task -> externalTasks.unlock(task.getId()));
    outbox.sendDue();
    assertThat(oldest).allMatch(queue::sent);
  }
}
