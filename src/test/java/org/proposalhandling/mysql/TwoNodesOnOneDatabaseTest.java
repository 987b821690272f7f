package org.proposalhandling.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.proposalhandling.ProposalHandlingApplication;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.workflow.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * Two app nodes on one database work as one system: each runs Camunda's job executor, and 200 yellow
 * warnings falling due at the same instant are mailed once each, shared out between the nodes, with no job
 * left failed; a user's password checks on either node.
 *
 * <p>The test has a database of its own, {@value #DATABASE}, dropped and recreated here (never the one the other
 * mysql tests share; its user needs ALL PRIVILEGES on it, which .ci/start-mariadb grants), two engines with names of their own and no web server (as in {@link MariaDbSchemaTest}), the
 * job executor on in both, and one SMTP server for both. The engine's clock (ClockUtil) is JVM-wide, so
 * both nodes see it move: it stands in the past while the items are assigned, then jumps past the warnings'
 * due instant, and both job executors take the due timers and the reminders between them, both nodes' mail
 * threads the mails. Each node writes its name into the history of the jobs it ran (ACT_HI_JOB_LOG.HOSTNAME_)
 * and its engine's into the worker id of the mails it sent (ACT_HI_EXT_TASK_LOG.WORKER_ID_).
 */
@RequiresMariaDb
class TwoNodesOnOneDatabaseTest {

  private static final Logger LOG = LoggerFactory.getLogger(TwoNodesOnOneDatabaseTest.class);

  static final String DATABASE = "proposals_two_nodes";
  static final int ITEMS = 200;
  static final String HANDLER = "tn-handler";
  static final String HEAD = "tn-head";
  static final String HANDLER_MAIL = "tn-handler@two-nodes.test";
  static final String HEAD_MAIL = "tn-head@two-nodes.test";
  static final String PASSWORD = "Two-Nodes-Only-9";
  /** Assigned Fri 2024-09-27: reply due Fri 2024-12-27, yellow warning 10 working days before, Fri 12-13 00:00. */
  static final LocalDateTime ASSIGNED = LocalDateTime.parse("2024-09-27T10:00");
  static final LocalDateTime YELLOW_DUE = LocalDateTime.parse("2024-12-13T00:00");
  static final LocalDateTime AFTER_YELLOW = LocalDateTime.parse("2024-12-13T08:30");
  static final Duration PATIENCE = Duration.ofMinutes(3);
  /** Clerks registering at once on node A. */
  static final int DRIVERS = 4;
  static final Pattern NUMBER = Pattern.compile("第(TN\\d{3})号");

  @Test
  void twoNodesShareTheJobsAndMailEachReminderOnce() throws Exception {
    long started = System.nanoTime();
    try (Connection connection = MariaDb.connect(MariaDb.url()); Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + DATABASE);
      statement.execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
    }
    String url = MariaDb.urlOf(DATABASE);
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    ConfigurableApplicationContext nodeA = null;
    ConfigurableApplicationContext nodeB = null;
    try {
      int smtpPort = smtp.getSmtp().getPort();
      assertThat(smtpPort).isPositive();
      // One after the other: Liquibase builds the schema on the first start, the second finds it done.
      nodeA = start(url, "twoNodesA", "node-a", smtpPort);
      nodeB = start(url, "twoNodesB", "node-b", smtpPort);
      ProcessEngine engineA = nodeA.getBean(ProcessEngine.class);
      ProcessEngine engineB = nodeB.getBean(ProcessEngine.class);
      assertThat(engineA.getName()).isEqualTo("twoNodesA");
      assertThat(engineB.getName()).isEqualTo("twoNodesB");
      for (ProcessEngine engine : List.of(engineA, engineB)) {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().isActive())
            .as("job executor of " + engine.getName()).isTrue();
      }
      LOG.info("Two nodes up after {} s", seconds(started));

      // The lead unit's handler and office head, whom the yellow warnings are addressed to (no demo users here).
      createUser(engineA.getIdentityService(), HANDLER, "静", "李", HANDLER_MAIL, "jl-mz", "jl-mz-handler");
      createUser(engineA.getIdentityService(), HEAD, "刚", "赵", HEAD_MAIL, "jl-mz", "jl-mz-head");

      // A user can log in to either node: the same password checks on both. (A wrong one, checked last, would
      // lock the user out for a few seconds on both nodes: the failed attempts are kept in the shared table.)
      for (ProcessEngine engine : List.of(engineA, engineB)) {
        assertThat(engine.getIdentityService().checkPassword(HANDLER, PASSWORD)).as("login on " + engine.getName()).isTrue();
        assertThat(engine.getIdentityService().checkPassword(HEAD, PASSWORD)).as("login on " + engine.getName()).isTrue();
      }
      assertThat(engineB.getIdentityService().checkPassword(HEAD, "wrong")).as("a wrong password").isFalse();

      // Node A registers and assigns the items, a few at a time, with the clock in the past: both job
      // executors run, but only the handling's join (asynchronous, reached at once where no unit co-handles)
      // is due; every yellow warning falls due at the same instant, weeks later.
      at(ASSIGNED);
      ItemDriver driver = new ItemDriver(engineA, nodeA.getBean(MailOutbox.class));
      List<String> numbers = new ArrayList<>();
      for (int i = 1; i <= ITEMS; i++) {
        numbers.add("TN%03d".formatted(i));
      }
      long driving = System.nanoTime();
      ExecutorService clerks = Executors.newFixedThreadPool(DRIVERS);
      try {
        List<Future<?>> assigned = new ArrayList<>();
        for (String number : numbers) {
          assigned.add(clerks.submit(() -> {
            // The nodes' job executors run the job after the start: wait for its task rather than racing them.
            ProcessInstance instance = driver.startLeavingJobs(ItemDriver.intake(number));
            driver.awaitTask(instance, "Task_AcceptanceReview", PATIENCE);
            driver.accept(instance);
            driver.assign(instance, "jl-mz");
          }));
        }
        for (Future<?> item : assigned) {
          item.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
      } finally {
        clerks.shutdownNow();
      }
      LOG.info("{} items assigned on node A in {} s", ITEMS, seconds(driving));
      ManagementService management = engineA.getManagementService();
      waitUntilQuiet(management, smtp, 0);
      List<Job> yellowTimers = management.createJobQuery().activityId("Timer_YellowWarning").timers().list();
      assertThat(yellowTimers).hasSize(ITEMS);
      assertThat(yellowTimers).extracting(Job::getDuedate).containsOnly(beijing(YELLOW_DUE));
      assertThat(management.createJobQuery().count()).as("jobs before the clock moves: the two timers of each item")
          .isEqualTo(2L * ITEMS);
      assertThat(smtp.getReceivedMessages()).as("mail before the warnings").isEmpty();

      // The warnings fall due; both job executors take the timers and the reminders, both nodes' mail threads the mails.
      at(AFTER_YELLOW);
      long running = System.nanoTime();
      waitUntilQuiet(management, smtp, 2 * ITEMS);
      LOG.info("Jobs done and mail received in {} s", seconds(running));

      // Each item's yellow warning was mailed exactly once to each of the two.
      Map<String, Map<String, Integer>> mailed = new TreeMap<>();
      for (MimeMessage message : smtp.getReceivedMessages()) {
        assertThat(message.getSubject()).startsWith("【黄牌提醒】");
        Matcher number = NUMBER.matcher(message.getSubject());
        assertThat(number.find()).as(message.getSubject()).isTrue();
        for (Address recipient : message.getAllRecipients()) {
          mailed.computeIfAbsent(number.group(1), n -> new TreeMap<>()).merge(recipient.toString(), 1, Integer::sum);
        }
      }
      assertThat(mailed.keySet()).containsExactlyElementsOf(numbers);
      assertThat(mailed).allSatisfy((number, perRecipient) ->
          assertThat(perRecipient).as(number).containsExactlyInAnyOrderEntriesOf(Map.of(HANDLER_MAIL, 1, HEAD_MAIL, 1)));
      assertThat(smtp.getReceivedMessages()).hasSize(2 * ITEMS);

      // One yellow reminder recorded per item, every stored mail sent.
      JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
      assertThat(jdbc.sql("select count(distinct item_id) from reminder where kind = 'YELLOW'").query(Integer.class).single())
          .isEqualTo(ITEMS);
      assertThat(jdbc.sql("select count(*) from reminder").query(Integer.class).single()).isEqualTo(ITEMS);
      assertThat(jdbc.sql("select count(*) from mail_message").query(Integer.class).single()).isEqualTo(2 * ITEMS);
      assertThat(jdbc.sql("select count(*) from mail_message where sent_at is null").query(Integer.class).single()).isZero();

      // Nothing failed, nothing waits: only the red timers (due 12-28) are left.
      assertThat(management.createJobQuery().withException().count()).as("jobs with an exception").isZero();
      assertThat(management.createJobQuery().noRetriesLeft().count()).as("jobs without retries").isZero();
      assertThat(engineA.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();
      assertThat(management.createJobQuery().count()).as("jobs left").isEqualTo(ITEMS);
      assertThat(management.createJobQuery().activityId("Timer_Overdue").timers().count()).isEqualTo(ITEMS);
      assertThat(engineA.getExternalTaskService().createExternalTaskQuery().count()).as("mails left").isZero();

      // Each job ran once, and both nodes ran some of each kind.
      HistoryService history = engineA.getHistoryService();
      Map<String, Long> expectedRuns = Map.of("Gateway_JoinHandling", (long) ITEMS, "Timer_YellowWarning", (long) ITEMS,
          "Task_YellowReminder", (long) ITEMS);
      Map<String, Map<String, Long>> perNode = new TreeMap<>();
      for (String node : List.of("node-a", "node-b")) {
        Map<String, Long> counts = new TreeMap<>();
        for (String activity : expectedRuns.keySet()) {
          counts.put(activity, history.createHistoricJobLogQuery().successLog().hostname(node).activityIdIn(activity).count());
        }
        String worker = MailOutbox.TOPIC + ":" + ("node-a".equals(node) ? engineA : engineB).getName() + ":";
        counts.put("Task_SendMail", history.createHistoricExternalTaskLogQuery().successLog().list().stream()
            .filter(sent -> sent.getWorkerId().startsWith(worker)).count());
        counts.put("failed", history.createHistoricJobLogQuery().failureLog().hostname(node).count()
            + history.createHistoricExternalTaskLogQuery().failureLog().list().stream()
            .filter(failed -> failed.getWorkerId().startsWith(worker)).count());
        perNode.put(node, counts);
      }
      LOG.info("Jobs run per node: {}", perNode);
      System.out.println("TwoNodesOnOneDatabaseTest, jobs run per node: " + perNode);
      assertThat(perNode.get("node-a").get("Task_SendMail") + perNode.get("node-b").get("Task_SendMail"))
          .as("mails, sent once each").isEqualTo(2L * ITEMS);
      expectedRuns.forEach((activity, runs) -> assertThat(perNode.get("node-a").get(activity) + perNode.get("node-b").get(activity))
          .as(activity + ", run once each").isEqualTo(runs));
      // And one more per item: the step after registration (the start event's asynchronous continuation).
      assertThat(history.createHistoricJobLogQuery().successLog().activityIdIn("StartEvent_Registered").count())
          .as("registrations continued").isEqualTo(ITEMS);
      assertThat(history.createHistoricJobLogQuery().successLog().count()).as("successful job runs, all of them")
          .isEqualTo(4L * ITEMS);
      for (String node : perNode.keySet()) {
        for (String activity : List.of("Timer_YellowWarning", "Task_YellowReminder", "Task_SendMail")) {
          assertThat(perNode.get(node).get(activity)).as(activity + " on " + node).isPositive();
        }
      }
      LOG.info("Two nodes test done in {} s", seconds(started));
    } finally {
      // The nodes first: with the clock back in the present every timer would fall due.
      closeQuietly(nodeB);
      closeQuietly(nodeA);
      ClockUtil.reset();
      smtp.stop();
      try (Connection connection = MariaDb.connect(MariaDb.url()); Statement statement = connection.createStatement()) {
        statement.execute("drop database if exists " + DATABASE);
      }
    }
  }

  private static ConfigurableApplicationContext start(String url, String engineName, String hostname, int smtpPort) {
    return new SpringApplicationBuilder(ProposalHandlingApplication.class)
        .profiles("test", "mysql", "mysql-test")
        // No web server, as in MariaDbSchemaTest: the webapps keep state per JVM that the browser test needs.
        .web(WebApplicationType.SERVLET)
        .contextFactory(type -> new GenericWebApplicationContext(new MockServletContext()))
        .run("--spring.datasource.url=" + url,
            "--spring.datasource.hikari.maximum-pool-size=10",
            // Engines register by name in a JVM-wide registry: each node its own, never "default".
            "--camunda.bpm.process-engine-name=" + engineName,
            // Written into the history of every job this node runs (ACT_HI_JOB_LOG.HOSTNAME_).
            "--camunda.bpm.generic-properties.properties.hostname=" + hostname,
            // The job log whole, successes too: they name the node that ran each job (the app keeps failures only).
            "--proposals.history.whole-job-log=true",
            // The job executor on (the test profile turns it off), looking for due jobs often.
            "--camunda.bpm.job-execution.enabled=true",
            "--camunda.bpm.job-execution.core-pool-size=3",
            "--camunda.bpm.job-execution.max-pool-size=3",
            "--camunda.bpm.job-execution.wait-time-in-millis=200",
            "--camunda.bpm.job-execution.max-wait=1000",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtpPort);
  }

  private static void createUser(IdentityService identity, String id, String firstName, String lastName, String email,
                                 String... groups) {
    User user = identity.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    for (String group : groups) {
      identity.createMembership(id, group);
    }
  }

  /**
   * Until no job is executable and the SMTP server has the mail expected and receives no more, polling;
   * bounded by {@link #PATIENCE}. Quiet means twice in a row, half a second apart.
   */
  private static void waitUntilQuiet(ManagementService management, GreenMail smtp, int expectedMail) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    int quiet = 0;
    int lastReceived = -1;
    while (quiet < 2) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not done within " + PATIENCE + ": " + management.createJobQuery().executable().count()
            + " executable jobs, " + management.createJobQuery().withException().count() + " with an exception, "
            + smtp.getReceivedMessages().length + " of " + expectedMail + " mails received");
      }
      Thread.sleep(500);
      int received = smtp.getReceivedMessages().length;
      boolean done = management.createJobQuery().executable().count() == 0 && received >= expectedMail && received == lastReceived;
      quiet = done ? quiet + 1 : 0;
      lastReceived = received;
    }
    // A last look: nothing arrives after the jobs are gone.
    Thread.sleep(1000);
    assertThat(smtp.getReceivedMessages()).hasSize(lastReceived);
  }

  /** Sets the engine's clock (JVM-wide, so both nodes) to a Beijing time, and lets it run on from there. */
  private static void at(LocalDateTime beijingTime) {
    ClockUtil.offset(beijing(beijingTime).getTime() - System.currentTimeMillis());
  }

  private static Date beijing(LocalDateTime localDateTime) {
    return Date.from(localDateTime.atZone(EngineClock.zone()).toInstant());
  }

  private static String seconds(long since) {
    return "%.1f".formatted((System.nanoTime() - since) / 1e9);
  }

  private static void closeQuietly(ConfigurableApplicationContext context) {
    if (context != null) {
      try {
        context.close();
      } catch (RuntimeException e) {
        LOG.warn("Closing a node failed", e);
      }
    }
  }
}
