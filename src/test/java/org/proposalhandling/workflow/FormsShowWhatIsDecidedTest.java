package org.proposalhandling.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.feedback.internal.FeedbackRepository;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Each form shows what its person decides on (issue 18), as the task listeners fill it, and the forms the
 * engine holds are assembled from their parts.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class FormsShowWhatIsDecidedTest {

  @Autowired ProcessEngine engine;

  @Autowired MailOutbox outbox;
  @Autowired FormFields formFields;
  @Autowired FeedbackRepository feedbacks;
  @Autowired ReplyRepository replies;
  ItemDriver driver;

  @BeforeEach
  void setUp() {
    driver = new ItemDriver(engine, outbox);
  }

  @Test
  void theDeployedFormsCarryTheItemHeaderFromItsPart() throws Exception {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("proposal-handling").latestVersion().singleResult();
    String review;
    try (InputStream in = engine.getRepositoryService().getResourceAsStream(definition.getDeploymentId(), "forms/review.form")) {
      review = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(review).contains("\"itemNumber\"", "\"itemContent\"", "在办件台账中查看本件全貌").doesNotContain("\"part\"");
    assertThat(formFields.of(definition.getId(), "review")).contains("itemNumber", "itemTitle", "replyText", "decision");
    assertThat(formFields.of(definition.getId(), "intake")).doesNotContain("itemNumber");
  }

  @Test
  void theContactFormShowsThePhoneAndEmailAndInRehandlingWhyTheProposerWasNotSatisfied() {
    Map<String, Object> intake = ItemDriver.intake("FS1");
    intake.put("sessionName", "表单测试" + System.nanoTime());
    intake.put("proposerPhone", "13900001111");
    ProcessInstance instance = driver.register(intake);
    driver.accept(instance);
    driver.assign(instance, "jl-mz");

    Map<String, Object> first = variables(instance, "Task_ContactRecord");
    assertThat(first).containsEntry("proposerPhone", "13900001111").containsEntry("proposerEmail", "zhangsan@demo.local")
        .containsEntry("proposerComments", "");

    driver.recordContact(instance);
    driver.executeJobs(instance);
    driver.draft(instance, "答复正文");
    driver.review(instance, true, null);
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);
    driver.feedback(instance, "UNSATISFIED", "答复过于笼统，请说明具体时间表。");

    assertThat(String.valueOf(variables(instance, "Task_ContactRecord").get("proposerComments")))
        .contains("提出人不满意", "答复过于笼统，请说明具体时间表。");
  }

  @Test
  void reviewAndSignOffShowTheOpinionsAndTheContactAndTheDrafterIsFilledOnClaim() {
    Map<String, Object> intake = ItemDriver.intake("FS2");
    intake.put("sessionName", "表单测试" + System.nanoTime());
    ProcessInstance instance = driver.register(intake);
    driver.accept(instance);
    driver.assign(instance, "jl-mz", "jl-cz");
    driver.giveOpinion(instance, "jl-cz", "财政厅同意主办单位的意见。");
    driver.recordContact(instance);
    driver.executeJobs(instance);

    Task drafting = driver.task(instance, "Task_DraftReply");
    assertThat(variables(instance, "Task_DraftReply")).containsEntry("handlerName", "").containsEntry("returnComments", "");
    engine.getTaskService().claim(drafting.getId(), "jlmz-handler");
    assertThat(variables(instance, "Task_DraftReply")).containsEntry("handlerName", "李静")
        .containsEntry("handlerPhone", "0431-88900001");

    driver.draft(instance, "答复正文");
    for (String step : new String[] {"Task_ReviewReply", "Task_SignOff"}) {
      Map<String, Object> form = variables(instance, step);
      assertThat(String.valueOf(form.get("coHandlingOpinions"))).as(step).contains("【吉林省财政厅】财政厅同意主办单位的意见。");
      assertThat(String.valueOf(form.get("contactRecord"))).as(step).contains("电话", "电话联系提出人，听取意见。");
      assertThat(String.valueOf(form.get("itemContent"))).as(step).contains("建议在每个社区设立养老服务站点。");
      assertThat(form).as(step).containsEntry("rehandlingHeading", "").containsEntry("proposerReason", "")
          .containsEntry("earlierReplyNumber", "").containsEntry("earlierReplyText", "");
      if (step.equals("Task_ReviewReply")) {
        driver.review(instance, true, null);
      }
    }
  }

  @Test
  void inRehandlingReviewAndSignOffShowTheRoundTheProposersReasonAndTheFirstReply() {
    ProcessInstance instance = driver.rehandling("FS4", "答复过于笼统，请说明具体时间表。");
    String firstNumber = replies.get(instance.getBusinessKey(), 1).documentNumber();
    driver.draft(instance, "第二轮答复");
    for (String step : new String[] {"Task_ReviewReply", "Task_SignOff"}) {
      assertThat(variables(instance, step)).as(step)
          .containsEntry("rehandlingHeading", "再次办理（第2轮）")
          .containsEntry("proposerReason", "答复过于笼统，请说明具体时间表。")
          .containsEntry("earlierReplyNumber", firstNumber)
          .containsEntry("earlierReplyText", "答复正文")
          .containsEntry("replyText", "第二轮答复");
      if (step.equals("Task_ReviewReply")) {
        driver.review(instance, true, null);
      }
    }
  }

  @Test
  void notSatisfiedWithoutAReasonIsRefusedAndThePaperFeedbackTaskIsDue() {
    ProcessInstance instance = driver.replied("FS3");
    Task feedback = driver.task(instance, "Task_Feedback");
    assertThat(feedback.getDueDate()).as("即将到期 and 已超期 see the paper feedback task").isNotNull();

    Map<String, Object> unsatisfied = new HashMap<>(Map.of("satisfaction", "UNSATISFIED"));
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(feedback.getId(), unsatisfied))
        .hasMessageContaining("选择「不满意」时请填写不满意的理由");

    unsatisfied.put("unsatisfiedReason", "未说明经费来源。");
    engine.getFormService().submitTaskForm(feedback.getId(), unsatisfied);
    assertThat(feedbacks.find(instance.getBusinessKey(), 1).orElseThrow().comments()).isEqualTo("未说明经费来源。");
  }

  private Map<String, Object> variables(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().getVariablesLocal(driver.task(instance, taskKey).getId());
  }
}
