package org.proposalhandling.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

/**
 * What the handling process must keep, checked on the model alone: it routes on the app's records through
 * bean expressions, never on variables a client could write, and it commits where a user's work must not be
 * rolled back by what follows it or by a parallel branch.
 */
@ModelLayer
class ProcessModelTest {

  static final Path MODEL = Path.of("processes/proposal-handling.bpmn");
  /** Expressions may call these beans; the only plain variable is the multi-instance element, set by the engine. */
  static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
  static final Pattern ALLOWED = Pattern.compile(
      "!?(itemRouting|deliveryRouting|deadlines|deadlineReminders|decisionMail)\\.\\w+\\(execution\\)|\\w+Form|intakeRegistration|rejectionNotice"
          + "|signOffMail|documentNumbering|replyDelivery|deliveryConfirmation|feedbackReminder|noFeedback|rehandling|closing|coUnit");

  @Test
  void everyExpressionAsksABeanOrTheEngineNeverAClientVariable() throws Exception {
    String xml = Files.readString(MODEL);
    List<String> others = new ArrayList<>();
    Matcher matcher = EXPRESSION.matcher(xml);
    while (matcher.find()) {
      if (!ALLOWED.matcher(matcher.group(1).strip()).matches()) {
        others.add(matcher.group(0));
      }
    }
    assertThat(others).as("expressions reading variables").isEmpty();
    assertThat(xml).contains("${coUnit}-handler");
  }

  @Test
  void usersWorkCommitsBeforeWhatFollowsIt() {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File(MODEL.toString()));
    for (String after : List.of("StartEvent_Registered", "Task_Feedback")) {
      assertThat(node(model, after).isCamundaAsyncAfter()).as(after + " asyncAfter").isTrue();
    }
    // On the loop, not the task: each co-handling opinion commits alone, the multi-instance bookkeeping follows.
    UserTask coHandling = model.getModelElementById("Task_CoHandlingOpinion");
    assertThat(((MultiInstanceLoopCharacteristics) coHandling.getLoopCharacteristics()).isCamundaAsyncAfter()).isTrue();
    for (String before : List.of("Gateway_JoinHandling", "Task_RequestSignOff", "Task_AssignDocumentNumber",
        "Task_DeliverReply", "Task_ConfirmDelivery", "Task_NotifyRejection")) {
      assertThat(node(model, before).isCamundaAsyncBefore()).as(before + " asyncBefore").isTrue();
    }
  }

  private static FlowNode node(BpmnModelInstance model, String id) {
    return model.getModelElementById(id);
  }
}
