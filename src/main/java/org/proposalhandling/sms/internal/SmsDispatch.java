package org.proposalhandling.sms.internal;

import java.io.IOException;
import java.sql.Timestamp;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.sms.SmsChannel;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one stored text and records it as sent. A text already sent is not sent again, so a task fetched twice
 * sends once; only a crash between the gateway's answer and the record can send a text twice, and then under
 * the same message id (the text's id).
 */
@Component
public class SmsDispatch {

  private final JdbcClient jdbc;
  private final SmsChannel channel;
  private final LinkTokens links;
  private final SmsReceipts receipts;
  private final SmsTimeline timeline;
  private final TransactionTemplate transaction;

  SmsDispatch(JdbcClient jdbc, SmsChannel channel, LinkTokens links, SmsReceipts receipts, SmsTimeline timeline,
              TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.channel = channel;
    this.links = links;
    this.receipts = receipts;
    this.timeline = timeline;
    this.transaction = transaction;
  }

  record Stored(String subjectId, String recipient, String body, Timestamp sentAt) {
  }

  public void send(String id) throws IOException {
    Stored text = jdbc.sql("select subject_id, recipient, body, sent_at from sms_message where id = ?")
        .param(id).query(Stored.class).single();
    if (text.sentAt() != null) {
      return;
    }
    // The stored text holds placeholders where the links' tokens go: the tokens exist only in the sent text.
    String gatewayId = channel.send(id, text.recipient(), links.render(text.body()));
    transaction.executeWithoutResult(status -> {
      jdbc.sql("update sms_message set sent_at = ?, gateway_id = ? where id = ?")
          .params(Timestamp.from(EngineClock.now()), gatewayId, id).update();
      timeline.record(text.subjectId(), ItemEventKind.SMS_SENT, text.recipient(), null);
    });
    receipts.sent(gatewayId);
  }
}
