package org.proposalhandling.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.AppProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;

/**
 * A mail server that accepts connections and never answers costs one failed attempt of the mail, within the
 * SMTP read timeout (shortened here through its setting, MAIL_READ_TIMEOUT), and the mail is retried later;
 * once a real server answers, the mail arrives exactly once. Without the timeouts the mail thread would wait
 * forever: the JUnit timeout turns that into a failure. A mail that never gets through waits the retry
 * intervals, then becomes an incident that Cockpit's retry resolves. The tests run no mail threads: they send
 * what is due through the outbox, as a mail thread does.
 */
@AppLayer
// Engines register by name in a registry shared by the JVM (the engine REST API looks them up there): a name
// of its own keeps this context's engine, which has no demo users, from replacing the "default" one.
@SpringBootTest(properties = {"MAIL_READ_TIMEOUT=2000", "camunda.bpm.process-engine-name=mailTimeoutTest"})
@ActiveProfiles("test")
class MailTimeoutTest {

  static final String SUBJECT = "【不予立案】超时测试";

  @Autowired Mailer mailer;
  @Autowired MailOutbox outbox;
  @Autowired ExternalTaskService externalTasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JavaMailSenderImpl sender;
  @Autowired MailWorkerProperties worker;
  @Autowired JdbcClient jdbc;
  HungSmtpServer hung;
  GreenMail smtp;

  @AfterEach
  void stopServers() {
    if (hung != null) {
      hung.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
    ClockUtil.reset();
  }

  @Test
  void theDefaultTimeoutsAreSetOnTheSenderAndAMailStaysLockedLongerThanItCanTake() {
    assertThat(sender.getJavaMailProperties())
        .containsEntry("mail.smtp.connectiontimeout", "10000")
        .containsEntry("mail.smtp.writetimeout", "30000")
        .containsEntry("mail.smtp.timeout", "2000");
    // After a crash a mail waits this long before another attempt: 2 minutes, above a send that hits the
    // connection timeout and then a read or write timeout at the defaults (10 s + 30 s).
    assertThat(worker.lockDuration()).isEqualTo(Duration.ofMinutes(2)).isGreaterThan(Duration.ofSeconds(10 + 30));
    assertThat(worker.retryIntervals()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5),
        Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12));
    // The tests send mail themselves: no mail thread runs where the job executor does not.
    assertThat(worker.enabled()).isFalse();
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aServerThatNeverAnswersCostsOneFailedAttemptAndTheMailArrivesOnceLater() throws Exception {
    hung = new HungSmtpServer();
    sender.setPort(hung.port());
    String id = send();
    ExternalTask waiting = taskOf(id);
    assertThat(waiting.getRetries()).isNull();

    assertThat(outbox.sendDue()).isEqualTo(1);
    assertThat(hung.connections()).isEqualTo(1);

    ExternalTask failed = taskOf(id);
    assertThat(failed.getRetries()).isEqualTo(6);
    assertThat(failed.getErrorMessage()).startsWith("邮件发送失败：");
    assertThat(externalTasks.getExternalTaskErrorDetails(failed.getId())).contains("Read timed out");
    assertThat(failed.getLockExpirationTime()).isAfter(new Date(System.currentTimeMillis() + 30_000));
    assertThat(outbox.sendDue()).as("nothing is due before the retry").isZero();
    assertThat(hung.connections()).isEqualTo(1);

    // The mail server answers again (on a port of its own: the hung one's may still be in TIME_WAIT).
    hung.close();
    smtp = answeringServer();
    ClockUtil.setCurrentTime(new Date(failed.getLockExpirationTime().getTime() + 1000));
    assertThat(outbox.sendDue()).isZero();

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getMessageID()).isEqualTo(messageIdOf(id));
    assertThat(jdbc.sql("select count(*) from mail_message where id = ? and sent_at is not null").param(id)
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(dispatchOf(id)).isNull();
    // Of the task's history the failure only, as of the job log (engine.LeanHistory): the outbox records the rest.
    assertThat(history.createHistoricExternalTaskLogQuery().externalTaskId(failed.getId()).list())
        .extracting(HistoricExternalTaskLog::isFailureLog).containsExactly(true);
  }

  @Test
  void aMailThatNeverGetsThroughWaitsTheIntervalsThenIsAnIncidentThatARetrySends() throws Exception {
    // Nothing listens on the port: each attempt fails at once. The engine's clock stands still between the moves,
    // on a whole second: the engine's MySQL schema keeps no fractions of a second.
    sender.setPort(AppProcess.freePort());
    ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    String id = send();
    List<Duration> waits = new ArrayList<>();
    for (int attempt = 1; attempt <= 7; attempt++) {
      assertThat(outbox.sendDue()).as("attempt " + attempt).isEqualTo(1);
      ExternalTask task = taskOf(id);
      assertThat(task.getRetries()).isEqualTo(7 - attempt);
      if (task.getRetries() > 0) {
        waits.add(Duration.ofMillis(task.getLockExpirationTime().getTime() - ClockUtil.getCurrentTime().getTime()));
        ClockUtil.setCurrentTime(new Date(task.getLockExpirationTime().getTime() + 1000));
      }
    }
    assertThat(waits).containsExactlyElementsOf(worker.retryIntervals());

    // No retries left: an incident on the dispatch instance, as Cockpit lists it, and the mail is not sent again.
    Incident incident = runtime.createIncidentQuery().processInstanceId(dispatchOf(id).getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.EXTERNAL_TASK_HANDLER_TYPE);
    assertThat(incident.getIncidentMessage()).startsWith("邮件发送失败：");
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(30).toMillis()));
    assertThat(outbox.sendDue()).isZero();

    // Cockpit's retry gives the task one more attempt, and the server answers now.
    smtp = answeringServer();
    externalTasks.setRetries(taskOf(id).getId(), 1);
    assertThat(runtime.createIncidentQuery().processInstanceId(dispatchOf(id).getId()).count()).isZero();
    assertThat(outbox.sendDue()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo(messageIdOf(id));
    assertThat(dispatchOf(id)).isNull();
  }

  private String send() {
    mailer.send(new Mail(null, "rejection", "zhangsan@demo.local", List.of(), SUBJECT,
        Map.of("item", Map.of("proposerName", "张三", "title", "标题", "rejectionReason", "理由"), "reference", "第T1号")));
    return jdbc.sql("select id from mail_message where subject = ? and sent_at is null order by created_at desc, id")
        .param(SUBJECT).query(String.class).list().get(0);
  }

  private GreenMail answeringServer() {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    server.start();
    sender.setPort(server.getSmtp().getPort());
    return server;
  }

  private ProcessInstance dispatchOf(String mailId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("mail-dispatch").processInstanceBusinessKey(mailId)
        .singleResult();
  }

  private ExternalTask taskOf(String mailId) {
    return externalTasks.createExternalTaskQuery().processInstanceId(dispatchOf(mailId).getId()).singleResult();
  }

  private String messageIdOf(String mailId) {
    return jdbc.sql("select message_id from mail_message where id = ?").param(mailId).query(String.class).single();
  }

  /** Accepts SMTP connections and never says a word, as a hung mail server does. */
  static final class HungSmtpServer {

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    HungSmtpServer() {
      try {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            accepted.add(server.accept());
          } catch (IOException closed) {
            return;
          }
        }
      }, "hung-smtp");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    int connections() {
      return accepted.size();
    }

    void close() {
      try {
        server.close();
        for (Socket socket : accepted) {
          socket.close();
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
