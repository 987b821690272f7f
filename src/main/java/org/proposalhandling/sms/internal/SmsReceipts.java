package org.proposalhandling.sms.internal;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateway's delivery receipts, recorded on the text (receipt_state, receipt_at) and on its item's timeline.
 * A receipt can overtake the record of the send it reports (the gateway answers the submit, then sends the
 * receipt at once on another thread of the session): it waits here until {@link #sent} names its gateway id.
 */
@Component
class SmsReceipts {

  /** The final states of SMPP 3.4 (Appendix B) that mean the phone got the text. */
  private static final String DELIVERED = "DELIVRD";
  /** States that are not final: nothing to record yet. */
  private static final Set<String> PENDING = Set.of("ENROUTE", "ACCEPTD", "UNKNOWN");
  /** Early receipts kept at most: far more than texts in flight on one session. */
  private static final int EARLY_MAX = 1000;

  private final JdbcClient jdbc;
  private final SmsTimeline timeline;
  private final TransactionTemplate transaction;
  private final Map<String, String> early = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > EARLY_MAX;
    }
  };

  SmsReceipts(JdbcClient jdbc, SmsTimeline timeline, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.transaction = transaction;
  }

  record Sent(String subjectId, String recipient, String purpose) {
  }

  /** A receipt from the gateway: its id of the text, and the state (DELIVRD, UNDELIV, REJECTD, EXPIRED...). */
  void record(String gatewayId, String state) {
    if (PENDING.contains(state)) {
      return;
    }
    synchronized (early) {
      if (!apply(gatewayId, state)) {
        early.put(gatewayId, state);
      }
    }
  }

  /** The text was recorded as sent under this gateway id: a receipt that came first is recorded now. */
  void sent(String gatewayId) {
    String state;
    synchronized (early) {
      state = early.remove(gatewayId);
    }
    if (state != null) {
      apply(gatewayId, state);
    }
  }

  private boolean apply(String gatewayId, String state) {
    return Boolean.TRUE.equals(transaction.execute(status -> {
      Optional<Sent> text = jdbc.sql("select subject_id, recipient, purpose from sms_message where gateway_id = ? and receipt_state is null")
          .param(gatewayId).query(Sent.class).optional();
      if (text.isEmpty()) {
        return false;
      }
      jdbc.sql("update sms_message set receipt_state = ?, receipt_at = ? where gateway_id = ?")
          .params(state, Timestamp.from(EngineClock.now()), gatewayId).update();
      boolean delivered = DELIVERED.equals(state);
      timeline.record(text.get().subjectId(), delivered ? ItemEventKind.SMS_DELIVERED : ItemEventKind.SMS_FAILED,
          text.get().recipient(), delivered ? null : "状态 " + state);
      return true;
    }));
  }
}
