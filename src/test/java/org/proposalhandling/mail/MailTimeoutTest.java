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
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mail server that accepts connections and never answers costs one failed attempt of the mail's job,
 * within the SMTP read timeout (shortened here through its setting, MAIL_READ_TIMEOUT), and the job is
 * retried later; once a real server answers, the mail arrives exactly once. Without the timeouts the job's
 * thread would wait forever: the JUnit timeout turns that into a failure.
 */
@SpringBootTest(properties = "MAIL_READ_TIMEOUT=2000")
@ActiveProfiles("test")
class MailTimeoutTest {

  static final HungSmtpServer hung = new HungSmtpServer();

  @DynamicPropertySource
  static void mailGoesToTheHungServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", hung::port);
  }

  @Autowired Mailer mailer;
  @Autowired ManagementService management;
  @Autowired JavaMailSenderImpl sender;
  @Autowired JdbcClient jdbc;
  GreenMail smtp;

  @AfterEach
  void stopServers() {
    hung.close();
    if (smtp != null) {
      smtp.stop();
    }
    ClockUtil.reset();
  }

  @Test
  void theDefaultTimeoutsAreSetOnTheSender() {
    assertThat(sender.getJavaMailProperties())
        .containsEntry("mail.smtp.connectiontimeout", "10000")
        .containsEntry("mail.smtp.writetimeout", "30000")
        .containsEntry("mail.smtp.timeout", "2000");
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aServerThatNeverAnswersCostsOneFailedAttemptAndTheMailArrivesOnceLater() {
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

    hung.close();
    smtp = new GreenMail(new ServerSetup(sender.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
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
