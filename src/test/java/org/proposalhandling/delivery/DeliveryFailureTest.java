package org.proposalhandling.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemHistory;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An item is 已答复 only once its reply has left. The SMTP server is down (stopped: its port refuses) while the
 * reply's mail uses up its retries: the item is 送达失败 with the reason on its page and in the ledger, and no
 * feedback clock runs; the server back, the office's 重新送达 sends it and the feedback clock starts.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DeliveryFailureTest {

  static final String PROPOSER = "zhangsan@demo.local";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired GreenMail smtp;
  @Autowired ItemRepository items;
  @Autowired ItemHistory history;
  ItemDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ItemDriver(engine, outbox);
  }

  @Test
  void aReplyWhoseMailCannotLeaveIsDeliveryFailedWithoutFeedbackClockUntilTheOfficeDeliversItAgain() {
    String number = "DF" + System.nanoTime();
    ProcessInstance instance = signed(number);
    String id = instance.getBusinessKey();
    WebSession office = new WebSession(port);
    office.login("jlgov-clerk", "demo");
    WebSession handler = new WebSession(port);
    handler.login("jlmz-handler", "demo");
    String page;

    smtp.stop();
    try {
      runOwnJobs(instance);
      assertThat(instance).isWaitingAt("Event_ReplySent");
      assertThat(items.get(id).status()).isEqualTo(ItemStatus.SIGNED);

      int attempts = useUpRetriesOfTheReplyMail(instance);

      assertThat(attempts).isGreaterThan(1);
      assertThat(items.get(id).status()).isEqualTo(ItemStatus.DELIVERY_FAILED);
      assertThat(instance).isWaitingAt("Event_ReplySent").isNotWaitingAt("Task_Feedback");
      assertThat(feedbackTimers(instance)).isZero();
      String reason = lastOf(id, ItemEventKind.DELIVERY_FAILED).summary();
      assertThat(reason).startsWith("答复邮件未能发给提出人：").containsIgnoringCase("connect");

      page = office.get("/items/" + id).body();
      assertThat(page).contains("id=\"delivery-failure\"", "答复邮件未能发给提出人", "action=\"/items/" + id + "/redelivery\"");
      assertThat(office.get("/items?q=" + number).body()).contains("送达失败", "答复邮件未能发给提出人");
      // The lead unit sees why its reply did not leave; only the assigning office delivers again.
      String handlersPage = handler.get("/items/" + id).body();
      assertThat(handlersPage).contains("答复邮件未能发给提出人").doesNotContain("/redelivery\"");
      HttpResponse<String> refused = handler.postForm("/items/" + id + "/redelivery", Map.of("_csrf", WebSession.csrfOf(handlersPage)));
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("只有交办机构可以重新送达答复");
      assertThat(items.get(id).status()).isEqualTo(ItemStatus.DELIVERY_FAILED);
    } finally {
      smtp.start();
    }

    HttpResponse<String> redelivered = office.postForm("/items/" + id + "/redelivery", Map.of("_csrf", WebSession.csrfOf(page)));
    assertThat(redelivered.statusCode()).isEqualTo(302);
    assertThat(items.get(id).status()).isEqualTo(ItemStatus.SIGNED);
    driver.executeJobs(instance);

    assertThat(instance).isWaitingAt("Task_Feedback");
    assertThat(items.get(id).status()).isEqualTo(ItemStatus.REPLIED);
    assertThat(feedbackTimers(instance)).isEqualTo(2);
    assertThat(new MailCatcher(smtp, outbox).to(PROPOSER, "第" + number + "号")).hasSize(1);
    assertThat(history.of(id).stream().map(ItemHistory.Entry::kind).filter(kind -> kind.name().contains("DELIVER")).toList())
        .containsExactly(ItemEventKind.DELIVERY_FAILED, ItemEventKind.REDELIVERY, ItemEventKind.DELIVERED);
    assertThat(lastOf(id, ItemEventKind.REDELIVERY).actor()).isEqualTo("jlgov-clerk");
  }

  @Test
  void aMessageThatTheReplyLeftChangesNothingWhileItHasNot() {
    ProcessInstance instance = signed("DM" + System.nanoTime());
    runOwnJobs(instance);
    assertThat(instance).isWaitingAt("Event_ReplySent");

    engine.getRuntimeService().createMessageCorrelation("ReplySent").processInstanceId(instance.getId()).correlate();
    runOwnJobs(instance);

    assertThat(instance).isWaitingAt("Event_ReplySent");
    assertThat(items.get(instance.getBusinessKey()).status()).isEqualTo(ItemStatus.SIGNED);
  }

  private ProcessInstance signed(String number) {
    ProcessInstance instance = driver.atDrafting(number, "jl-mz");
    driver.draft(instance, "答复正文");
    driver.review(instance, true, null);
    driver.signOff(instance, true, null);
    return instance;
  }

  /** Numbering and delivery: the item's own jobs, its mails left alone. */
  private void runOwnJobs(ProcessInstance instance) {
    List<Job> jobs;
    while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list()).isEmpty()) {
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  /** Each retry of the reply's mail, when its back-off has passed, until it has none left; how many were tried. */
  private int useUpRetriesOfTheReplyMail(ProcessInstance instance) {
    int attempts = 0;
    List<ExternalTask> left;
    while (!(left = replyMailTasks(instance).stream().filter(task -> task.getRetries() == null || task.getRetries() > 0).toList()).isEmpty()) {
      for (ExternalTask task : left) {
        if (task.getLockExpirationTime() != null) {
          ClockUtil.setCurrentTime(new Date(Math.max(task.getLockExpirationTime().getTime() + 1, ClockUtil.getCurrentTime().getTime())));
        }
        attempts++;
        outbox.sendIfDue(task.getBusinessKey());  // the SMTP server's port refuses: the failure is recorded, retried later
      }
    }
    ClockUtil.reset();
    return attempts;
  }

  private List<ExternalTask> replyMailTasks(ProcessInstance instance) {
    return driver.unsentReplyMails(instance).stream()
        .flatMap(mailId -> engine.getExternalTaskService().createExternalTaskQuery().topicName("mail-send").list().stream()
            .filter(task -> mailId.equals(task.getBusinessKey())))
        .toList();
  }

  private long feedbackTimers(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
        .filter(job -> engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
            .singleResult().getActivityId().matches("Timer_FeedbackReminder|Timer_NoFeedback"))
        .count();
  }

  private ItemHistory.Entry lastOf(String id, ItemEventKind kind) {
    return history.of(id).stream().filter(entry -> entry.kind() == kind).reduce((first, second) -> second).orElseThrow();
  }
}
