package org.proposalhandling.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailTimeoutTest.HungSmtpServer;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.workflow.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue #33: 100 mails waiting on an SMTP server that accepts connections and never answers delay no process
 * step. A registration reaches 立案审查 and a yellow-warning timer that falls due fires as fast as they did
 * before the hung mails, measured in the same test with the job executor running; the mails are all still
 * there, waiting for their retries.
 *
 * <p>The SMTP timeouts are the production ones (30 s to read): the mails hold their threads as long as they
 * would in production, and the process must not notice. (When mail was sent by jobs, the registration waited
 * for a job thread until a mail's read timed out: 30 s here, 22.5 s in the issue.)
 */
@AppLayer
// Engines register by name in a JVM-wide registry: a name of its own, as in MailTimeoutTest. The job executor
// on (the test profile turns it off), looking for due timers every half second at most, which bounds a timer's
// normal latency; the context is closed after the test so that its job executor and mail threads stop.
@SpringBootTest(properties = {"camunda.bpm.process-engine-name=hungMailServerTest", "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=100", "camunda.bpm.job-execution.max-wait=500"})
@ActiveProfiles("test")
@DirtiesContext
class HungMailServerTest {

  private static final Logger LOG = LoggerFactory.getLogger(HungMailServerTest.class);

  static final int HUNG_MAILS = 100;
  static final int SAMPLES = 3;
  /** Generous: a registration or a timer may take this many times its normal latency, and no more. */
  static final int SLACK = 10;
  /** How long the normal measures may take: only a broken setup takes this long. */
  static final Duration PATIENCE = Duration.ofMinutes(1);
  /** The engine's clock while the items are registered and assigned (their yellow warnings fall due weeks later). */
  static final LocalDateTime ASSIGNED = LocalDateTime.parse("2024-09-27T10:00");

  @Autowired ProcessEngine engine;

  @Autowired MailOutbox outbox;
  @Autowired Mailer mailer;
  @Autowired JavaMailSenderImpl sender;
  @Autowired JdbcClient jdbc;
  @Value("${camunda.bpm.job-execution.max-wait}") long acquisitionMaxWait;
  GreenMail smtp;
  HungSmtpServer hung;

  @AfterEach
  void stopServers() {
    // The hung server first: its closed connections free the threads that wait on it.
    if (hung != null) {
      hung.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
    ClockUtil.reset();
  }

  @Test
  void hundredMailsOnAHungServerDelayNeitherARegistrationNorATimer() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    sender.setPort(smtp.getSmtp().getPort());
    ItemDriver driver = new ItemDriver(engine, outbox);
    ClockUtil.offset(beijing(ASSIGNED).getTime() - System.currentTimeMillis());

    // Two assigned items whose yellow warnings fall due two weeks apart: one timer for each phase.
    String baselineTimer = yellowWarningOf(driver, "HM-T1");
    ClockUtil.offset(beijing(ASSIGNED.plusWeeks(2)).getTime() - System.currentTimeMillis());
    String loadedTimer = yellowWarningOf(driver, "HM-T2");
    registrationLatency(driver, "HM-W0"); // warms up what a first registration loads

    // The normal latencies, with a mail server that answers.
    Duration registration = slowestRegistration(driver, "HM-B", PATIENCE);
    Duration timer = firingLatency(baselineTimer, PATIENCE);

    // 100 mails to a server that accepts and never answers, and the threads that send mail busy with them.
    hung = new HungSmtpServer();
    sender.setPort(hung.port());
    for (int i = 1; i <= HUNG_MAILS; i++) {
      mailer.send(new Mail(null, "rejection", "hung" + i + "@demo.local", List.of(), "【不予立案】挂起测试" + i,
          Map.of("item", Map.of("proposerName", "张三", "title", "标题", "rejectionReason", "理由"), "reference", "第H" + i + "号")));
    }
    awaitConnections(2);

    Duration registrationBound = registration.multipliedBy(SLACK);
    Duration loadedRegistration = slowestRegistration(driver, "HM-L", registrationBound);
    // A due timer waits for the next acquisition, at most the executor's max wait: that is its normal latency too.
    Duration timerBound = max(timer, Duration.ofMillis(acquisitionMaxWait)).multipliedBy(SLACK);
    Duration loadedTimerLatency = firingLatency(loadedTimer, timerBound);
    LOG.info("Registration {} ms, with {} hung mails {} ms (bound {} ms); timer {} ms, loaded {} ms (bound {} ms); {} connections held",
        registration.toMillis(), HUNG_MAILS, loadedRegistration.toMillis(), registrationBound.toMillis(), timer.toMillis(),
        loadedTimerLatency.toMillis(), timerBound.toMillis(), hung.connections());
    assertThat(loadedRegistration).isLessThanOrEqualTo(registrationBound);
    assertThat(loadedTimerLatency).isLessThanOrEqualTo(timerBound);

    // No mail lost: each of the hundred is stored unsent with its dispatch instance, waiting for its retry.
    assertThat(jdbc.sql("select count(*) from mail_message where subject like '【不予立案】挂起测试%' and sent_at is null")
        .query(Integer.class).single()).isEqualTo(HUNG_MAILS);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("mail-dispatch").count())
        .isGreaterThanOrEqualTo(HUNG_MAILS);
  }

  /** Registers, accepts and assigns an item; returns the id of its yellow warning's timer job. */
  private String yellowWarningOf(ItemDriver driver, String number) {
    // The job executor runs the job after the start: wait for its task rather than racing it.
    ProcessInstance instance = driver.startLeavingJobs(ItemDriver.intake(number));
    driver.awaitTask(instance, "Task_AcceptanceReview", PATIENCE);
    driver.accept(instance);
    driver.assign(instance, "jl-mz");
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Timer_YellowWarning").singleResult().getId();
  }

  private Duration slowestRegistration(ItemDriver driver, String prefix, Duration bound) {
    List<Duration> latencies = new ArrayList<>();
    for (int i = 1; i <= SAMPLES; i++) {
      latencies.add(registrationLatency(driver, prefix + i, bound));
    }
    return Collections.max(latencies);
  }

  private Duration registrationLatency(ItemDriver driver, String number) {
    return registrationLatency(driver, number, PATIENCE);
  }

  /** From the start of an item's process to its 立案审查 task, the job after the start run by the job executor. */
  private Duration registrationLatency(ItemDriver driver, String number, Duration bound) {
    long start = System.nanoTime();
    ProcessInstance instance = driver.startLeavingJobs(ItemDriver.intake(number));
    driver.awaitTask(instance, "Task_AcceptanceReview", bound);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Moves the engine's clock just past the timer's due date and waits until the job executor has fired it. */
  private Duration firingLatency(String timerJobId, Duration bound) {
    Job timer = engine.getManagementService().createJobQuery().jobId(timerJobId).singleResult();
    ClockUtil.offset(timer.getDuedate().getTime() + 1000 - System.currentTimeMillis());
    long start = System.nanoTime();
    long until = start + bound.toNanos();
    while (engine.getManagementService().createJobQuery().jobId(timerJobId).count() > 0) {
      if (System.nanoTime() > until) {
        throw new AssertionError("The timer did not fire within " + bound.toMillis() + " ms");
      }
      sleep(20);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private void awaitConnections(int connections) {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (hung.connections() < connections) {
      if (System.nanoTime() > until) {
        throw new AssertionError("Only " + hung.connections() + " connections to the hung server");
      }
      sleep(20);
    }
  }

  private static Date beijing(LocalDateTime localDateTime) {
    return Date.from(localDateTime.atZone(EngineClock.zone()).toInstant());
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
