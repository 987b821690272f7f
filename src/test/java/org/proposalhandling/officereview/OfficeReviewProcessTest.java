package org.proposalhandling.officereview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemHistory;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * 督办审核 (proposals.office-review.enabled): the assigning office reviews the signed, numbered reply before it
 * leaves; it approves it, corrects its category with a reason, or returns it to the lead unit, whose reply
 * signed again keeps its document number. The reply leaves by mail to the demo's SMTP catcher.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "proposals.office-review.enabled=true")
@ActiveProfiles({"test", "demo"})
class OfficeReviewProcessTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired ItemHistory history;
  @Autowired ReplyRepository replies;
  @Autowired JdbcClient jdbc;
  ItemDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ItemDriver(engine, outbox);
  }

  @Test
  void theOfficeApprovesTheSignedReplyWhichThenLeaves() {
    ProcessInstance instance = atOfficeReview("OR1");
    assertThat(instance).isWaitingAt("Task_OfficeReview").hasNotPassed("Task_DeliverReply");
    assertThat(driver.task(instance, "Task_OfficeReview")).hasCandidateGroup("jl-gov-clerk");
    assertThat(items.get(instance.getBusinessKey()).status()).isEqualTo(ItemStatus.OFFICE_REVIEW);
    assertThat(ItemStatus.OFFICE_REVIEW.label()).isEqualTo("督办未审核");
    assertThat((String) variable(instance, "documentNumber")).startsWith("吉民议字〔");

    review(instance, "approve", "B", null, null);
    driver.executeJobs(instance);
    assertThat(instance).isWaitingAt("Task_Feedback");
    assertThat(items.get(instance.getBusinessKey()).status()).isEqualTo(ItemStatus.REPLIED);
    assertThat(kinds(instance)).containsSubsequence(ItemEventKind.SIGNED, ItemEventKind.NUMBERED,
        ItemEventKind.OFFICE_REVIEW_STARTED, ItemEventKind.OFFICE_REVIEW_APPROVED, ItemEventKind.DELIVERED);
  }

  @Test
  void theOfficeCorrectsTheCategoryWithAReasonThatTheHistoryKeeps() {
    ProcessInstance instance = atOfficeReview("OR2");
    assertThatThrownBy(() -> review(instance, "approve", "A", null, null)).hasMessageContaining("更正答复类别时须填写更正理由");
    assertThatThrownBy(() -> review(instance, "approve", "E", null, null)).hasMessageContaining("答复类别");

    review(instance, "approve", "A", "建议事项已全部落实，应为A类。", null);
    driver.executeJobs(instance);
    assertThat(instance).isWaitingAt("Task_Feedback");
    // The delivered reply's category is the one the statistics count and the letter prints.
    assertThat(replies.get(instance.getBusinessKey(), 1).category()).isEqualTo("A");
    assertThat(jdbc.sql("select concat(category_before, '>', category_after, '：', reason) from category_correction where item_id = ?")
        .param(instance.getBusinessKey()).query(String.class).list())
        .containsExactly("B>A：建议事项已全部落实，应为A类。");
    assertThat(history.of(instance.getBusinessKey())).anySatisfy(entry -> {
      assertThat(entry.kind()).isEqualTo(ItemEventKind.CATEGORY_CORRECTED);
      assertThat(entry.summary()).contains("B类", "A类", "建议事项已全部落实，应为A类。");
    });
  }

  @Test
  void aReturnedReplySignedAgainKeepsItsDocumentNumber() {
    ProcessInstance instance = atOfficeReview("OR3");
    String number = replies.get(instance.getBusinessKey(), 1).documentNumber();
    assertThatThrownBy(() -> review(instance, "return", "B", null, null)).hasMessageContaining("须填写意见说明");

    review(instance, "return", "B", null, "请补充资金安排的具体数额。");
    assertThat(instance).isWaitingAt("Task_DraftReply");
    assertThat(items.get(instance.getBusinessKey()).status()).isEqualTo(ItemStatus.DRAFTING);
    assertThat((String) variable(instance, "returnComments")).contains("【督办审核退回】请补充资金安排的具体数额。");

    driver.draft(instance, "修改稿：安排资金500万元。");
    driver.review(instance, true, null);
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);
    assertThat(instance).isWaitingAt("Task_OfficeReview");
    assertThat(variable(instance, "documentNumber")).isEqualTo(number);
    review(instance, "approve", "B", null, null);
    driver.executeJobs(instance);

    assertThat(instance).isWaitingAt("Task_Feedback");
    assertThat(replies.get(instance.getBusinessKey(), 1).documentNumber()).isEqualTo(number);
    assertThat(history.of(instance.getBusinessKey()).stream().filter(entry -> entry.kind() == ItemEventKind.NUMBERED)
        .map(ItemHistory.Entry::summary)).containsExactly(number, number);
    assertThat(kinds(instance)).containsSubsequence(ItemEventKind.SIGNED, ItemEventKind.NUMBERED,
        ItemEventKind.OFFICE_REVIEW_STARTED, ItemEventKind.OFFICE_REVIEW_RETURNED, ItemEventKind.DRAFT_SUBMITTED,
        ItemEventKind.SIGNED, ItemEventKind.NUMBERED, ItemEventKind.OFFICE_REVIEW_STARTED,
        ItemEventKind.OFFICE_REVIEW_APPROVED, ItemEventKind.DELIVERED);
  }

  @Test
  void theItemPageAndTheLedgerStampAnOpenCountersignAndAnOpenOfficeReview() {
    ProcessInstance reviewing = atOfficeReview("OR4");
    Map<String, Object> intake = ItemDriver.intake("OR5");
    intake.put("sessionName", "会签印记测试" + System.nanoTime());
    ProcessInstance countersigning = driver.register(intake);
    driver.accept(countersigning);
    driver.assignWithCountersign(countersigning, "jl-mz", "jl-cz");
    driver.opinionsToReview(countersigning, Map.of("jl-cz", "同意。"), "答复稿");
    assertThat(countersigning).isWaitingAt("Task_Countersign");

    WebSession office = new WebSession(port);
    office.login("jlgov-clerk", "demo");
    assertThat(stampOnItemPage(office, countersigning)).isEqualTo("协办未会签");
    assertThat(stampInLedger(office, countersigning)).isEqualTo("协办未会签");
    assertThat(stampOnItemPage(office, reviewing)).isEqualTo("督办未审核");
    assertThat(stampInLedger(office, reviewing)).isEqualTo("督办未审核");

    driver.countersign(countersigning, "jl-cz", true, null);
    assertThat(stampOnItemPage(office, countersigning)).isEqualTo("待签发");
    review(reviewing, "approve", "B", null, null);
    driver.executeJobs(reviewing);
    assertThat(stampInLedger(office, reviewing)).isNotEqualTo("督办未审核");
  }

  private String stampOnItemPage(WebSession web, ProcessInstance instance) {
    return between(web.get("/items/" + instance.getBusinessKey()).body(), "<dd id=\"stage\">", "</dd>");
  }

  /** The stage column of the item's row, the one row of its own session. */
  private String stampInLedger(WebSession web, ProcessInstance instance) {
    String session = items.get(instance.getBusinessKey()).sessionName();
    String page = web.get("/items?session=" + URLEncoder.encode(session, StandardCharsets.UTF_8)).body();
    return between(page, "<td class=\"stage\"><span>", "</span>");
  }

  private static String between(String page, String before, String after) {
    int start = page.indexOf(before);
    assertThat(start).as("%s in the page", before).isNotNegative();
    return page.substring(start + before.length(), page.indexOf(after, start + before.length())).strip();
  }

  /** An item whose reply (category B) the official signed and the numbering numbered. */
  private ProcessInstance atOfficeReview(String number) {
    Map<String, Object> intake = ItemDriver.intake(number);
    intake.put("sessionName", "督办审核测试" + System.nanoTime());
    return driver.signedOff(driver.atDrafting(intake, "jl-mz"));
  }

  private void review(ProcessInstance instance, String decision, String category, String reason, String comment) {
    Map<String, Object> form = new HashMap<>();
    form.put("decision", decision);
    form.put("category", category);
    form.put("categoryReason", reason);
    form.put("comment", comment);
    driver.complete(instance, "Task_OfficeReview", form);
  }

  private Object variable(ProcessInstance instance, String name) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    return engine.getTaskService().getVariableLocal(task.getId(), name);
  }

  private List<ItemEventKind> kinds(ProcessInstance instance) {
    return history.of(instance.getBusinessKey()).stream().map(ItemHistory.Entry::kind).toList();
  }
}
