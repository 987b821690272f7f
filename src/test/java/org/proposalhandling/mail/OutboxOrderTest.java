package org.proposalhandling.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
 * written before it and all before anything the demo queued; they leave in the order of their time.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class OutboxOrderTest {

  static final String SUBJECT = "【顺序测试】";
  static final int MAILS = 6;

  @Autowired Mailer mailer;
  @Autowired MailOutbox outbox;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theOldestWaitingMailLeavesFirst() {
    Instant start = Instant.parse("2001-01-01T08:00:00Z");
    for (int hoursBefore = 0; hoursBefore < MAILS; hoursBefore++) {
      ClockUtil.setCurrentTime(Date.from(start.minusSeconds(3600L * hoursBefore)));
      send(SUBJECT + hoursBefore);
    }
    ClockUtil.reset();

    List<String> sent = new ArrayList<>();
    for (int i = 0; i < MAILS; i++) {
      assertThat(outbox.sendNext()).isEqualTo(Outbox.Outcome.SENT);
      sent.addAll(jdbc.sql("select subject from mail_message where subject like ? and sent_at is not null")
          .param(SUBJECT + "%").query(String.class).list().stream().filter(subject -> !sent.contains(subject)).toList());
    }
    assertThat(sent).containsExactly(SUBJECT + 5, SUBJECT + 4, SUBJECT + 3, SUBJECT + 2, SUBJECT + 1, SUBJECT + 0);
  }

  private void send(String subject) {
    mailer.send(new Mail(null, "rejection", "zhangsan@demo.local", List.of(), subject,
        Map.of("item", Map.of("proposerName", "张三", "title", "标题", "rejectionReason", "理由"), "reference", "第O1号")));
  }
}
