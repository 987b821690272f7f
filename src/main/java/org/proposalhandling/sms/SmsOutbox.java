package org.proposalhandling.sms;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.proposalhandling.mail.Outbox;
import org.proposalhandling.sms.internal.SmsDispatch;
import org.proposalhandling.sms.internal.SmsWorkerProperties;
import org.springframework.stereotype.Component;

/**
 * The texts waiting to go out: the mail's {@link Outbox} machinery on topic {@value #TOPIC} of the sms-dispatch
 * process, so a text is retried with back-off, an incident in Cockpit after the last retry, and never holds a job
 * thread or a process step.
 */
@Component
public class SmsOutbox extends Outbox {

  /** The process that sends each text, its business key the text's id. */
  public static final String PROCESS = "sms-dispatch";
  public static final String TOPIC = "sms-send";

  SmsOutbox(ExternalTaskService tasks, RuntimeService runtime, SmsDispatch dispatch, SmsWorkerProperties properties,
            ProcessEngine engine) {
    super(tasks, runtime, engine, PROCESS, TOPIC, "短信", dispatch::send, properties);
  }
}
