package org.proposalhandling.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemHistory;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.Concurrently;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * 会签: after the lead unit's review, each co-handling unit agrees to the draft, returns it with a comment, or
 * stays silent past its deadline (taken as agreement); the item shows 协办未会签 until all have answered.
 */
@AppLayer
@SpringBootTest
@ActiveProfiles("test")
class CountersignProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired ItemHistory history;
  @Autowired JdbcClient jdbc;
  ItemDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ItemDriver(engine, outbox);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void bothUnitsAgreeThenTheOfficialSigns() {
    ProcessInstance instance = atCountersign("CS1");
    assertThat(instance).isWaitingAt("Task_Countersign");
    assertThat(items.get(instance.getBusinessKey()).status()).isEqualTo(ItemStatus.COUNTERSIGNING);
    assertThat(ItemStatus.COUNTERSIGNING.label()).isEqualTo("协办未会签");
    Task czTask = driver.countersignTask(instance, "jl-cz");
    assertThat(czTask.getName()).contains("会签（吉林省财政厅）");
    assertThat(engine.getTaskService().getVariableLocal(czTask.getId(), "replyText")).isEqualTo("答复稿：加强社区养老服务。");
    assertThat(engine.getTaskService().getVariableLocal(czTask.getId(), "ownOpinion")).isEqualTo("财政厅将安排补助资金。");

    driver.countersign(instance, "jl-cz", true, null);
    assertThat(instance).isWaitingAt("Task_Countersign").isNotWaitingAt("Task_SignOff");
    assertThat(items.get(instance.getBusinessKey()).status()).isEqualTo(ItemStatus.COUNTERSIGNING);

    driver.countersign(instance, "jl-wjw", true, null);
    assertThat(instance).isWaitingAt("Task_SignOff");
    assertThat(items.get(instance.getBusinessKey()).status()).isEqualTo(ItemStatus.SIGNING);
    assertThat(kinds(instance)).containsSubsequence(ItemEventKind.REVIEW_APPROVED, ItemEventKind.COUNTERSIGN_REQUESTED,
        ItemEventKind.COUNTERSIGN_AGREED, ItemEventKind.COUNTERSIGN_AGREED, ItemEventKind.COUNTERSIGN_COMPLETED);
  }

  @Test
  void aReturnGoesBackToDraftingWithTheUnitsCommentAndTheNewDraftIsCountersignedAgain() {
    ProcessInstance instance = atCountersign("CS2");
    assertThatThrownBy(() -> driver.countersign(instance, "jl-cz", false, null))
        .hasMessageContaining("退回主办单位时须填写意见说明");

    driver.countersign(instance, "jl-cz", false, "请写明2024年补助资金的数额。");
    driver.countersign(instance, "jl-wjw", true, null);
    assertThat(instance).isWaitingAt("Task_DraftReply");
    assertThat(items.get(instance.getBusinessKey()).status()).isEqualTo(ItemStatus.DRAFTING);
    Task draft = driver.task(instance, "Task_DraftReply");
    assertThat((String) engine.getTaskService().getVariableLocal(draft.getId(), "returnComments"))
        .contains("【会签退回】吉林省财政厅：请写明2024年补助资金的数额。");

    driver.draft(instance, "修改稿：2024年安排补助资金500万元。");
    driver.review(instance, true, null);
    assertThat(instance).isWaitingAt("Task_Countersign");
    assertThat(engine.getTaskService().getVariableLocal(driver.countersignTask(instance, "jl-cz").getId(), "replyText"))
        .isEqualTo("修改稿：2024年安排补助资金500万元。");
    driver.countersign(instance, "jl-cz", true, null);
    driver.countersign(instance, "jl-wjw", true, null);
    assertThat(instance).isWaitingAt("Task_SignOff");
    assertThat(kinds(instance)).containsSubsequence(ItemEventKind.COUNTERSIGN_OBJECTED, ItemEventKind.COUNTERSIGN_RETURNED,
        ItemEventKind.DRAFT_SUBMITTED, ItemEventKind.COUNTERSIGN_REQUESTED, ItemEventKind.COUNTERSIGN_COMPLETED);
  }

  @Test
  void aUnitSilentPastItsDeadlineIsTakenToAgree() {
    ProcessInstance instance = atCountersign("CS3");
    driver.countersign(instance, "jl-cz", true, null);
    Date due = driver.countersignTask(instance, "jl-wjw").getDueDate();
    assertThat(due).isNotNull();

    ClockUtil.setCurrentTime(new Date(due.getTime() - Duration.ofHours(1).toMillis()));
    driver.executeJobs(instance);
    assertThat(instance).isWaitingAt("Task_Countersign");

    ClockUtil.setCurrentTime(new Date(due.getTime() + Duration.ofMinutes(1).toMillis()));
    driver.executeJobs(instance);
    assertThat(instance).isWaitingAt("Task_SignOff");
    assertThat(jdbc.sql("select decision from countersign where item_id = ? and unit_id = 'jl-wjw'")
        .param(instance.getBusinessKey()).query(String.class).single()).isEqualTo("LAPSED");
    assertThat(history.of(instance.getBusinessKey()))
        .anySatisfy(entry -> {
          assertThat(entry.kind()).isEqualTo(ItemEventKind.COUNTERSIGN_LAPSED);
          assertThat(entry.kind().label()).isEqualTo("逾期未会签，视为同意");
          assertThat(entry.summary()).isEqualTo("吉林省卫生健康委员会");
        });
  }

  @Test
  void withoutTheChoiceAtAssignmentTheReviewedDraftGoesStraightToTheOfficial() {
    ProcessInstance instance = driver.register("CS4");
    driver.accept(instance);
    driver.assign(instance, "jl-mz", "jl-cz");
    driver.opinionsToReview(instance, Map.of("jl-cz", "同意。"), "答复稿");
    assertThat(instance).isWaitingAt("Task_SignOff").hasNotPassed("Task_OpenCountersign");
  }

  @Test
  void countersignsSubmittedAtOnceAreAllKept() throws Exception {
    List<ProcessInstance> instances = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      instances.add(atCountersign("CSC" + i + "-" + System.nanoTime()));
    }
    List<Runnable> submissions = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
          .taskDefinitionKey("Task_Countersign").list()) {
        submissions.add(() -> engine.getFormService().submitTaskForm(task.getId(), Map.of("decision", "agree")));
      }
    }
    assertThat(submissions).hasSize(12);
    assertThat(Concurrently.runAtOnce(submissions, 12)).as("countersigns rolled back").isEmpty();
    assertThat(jdbc.sql("select count(*) from countersign where item_id in (:ids) and decision = 'AGREED'")
        .param("ids", instances.stream().map(ProcessInstance::getBusinessKey).toList()).query(Integer.class).single())
        .isEqualTo(12);
    for (ProcessInstance instance : instances) {
      driver.executeJobs(instance);
      assertThat(instance).isWaitingAt("Task_SignOff");
    }
  }

  /** An item with two co-handling units asked to countersign, its draft reviewed. */
  private ProcessInstance atCountersign(String number) {
    ProcessInstance instance = driver.register(number);
    driver.accept(instance);
    driver.assignWithCountersign(instance, "jl-mz", "jl-cz", "jl-wjw");
    driver.opinionsToReview(instance, Map.of("jl-cz", "财政厅将安排补助资金。", "jl-wjw", "卫健委支持医养结合。"),
        "答复稿：加强社区养老服务。");
    return instance;
  }

  private List<ItemEventKind> kinds(ProcessInstance instance) {
    return history.of(instance.getBusinessKey()).stream().map(ItemHistory.Entry::kind).toList();
  }
}
