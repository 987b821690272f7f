package org.proposalhandling.delivery;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An item's mails in the outbox (mail_message, written by the mail module): whether the reply to the proposer
 * has left, and which mails are still to send. The reply's mail is the one of purpose {@value #REPLY}, the
 * template the feedback module writes it with.
 */
@Component
public class ReplyMails {

  static final String REPLY = "reply";

  private final JdbcClient jdbc;

  ReplyMails(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Whether the last reply mail written for the item (that of its current round) has been sent. The item's mail
   * rows stay locked until the caller's transaction ends: the process decides here to wait for the ReplySent
   * message, and the mail thread that records the send (and then sends that message) waits until the wait is
   * committed. Read without the lock, a mail sent between the decision and its commit woke no one, and the item
   * waited at 答复邮件已发出 for good (2 of 100 items in the benchmark's re-handling, once mails went out in
   * milliseconds).
   */
  boolean lastSent(String itemId) {
    return jdbc.sql("select sent_at from mail_message where subject_id = ? and purpose = ? order by created_at desc, id desc for update")
        .params(itemId, REPLY).query((rs, row) -> rs.getTimestamp(1) != null).list().stream().findFirst().orElse(false);
  }

  /** The item a reply mail was written for; empty for every other mail. */
  Optional<String> itemOfReply(String mailId) {
    return jdbc.sql("select subject_id from mail_message where id = ? and purpose = ?").params(mailId, REPLY)
        .query(String.class).optional();
  }

  /** The item's mails not sent yet, each the business key of its mail-dispatch instance. */
  List<String> unsent(String itemId) {
    return jdbc.sql("select id from mail_message where subject_id = ? and sent_at is null order by created_at, id")
        .param(itemId).query(String.class).list();
  }

  /** The item's reply mails not sent yet: what stands between a signed reply and 已答复. */
  public List<String> unsentReplies(String itemId) {
    return jdbc.sql("select id from mail_message where subject_id = ? and purpose = ? and sent_at is null order by created_at, id")
        .params(itemId, REPLY).query(String.class).list();
  }
}
