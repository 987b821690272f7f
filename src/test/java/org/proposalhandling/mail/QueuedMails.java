package org.proposalhandling.mail;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Mails the outbox tests write, each at a moment of the engine's clock of its own, and whether they were sent. */
final class QueuedMails {

  private final Mailer mailer;
  private final JdbcClient jdbc;

  QueuedMails(Mailer mailer, JdbcClient jdbc) {
    this.mailer = mailer;
    this.jdbc = jdbc;
  }

  /** A mail written at {@code at} (in 2001: older than anything the demo queued); its id. */
  String queued(String subject, Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    try {
      mailer.send(new Mail(null, "rejection", "zhangsan@demo.local", List.of(), subject,
          Map.of("item", Map.of("proposerName", "张三", "title", "标题", "rejectionReason", "理由"), "reference", "第O1号")));
    } finally {
      ClockUtil.reset();
    }
    return jdbc.sql("select id from mail_message where subject = ?").param(subject).query(String.class).single();
  }

  boolean sent(String mailId) {
    return jdbc.sql("select sent_at is not null from mail_message where id = ?").param(mailId).query(Boolean.class).single();
  }
}
