package org.proposalhandling.sms;

import java.sql.Timestamp;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.proposalhandling.sms.internal.SmsProperties;
import org.proposalhandling.sms.internal.SmsWorker;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.SystemActions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one way the app sends a text, as {@code Mailer} is for mail: the text is stored now, signed, in the
 * transaction of the step that causes it, with an sms-dispatch instance; the SMS threads send it after that
 * transaction commits ({@link SmsOutbox}). A rolled-back step sends nothing. Where SMS is off nothing is stored.
 */
@Service
public class SmsSender {

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final SystemActions system;
  private final SmsProperties properties;
  private final SmsWorker worker;

  SmsSender(JdbcClient jdbc, RuntimeService runtime, SystemActions system, SmsProperties properties, SmsWorker worker) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.system = system;
    this.properties = properties;
    this.worker = worker;
  }

  /** Whether texts go out at all (proposals.sms.enabled). */
  public boolean enabled() {
    return properties.enabled();
  }

  /** The gateway's port (proposals.sms.port, as bound: a random test port is drawn once), for the demo's catcher. */
  public int gatewayPort() {
    return properties.port();
  }

  /** Stores the text for sending; returns its id, or null where SMS is off. The number must be a valid one. */
  public String send(Sms sms) {
    if (!properties.enabled()) {
      return null;
    }
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            insert into sms_message (id, subject_id, purpose, recipient, body, created_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(id, sms.subjectId(), sms.purpose(), MobileNumbers.require(sms.to()), properties.signature() + sms.text(),
            Timestamp.from(EngineClock.now()))
        .update();
    system.run(() -> runtime.startProcessInstanceByKey(SmsOutbox.PROCESS, id));
    worker.wakeOnceCommitted();
    return id;
  }
}
