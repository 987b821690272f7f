package org.proposalhandling.ledger.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.workflow.SystemActions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mails sent about an item and how each fared: delivered to the SMTP server, retrying, or failed (an
 * incident in Cockpit), read from the outbox and from the external task of its mail-dispatch instance (business
 * key = the mail's id). The tasks are read as the system: a unit has no grant on the dispatch instances.
 */
@Component
class MailLog {

  enum Status {
    SENT("已发送"), PENDING("待发送"), RETRYING("发送失败，正在重试"), FAILED("发送失败（已停止重试）");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public String css() {
      return name().toLowerCase();
    }
  }

  /** One mail: to whom (and in copy), about what, when it was written and sent, and where it stands. */
  record Mail(String id, String recipient, String copyTo, String subject, Instant createdAt, Instant sentAt,
              Status status) {
  }

  private record Stored(String id, String recipient, String copyTo, String subject, Timestamp createdAt,
                        Timestamp sentAt) {
  }

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final ExternalTaskService externalTasks;
  private final SystemActions system;

  MailLog(JdbcClient jdbc, RuntimeService runtime, ExternalTaskService externalTasks, SystemActions system) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.externalTasks = externalTasks;
    this.system = system;
  }

  List<Mail> of(String itemId) {
    return jdbc.sql("""
            select id, recipient, copy_to, subject, created_at, sent_at from mail_message
            where subject_id = ? order by created_at, id""")
        .param(itemId).query(Stored.class).list().stream()
        .map(mail -> new Mail(mail.id(), mail.recipient(), mail.copyTo(), mail.subject(), mail.createdAt().toInstant(),
            mail.sentAt() == null ? null : mail.sentAt().toInstant(), mail.sentAt() == null ? unsent(mail.id()) : Status.SENT))
        .toList();
  }

  private Status unsent(String mailId) {
    return system.run(() -> {
      ProcessInstance dispatch = runtime.createProcessInstanceQuery().processDefinitionKey(MailOutbox.PROCESS)
          .processInstanceBusinessKey(mailId).singleResult();
      if (dispatch == null) {
        return Status.PENDING;
      }
      ExternalTask task = externalTasks.createExternalTaskQuery().processInstanceId(dispatch.getId()).singleResult();
      if (task == null || task.getErrorMessage() == null) {
        return Status.PENDING;
      }
      return task.getRetries() > 0 ? Status.RETRYING : Status.FAILED;
    });
  }
}
