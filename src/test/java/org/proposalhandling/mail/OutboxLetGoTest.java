package org.proposalhandling.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A thread takes several mails at a time; when one fails, the others it took are due again at once instead of
 * staying locked to it (two minutes) behind a server that is down. The demo's catcher is stopped for the first
 * attempt: the oldest mail fails and waits for its retry, and once the server is back the other two leave at the
 * next look.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class OutboxLetGoTest {

  static final String SUBJECT = "【放回测试】";

  @Autowired Mailer mailer;
  @Autowired MailOutbox outbox;
  @Autowired GreenMail smtp;
  @Autowired JdbcClient jdbc;
  QueuedMails queue;

  @BeforeEach
  void queue() {
    queue = new QueuedMails(mailer, jdbc);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theMailsTakenWithOneThatFailedAreDueAgainAtOnce() {
    List<String> mails = IntStream.range(0, 3)
        .mapToObj(i -> queue.queued(SUBJECT + i, Instant.parse("2001-01-01T07:00:00Z").plusSeconds(i))).toList();

    smtp.stop();
    try {
      assertThat(outbox.sendNext()).isEqualTo(Outbox.Outcome.FAILED);
    } finally {
      smtp.start();
    }
    assertThat(outbox.sendDue()).isZero();

    assertThat(queue.sent(mails.get(0))).as("the one that failed, waiting for its retry").isFalse();
    assertThat(queue.sent(mails.get(1))).isTrue();
    assertThat(queue.sent(mails.get(2))).isTrue();
  }
}
