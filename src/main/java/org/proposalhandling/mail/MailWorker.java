package org.proposalhandling.mail;

import org.springframework.stereotype.Component;

/** The node's mail threads (mail-worker-N), sending from the {@link MailOutbox}. */
@Component
class MailWorker extends OutboxWorker {

  MailWorker(MailOutbox outbox, MailWorkerProperties properties) {
    super(outbox, properties, "mail-worker");
  }
}
