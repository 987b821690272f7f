package org.proposalhandling.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The item's process decides to wait for its reply's mail (答复邮件已发出) in the same transaction that reads
 * the mail unsent; a mail thread that records the mail as sent meanwhile must wait until that wait is committed,
 * or its ReplySent message finds no one waiting and the item waits for good. Staged on the database: the
 * decision's transaction stays open while the mail thread's update of the row (MailDispatch's statement) waits on
 * it, and goes through once the decision commits. Without the lock the update went through at once (in the
 * benchmark's re-handling, 2 of 100 items stopped at 答复邮件已发出 with their reply sent).
 */
@AppLayer
@SpringBootTest
@ActiveProfiles("test")
class ReplySentRaceTest {

  @Autowired ReplyMails mails;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;

  final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void theSendOfAReplyWaitsForTheItemsDecisionToWaitForIt() throws Exception {
    String itemId = UUID.randomUUID().toString();
    String mailId = UUID.randomUUID().toString();
    jdbc.sql("""
            insert into mail_message (id, message_id, subject_id, purpose, recipient, subject, text_body, html_body, created_at)
            values (?, ?, ?, ?, 'p@example.org', '答复', '正文', '<p>正文</p>', ?)""")
        .params(mailId, "<" + mailId + "@test>", itemId, ReplyMails.REPLY, Timestamp.from(Instant.now())).update();

    CountDownLatch decided = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Boolean> decision = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
      boolean sent = mails.lastSent(itemId);
      decided.countDown();
      await(commit);
      return sent;
    }), threads);
    assertThat(decided.await(30, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Integer> recordedSent = CompletableFuture.supplyAsync(() ->
        jdbc.sql("update mail_message set sent_at = ? where id = ?").params(Timestamp.from(Instant.now()), mailId).update(), threads);
    awaitUpdateWaiting();
    commit.countDown();

    assertThat(decision.get(30, TimeUnit.SECONDS)).as("read unsent: the process waits for the message").isFalse();
    assertThat(recordedSent.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(mails.lastSent(itemId)).isTrue();
  }

  /** Until the mail thread's update waits on the decision's lock (the app's user sees its own connections' statements). */
  private void awaitUpdateWaiting() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (jdbc.sql("select count(*) from information_schema.processlist where info like 'update mail_message set sent_at%'")
        .query(Long.class).single() == 0) {
      assertThat(System.nanoTime()).as("the update of the mail waiting on the decision's transaction").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
