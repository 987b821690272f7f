package org.proposalhandling.sms.internal;

import org.proposalhandling.mail.OutboxWorker;
import org.proposalhandling.sms.SmsOutbox;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The node's SMS threads (sms-worker-N), sending from the {@link SmsOutbox}. */
@Component
@EnableConfigurationProperties({SmsWorkerProperties.class, SmsProperties.class})
public class SmsWorker extends OutboxWorker {

  SmsWorker(SmsOutbox outbox, SmsWorkerProperties properties) {
    super(outbox, properties, "sms-worker");
  }
}
