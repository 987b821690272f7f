package org.proposalhandling.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The outbox sends the oldest waiting message first, so that a proposer's reply queued among thousands is not
 * passed by those written after it. The mails here are written newest first, each an hour before the one
 * written before it and all before anything the demo queued; they reach the server in the order of their time.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class OutboxOrderTest {

  static final String SUBJECT = "【顺序测试】";
  static final int MAILS = 6;

  @Autowired Mailer mailer;
  @Autowired MailOutbox outbox;
  @Autowired GreenMail smtp;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theOldestWaitingMailLeavesFirst() {
    Instant start = Instant.parse("2001-01-01T08:00:00Z");
    QueuedMails queue = new QueuedMails(mailer, jdbc);
    for (int hoursBefore = 0; hoursBefore < MAILS; hoursBefore++) {
      queue.queued(SUBJECT + hoursBefore, start.minusSeconds(3600L * hoursBefore));
    }

    outbox.sendDue();

    List<String> arrived = Arrays.stream(smtp.getReceivedMessages()).map(OutboxOrderTest::subject)
        .filter(subject -> subject.startsWith(SUBJECT)).toList();
    assertThat(arrived).containsExactly(SUBJECT + 5, SUBJECT + 4, SUBJECT + 3, SUBJECT + 2, SUBJECT + 1, SUBJECT + 0);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
