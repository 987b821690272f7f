package org.proposalhandling.mail;

import java.sql.Timestamp;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.proposalhandling.mail.internal.MailProperties;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.SystemActions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one way the app sends mail. The mail is rendered and stored now, in the transaction of the step that
 * causes it, and a mail-dispatch process instance is started for it; the app's mail threads send the mail
 * after that transaction commits ({@link MailOutbox}), retry with back-off while SMTP is down, and the mail
 * becomes an incident in Cockpit if it never gets through. A rolled-back step sends nothing; a restart
 * resumes unsent mail.
 */
@Service
@EnableConfigurationProperties(MailProperties.class)
public class Mailer {

  private final JdbcClient jdbc;
  private final MailTemplates templates;
  private final RuntimeService runtime;
  private final SystemActions system;
  private final MailProperties properties;
  private final MailWorker worker;

  Mailer(JdbcClient jdbc, MailTemplates templates, RuntimeService runtime, SystemActions system, MailProperties properties,
         MailWorker worker) {
    this.jdbc = jdbc;
    this.templates = templates;
    this.runtime = runtime;
    this.system = system;
    this.properties = properties;
    this.worker = worker;
  }

  /** Where the app is reached from outside, for links in mails. */
  public String publicUrl() {
    return properties.publicUrl();
  }

  public void send(Mail mail) {
    String id = UUID.randomUUID().toString();
    String host = properties.publicUrl().replaceAll("^\\w+://", "").replaceAll("[:/].*$", "");
    jdbc.sql("""
            insert into mail_message (id, message_id, subject_id, purpose, recipient, copy_to, subject, text_body, html_body,
              attachments, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, "<" + id + "@" + host + ">", mail.subjectId(), mail.template(), mail.to(),
            mail.copyTo() == null || mail.copyTo().isEmpty() ? null : String.join(",", mail.copyTo()),
            mail.subject(), templates.text(mail.template(), mail.model()), templates.html(mail.template(), mail.model()),
            AttachmentRenderer.store(mail.attachments()), Timestamp.from(EngineClock.now()))
        .update();
    system.run(() -> runtime.startProcessInstanceByKey(MailOutbox.PROCESS, id));
    worker.wakeOnceCommitted();
  }
}
