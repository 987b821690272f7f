package org.proposalhandling.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every path of an item through proposal-handling, on the real engine and database, jobs run by hand.
 * On H2 here; {@code mysql.ProposalHandlingProcessOnMariaDbTest} runs the same tests on MariaDB.
 */
@AppLayer
@SpringBootTest
@ActiveProfiles("test")
public class ProposalHandlingProcessTest {

  @Autowired ProcessEngine engine;

  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired ReplyRepository replies;
  @Autowired JdbcClient jdbc;
  @Autowired JavaMailSenderImpl sender;
  ItemDriver driver;
  /** An item is 已答复 once its reply's mail has left: an SMTP server takes it. */
  GreenMail smtp;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ItemDriver(engine, outbox);
    smtp = new GreenMail(new ServerSetup(sender.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void rejectedAtIntakeEndsWithTheReasonRecorded() {
    ProcessInstance instance = driver.register("R1");
    assertThat(instance).isWaitingAt("Task_AcceptanceReview");
    assertThat(task()).hasCandidateGroup("jl-gov-clerk");

    driver.complete(instance, "Task_AcceptanceReview", Map.of("decision", "reject", "rejectionReason", "属于个人诉求，转为来信处理。"));
    driver.executeJobs(instance);

    assertThat(instance).hasPassed("Task_NotifyRejection").isEnded();
    var item = items.get(instance.getBusinessKey());
    assertThat(item.status()).isEqualTo(ItemStatus.REJECTED);
    assertThat(item.rejectionReason()).isEqualTo("属于个人诉求，转为来信处理。");
    assertThat(jdbc.sql("select text_body from mail_message where subject_id = ? and purpose = 'rejection'")
        .param(instance.getBusinessKey()).query(String.class).single()).contains("不予立案", "属于个人诉求，转为来信处理。");
  }

  @Test
  void rejectionWithoutAReasonIsRefused() {
    ProcessInstance instance = driver.register("R2");
    assertThatThrownBy(() -> driver.complete(instance, "Task_AcceptanceReview", Map.of("decision", "reject")))
        .hasMessageContaining("不予立案时须填写理由");
    assertThat(instance).isWaitingAt("Task_AcceptanceReview");
  }

  @Test
  void withoutCoHandlingUnitsTheLeadUnitGoesStraightToDrafting() {
    ProcessInstance instance = driver.register("N1");
    driver.accept(instance);
    driver.assign(instance, "jl-mz");

    assertThat(instance).isWaitingAt("Task_ContactRecord").isNotWaitingAt("Task_CoHandlingOpinion");
    assertThat(task()).hasCandidateGroup("jl-mz-handler");
    assertThat(task().getDueDate()).isNotNull();
    driver.recordContact(instance);
    driver.executeJobs(instance);
    assertThat(instance).isWaitingAt("Task_DraftReply");
  }

  @Test
  void twoCoHandlingUnitsEachGiveAnOpinionThatTheDrafterSees() {
    ProcessInstance instance = driver.register("C2");
    driver.accept(instance);
    driver.assign(instance, "jl-mz", "jl-cz", "jl-wjw");

    assertThat(instance).isWaitingAt("Task_CoHandlingOpinion", "Task_ContactRecord");
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("jl-cz-handler").count()).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("jl-wjw-handler").count()).isEqualTo(1);

    driver.giveOpinion(instance, "jl-cz", "省财政厅将继续安排养老服务补助资金。");
    driver.recordContact(instance);
    driver.executeJobs(instance);
    assertThat(instance).isWaitingAt("Task_CoHandlingOpinion").isNotWaitingAt("Task_DraftReply");

    driver.giveOpinion(instance, "jl-wjw", "省卫健委支持医养结合机构建设。");
    driver.executeJobs(instance);
    assertThat(instance).isWaitingAt("Task_DraftReply");
    String opinions = (String) engine.getTaskService().getVariableLocal(task().getId(), "coHandlingOpinions");
    assertThat(opinions).contains("【吉林省财政厅】省财政厅将继续安排养老服务补助资金。", "【吉林省卫生健康委员会】省卫健委支持医养结合机构建设。");
  }

  @Test
  void returnedAtSignOffGoesBackToDraftingWithTheCommentThenIsApproved() {
    ProcessInstance instance = driver.atDrafting("S1", "jl-mz");
    driver.draft(instance, "初稿");
    driver.review(instance, true, null);
    assertThat(instance).isWaitingAt("Task_SignOff");
    assertThat(task()).hasCandidateGroup("jl-mz-official");

    driver.signOff(instance, false, "请补充下一步工作计划。");
    assertThat(instance).isWaitingAt("Task_DraftReply");
    assertThat((String) engine.getTaskService().getVariableLocal(task().getId(), "returnComments")).contains("请补充下一步工作计划。");
    assertThat((String) engine.getTaskService().getVariableLocal(task().getId(), "replyText")).isEqualTo("初稿");

    driver.draft(instance, "修改稿");
    driver.review(instance, true, null);
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);

    assertThat(instance).isWaitingAt("Task_Feedback");
    var reply = replies.get(instance.getBusinessKey(), 1);
    assertThat(reply.body()).isEqualTo("修改稿");
    assertThat(reply.documentNumber()).matches("吉民议字〔\\d{4}〕\\d+号");
    assertThat(reply.deliveredAt()).isNotNull();
    assertThat(items.get(instance.getBusinessKey()).status()).isEqualTo(ItemStatus.REPLIED);
  }

  @Test
  void aReplyOfManyThousandCharactersIsDraftedReviewedAndSigned() {
    ProcessInstance instance = driver.atDrafting("L1", "jl-mz");
    String longReply = "关于社区养老服务设施建设的答复。".repeat(800);
    driver.draft(instance, longReply);
    driver.review(instance, true, null);
    assertThat(instance).isWaitingAt("Task_SignOff");
    assertThat((String) engine.getTaskService().getVariableLocal(task().getId(), "replyText")).isEqualTo(longReply);
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);
    assertThat(replies.get(instance.getBusinessKey(), 1).body()).hasSize(longReply.length());
  }

  @Test
  void returnWithoutACommentIsRefused() {
    ProcessInstance instance = driver.atDrafting("S2", "jl-mz");
    driver.draft(instance, "初稿");
    assertThatThrownBy(() -> driver.review(instance, false, " ")).hasMessageContaining("须填写意见说明");
    assertThat(instance).isWaitingAt("Task_ReviewReply");
  }

  @Test
  void returnedAtReviewGoesBackToDrafting() {
    ProcessInstance instance = driver.atDrafting("V1", "jl-mz");
    driver.draft(instance, "初稿");
    assertThat(instance).isWaitingAt("Task_ReviewReply");
    assertThat(task()).hasCandidateGroup("jl-mz-head");
    driver.review(instance, false, "数据需核实。");
    assertThat(instance).isWaitingAt("Task_DraftReply");
  }

  @Test
  void satisfiedClosesTheItem() {
    ProcessInstance instance = driver.replied("F1");
    driver.feedback(instance, "SATISFIED", "");
    assertThat(instance).hasPassed("Task_Close").isEnded();
    assertThat(items.get(instance.getBusinessKey()).status()).isEqualTo(ItemStatus.CLOSED);
  }

  @Test
  void basicallySatisfiedClosesTheItem() {
    ProcessInstance instance = driver.replied("F2");
    driver.feedback(instance, "BASICALLY_SATISFIED", "");
    assertThat(instance).isEnded();
  }

  @Test
  void notSatisfiedIsHandledOnceMoreAndTheSecondFeedbackIsFinal() {
    ProcessInstance instance = driver.replied("F3");
    String firstNumber = replies.get(instance.getBusinessKey(), 1).documentNumber();
    driver.feedback(instance, "UNSATISFIED", "答复过于笼统，请说明具体时间表。");

    assertThat(instance).hasPassed("Task_StartRehandling").isWaitingAt("Task_ContactRecord").isNotWaitingAt("Task_CoHandlingOpinion");
    var item = items.get(instance.getBusinessKey());
    assertThat(item.handlingRound()).isEqualTo(2);
    assertThat(item.status()).isEqualTo(ItemStatus.HANDLING);

    driver.recordContact(instance);
    driver.executeJobs(instance);
    assertThat((String) engine.getTaskService().getVariableLocal(task().getId(), "proposerComments")).contains("答复过于笼统");
    assertThat((String) engine.getTaskService().getVariableLocal(task().getId(), "replyText")).isEqualTo("答复正文");
    driver.draft(instance, "第二次答复");
    driver.review(instance, true, null);
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);
    assertThat(replies.get(instance.getBusinessKey(), 2).documentNumber()).isNotEqualTo(firstNumber);

    driver.feedback(instance, "UNSATISFIED", "仍不满意。");
    assertThat(instance).hasPassed("Task_Close").isEnded();
    assertThat(jdbc.sql("select count(*) from feedback where item_id = ?").param(instance.getBusinessKey()).query(Integer.class).single())
        .isEqualTo(2);
  }

  @Test
  void documentNumbersFollowEachOtherWithinAUnitAndYear() {
    String first = replies.get(driver.replied("D1").getBusinessKey(), 1).documentNumber();
    String second = replies.get(driver.replied("D2").getBusinessKey(), 1).documentNumber();
    int firstSequence = Integer.parseInt(first.replaceAll(".*〕(\\d+)号", "$1"));
    assertThat(second).isEqualTo(first.replace("〕" + firstSequence + "号", "〕" + (firstSequence + 1) + "号"));
  }

  @Test
  void theProcessKeepsNoVariablesItRoutesOnTheItem() {
    ProcessInstance instance = driver.register("V9");
    driver.accept(instance);
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).isEmpty();
  }

  @Test
  void aStartFormWithoutTitleIsRefusedAndCreatesNothing() {
    Map<String, Object> form = ItemDriver.intake("B1");
    form.remove("title");
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    assertThatThrownBy(() -> driver.register(form)).isInstanceOf(BadUserRequestException.class).hasMessageContaining("请填写「标题」");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(items.findBySessionAndNumber("省政协十三届一次会议", "B1")).isEmpty();
  }

  @Test
  void aStartFormWithAnUnknownUnitIsRefused() {
    Map<String, Object> form = ItemDriver.intake("B2");
    form.put("proposedLeadUnit", "火星民政厅");
    assertThatThrownBy(() -> driver.register(form)).hasMessageContaining("“火星民政厅”不是吉林省人民政府办公厅交办范围内的承办单位");
    assertThat(items.findBySessionAndNumber("省政协十三届一次会议", "B2")).isEmpty();
  }

  @Test
  void anAssignmentToAnUnknownUnitIsRefused() {
    ProcessInstance instance = driver.register("B3");
    driver.accept(instance);
    assertThatThrownBy(() -> driver.assign(instance, "jl-mz", "no-such-unit")).hasMessageContaining("“no-such-unit”不是系统中的承办单位");
    assertThat(instance).isWaitingAt("Task_Assignment");
  }

  @Test
  void aDuplicateNumberInTheSameSessionIsRefused() {
    driver.register("B4");
    assertThatThrownBy(() -> driver.register("B4")).hasMessageContaining("已登记编号为 B4");
    Map<String, Object> otherSession = ItemDriver.intake("B4");
    otherSession.put("sessionName", "省十四届人大一次会议");
    otherSession.put("kind", "DEPUTY_SUGGESTION");
    assertThat(driver.register(otherSession).getBusinessKey()).isNotNull();
  }
}
