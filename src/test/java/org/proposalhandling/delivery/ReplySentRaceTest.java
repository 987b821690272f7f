package org.proposalhandling.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.HeldTransaction;
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

  /** The mail thread's statement, on a thread of its own. */
  final ExecutorService thread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopThread() {
    thread.shutdownNow();
  }

  @Test
  void theSendOfAReplyWaitsForTheItemsDecisionToWaitForIt() throws Exception {
    String itemId = UUID.randomUUID().toString();
    String mailId = UUID.randomUUID().toString();
    jdbc.sql("""
            insert into mail_message (id, message_id, subject_id, purpose, recipient, subject, text_body, html_body, created_at)
            values (?, ?, ?, ?, 'p@example.org', '答复', '正文', '<p>正文</p>', ?)""")
        .params(mailId, "<" + mailId + "@test>", itemId, ReplyMails.REPLY, Timestamp.from(Instant.now())).update();

    try (HeldTransaction<Boolean> decision = HeldTransaction.hold(transactions, () -> mails.lastSent(itemId))) {
      CompletableFuture<Integer> recordedSent = CompletableFuture.supplyAsync(() -> jdbc.sql(
          "update mail_message set sent_at = ? where id = ?").params(Timestamp.from(Instant.now()), mailId).update(), thread);
      decision.awaitWaiting(jdbc, "update mail_message set sent_at");

      assertThat(decision.commit()).as("read unsent: the process waits for the message").isFalse();
      assertThat(recordedSent.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    }
    assertThat(mails.lastSent(itemId)).isTrue();
  }
}
