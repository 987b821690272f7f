package org.proposalhandling.officereview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * 会签 and 督办审核 are each an assigning office's rule: here 吉林省人民政府办公厅 (jl-gov) asks 会签 and 长治市人民政府办公室
 * (cz-gov) does not, and cz-gov reviews its replies before delivery while jl-gov does not (the global defaults are
 * off).
 */
@AppLayer
@SpringBootTest(properties = {"camunda.bpm.process-engine-name=perOfficeRulesTest",
    "proposals.countersign.offices.jl-gov=true", "proposals.office-review.offices.cz-gov=true"})
@ActiveProfiles("test")
class PerOfficeRulesTest {

  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  ItemDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ItemDriver(engine, outbox);
  }

  @Test
  void assignmentProposesCountersignAsTheItemsOfficeRuleAndTheDraftGoesWhereItSays() {
    ProcessInstance jilin = reviewedDraftAsAssignmentProposes("PO1", "jl-gov", "jl-mz", "jl-cz");
    ProcessInstance changzhi = reviewedDraftAsAssignmentProposes("PO2", "cz-gov", "cz-mz", "cz-czj");

    assertThat(jilin).isWaitingAt("Task_Countersign").isNotWaitingAt("Task_SignOff");
    assertThat(changzhi).isWaitingAt("Task_SignOff").hasNotPassed("Task_OpenCountersign");
  }

  @Test
  void onlyTheOfficeThatAsksItReviewsTheSignedReply() {
    ProcessInstance jilin = signed("PO3", "jl-gov", "jl-mz");
    ProcessInstance changzhi = signed("PO4", "cz-gov", "cz-mz");

    // Delivered: its mail waits in the outbox (this context has no SMTP server).
    assertThat(jilin).hasPassed("Task_DeliverReply").hasNotPassed("Task_OfficeReview");
    assertThat(changzhi).isWaitingAt("Task_OfficeReview").hasNotPassed("Task_DeliverReply");
    assertThat(driver.task(changzhi, "Task_OfficeReview")).hasCandidateGroup("cz-gov-clerk");
  }

  /** 交办 submitted with the 会签 box as the form showed it, then opinions, contact, draft and review. */
  private ProcessInstance reviewedDraftAsAssignmentProposes(String number, String office, String leadUnit, String coUnit) {
    ProcessInstance instance = driver.register(intake(number, office));
    driver.accept(instance);
    Object proposed = engine.getTaskService().getVariableLocal(driver.task(instance, "Task_Assignment").getId(), "countersign");
    driver.complete(instance, "Task_Assignment", Map.of("leadUnit", leadUnit,
        "coHandlingUnits", SpinValues.jsonValue(Spin.JSON(Arrays.asList(coUnit))).create(), "keyItem", false,
        "countersign", proposed));
    driver.opinionsToReview(instance, Map.of(coUnit, "同意主办单位意见。"), "答复稿");
    return instance;
  }

  private ProcessInstance signed(String number, String office, String leadUnit) {
    return driver.signedOff(driver.atDrafting(intake(number, office), leadUnit));
  }

  private static Map<String, Object> intake(String number, String office) {
    Map<String, Object> intake = ItemDriver.intake(number);
    intake.put("assigningOffice", office);
    intake.put("sessionName", "按办公室规定测试" + office);
    return intake;
  }
}
