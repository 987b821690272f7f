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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.proposalhandling.support.ModelLayer;

/**
 * What each process must keep, checked on the model alone: it routes on the app's records through bean
 * expressions, never on variables a client could write, and it commits where a user's work must not be
 * rolled back by what follows it or by a parallel branch. The handling process and the consultation alike.
 */
@ModelLayer
class ProcessModelTest {

  /** A model, the expressions it may use, its multi-instance element variable, and where it must commit. */
  record Model(String file, Pattern allowed, String elementVariable, List<String> asyncAfter, String parallelTask,
               List<String> asyncBefore) {

    BpmnModelInstance read() {
      return Bpmn.readModelFromFile(new File(file));
    }
  }

  static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

  static final Model HANDLING = new Model("processes/proposal-handling.bpmn", Pattern.compile(
      "!?(itemRouting|deliveryRouting|deadlines|deadlineReminders|decisionMail|countersigns|officeReviewRouting)\\.\\w+\\(execution\\)|\\w+Form|intakeRegistration|rejectionNotice"
          + "|signOffMail|signOffText|assignmentText|replyText|documentNumbering|replyDelivery|replyCopyMails|deliveryConfirmation|feedbackReminder|noFeedback|rehandling|closing|coUnit"),
      "coUnit", List.of("StartEvent_Registered", "Task_Feedback"), "Task_CoHandlingOpinion",
      List.of("Gateway_JoinHandling", "Task_CloseCountersign", "Task_RequestSignOff", "Task_AssignDocumentNumber", "Task_DeliverReply",
          "Task_CopyReply", "Task_ConfirmDelivery", "Task_NotifyRejection"));

  static final Model CONSULTATION = new Model("processes/policy-consultation.bpmn", Pattern.compile(
      "!?(consultationRouting|consultationMail|consultationRounds)\\.\\w+\\(execution\\)( == '[A-Z_]+')?|consultation\\w+Form"
          + "|consultationSignOffMail|consultedUnit"),
      "consultedUnit", List.of("StartEvent_Started"), "Task_UnitComments",
      List.of("Task_NotifyUnits", "Task_RemindUnits", "Task_CloseRound", "Task_OpenPublicRound", "Task_ClosePublicRound",
          "Task_RequestSignOff"));

  @ParameterizedTest
  @MethodSource("models")
  void everyExpressionAsksABeanOrTheEngineNeverAClientVariable(Model model) throws Exception {
    String xml = Files.readString(Path.of(model.file())).replace("&#39;", "'");
    List<String> others = new ArrayList<>();
    Matcher matcher = EXPRESSION.matcher(xml);
    while (matcher.find()) {
      if (!model.allowed().matcher(matcher.group(1).strip()).matches()) {
        others.add(matcher.group(0));
      }
    }
    assertThat(others).as("expressions reading variables").isEmpty();
    assertThat(xml).contains("${" + model.elementVariable() + "}");
  }

  @ParameterizedTest
  @MethodSource("models")
  void usersWorkCommitsBeforeWhatFollowsIt(Model model) {
    BpmnModelInstance instance = model.read();
    for (String after : model.asyncAfter()) {
      assertThat(node(instance, after).isCamundaAsyncAfter()).as(after + " asyncAfter").isTrue();
    }
    // On the loop, not the task: each parallel user's work commits alone, the multi-instance bookkeeping follows.
    UserTask parallel = instance.getModelElementById(model.parallelTask());
    assertThat(((MultiInstanceLoopCharacteristics) parallel.getLoopCharacteristics()).isCamundaAsyncAfter()).isTrue();
    for (String before : model.asyncBefore()) {
      assertThat(node(instance, before).isCamundaAsyncBefore()).as(before + " asyncBefore").isTrue();
    }
  }

  static List<Model> models() {
    return List.of(HANDLING, CONSULTATION);
  }

  private static FlowNode node(BpmnModelInstance model, String id) {
    return model.getModelElementById(id);
  }
}
