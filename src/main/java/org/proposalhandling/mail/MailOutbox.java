package org.proposalhandling.mail;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The mails waiting to go out: the {@link Outbox} of topic {@value #TOPIC}, sent by the {@link MailWorker}. */
@Component
@EnableConfigurationProperties(MailWorkerProperties.class)
public class MailOutbox extends Outbox {

  /** The process that sends each mail, its business key the mail's id. */
  public static final String PROCESS = "mail-dispatch";
  public static final String TOPIC = "mail-send";

  MailOutbox(ExternalTaskService tasks, RuntimeService runtime, MailDispatch dispatch, MailWorkerProperties properties,
             ProcessEngine engine) {
    super(tasks, runtime, engine, PROCESS, TOPIC, "邮件", dispatch, properties);
  }
}
