package org.proposalhandling.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;

/**
 * A mail server that accepts connections and never answers costs one failed attempt of the mail's job,
 * within the SMTP read timeout (shortened here through its setting, MAIL_READ_TIMEOUT), and the job is
 * retried later; once a real server answers, the mail arrives exactly once. Without the timeouts the job's
 * thread would wait forever: the JUnit timeout turns that into a failure.
 */
// Engines register by name in a registry shared by the JVM (the engine REST API looks them up there): a name
// of its own keeps this context's engine, which has no demo users, from replacing the "default" one.
@SpringBootTest(properties = {"MAIL_READ_TIMEOUT=2000", "camunda.bpm.process-engine-name=mailTimeoutTest"})
@ActiveProfiles("test")
class MailTimeoutTest {

  @Autowired Mailer mailer;
  @Autowired ManagementService management;
  @Autowired JavaMailSenderImpl sender;
  @Autowired Environment environment;
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
  void theDefaultTimeoutsAreSetOnTheSenderAndAJobStaysLockedLongerThanAMailCanTake() {
    assertThat(sender.getJavaMailProperties())
        .containsEntry("mail.smtp.connectiontimeout", "10000")
        .containsEntry("mail.smtp.writetimeout", "30000")
        .containsEntry("mail.smtp.timeout", "2000");
    // After a crash a mail job waits this long before another attempt: 2 minutes, not the engine's 5. (The
    // tests run without the job executor, so the setting is read here rather than from the executor.)
    assertThat(environment.getProperty("camunda.bpm.job-execution.lock-time-in-millis", Integer.class)).isEqualTo(120_000);
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aServerThatNeverAnswersCostsOneFailedAttemptAndTheMailArrivesOnceLater() {
    hung = new HungSmtpServer();
    sender.setPort(hung.port());
    mailer.send(new Mail(null, "rejection", "zhangsan@demo.local", List.of(), "【不予立案】超时测试",
        Map.of("item", Map.of("proposerName", "张三", "title", "标题", "rejectionReason", "理由"), "reference", "第T1号")));
    Job job = management.createJobQuery().processDefinitionKey("mail-dispatch").singleResult();
    int retries = job.getRetries();

    Instant start = Instant.now();
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasStackTraceContaining("Read timed out");
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
    assertThat(hung.connections()).isEqualTo(1);

    Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getRetries()).isEqualTo(retries - 1);
    assertThat(failed.getExceptionMessage()).isNotBlank();
    assertThat(failed.getDuedate()).isAfter(new Date(System.currentTimeMillis() + 30_000));
    assertThat(management.createJobQuery().processDefinitionKey("mail-dispatch").executable().count()).isZero();

    // The mail server answers again (on a port of its own: the hung one's may still be in TIME_WAIT).
    hung.close();
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    sender.setPort(smtp.getSmtp().getPort());
    ClockUtil.setCurrentTime(new Date(failed.getDuedate().getTime() + 1000));
    for (Job due : management.createJobQuery().processDefinitionKey("mail-dispatch").executable().list()) {
      management.executeJob(due.getId());
    }

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(jdbc.sql("select count(*) from mail_message where subject = ? and sent_at is not null")
        .param("【不予立案】超时测试").query(Integer.class).single()).isEqualTo(1);
    assertThat(management.createJobQuery().processDefinitionKey("mail-dispatch").count()).isZero();
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
