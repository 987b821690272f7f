package org.proposalhandling.consultation.internal;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.proposalhandling.consultation.internal.Comment.Source;
import org.proposalhandling.workflow.SystemActions;
import org.springframework.stereotype.Component;

/**
 * Keeps the read-only views of the drafter's open forms current: what he records on the consultation's page
 * (a comment's handling, a revised draft) shows at once in the Tasklist form he has open, instead of the
 * state of the moment the task was created. The consulted units' tasks keep the version they were asked on.
 */
@Component
class OpenFormViews {

  private static final List<String> DRAFTER_TASKS = List.of("Task_HandleComments", "Task_HandlePublicComments", "Task_Explanation");

  private final TaskService tasks;
  private final Consultations consultations;
  private final CommentSheet sheet;
  private final SystemActions system;

  OpenFormViews(TaskService tasks, Consultations consultations, CommentSheet sheet, SystemActions system) {
    this.tasks = tasks;
    this.consultations = consultations;
    this.sheet = sheet;
    this.system = system;
  }

  void refresh(Consultation consultation) {
    system.run(() -> {
      for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(consultation.id()).list()) {
        if (DRAFTER_TASKS.contains(task.getTaskDefinitionKey())) {
          Map<String, Object> shown = tasks.getVariablesLocal(task.getId(), List.of("draftText", "commentSheet"));
          if (shown.containsKey("draftText")) {
            tasks.setVariableLocal(task.getId(), "draftText", consultations.latestVersion(consultation.id()).body());
          }
          if (shown.containsKey("commentSheet")) {
            Source source = task.getTaskDefinitionKey().equals("Task_HandlePublicComments") ? Source.PUBLIC : Source.UNIT;
            tasks.setVariableLocal(task.getId(), "commentSheet", sheet.of(consultation, source));
          }
        }
      }
      return null;
    });
  }
}
