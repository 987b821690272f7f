package org.proposalhandling.workspace.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The tasks waiting for the user, by stage: those he has claimed (我的待办) and those open to his groups and
 * still unclaimed (本单位待办). Counted per task definition in the engine as the signed-in user, one count each
 * (the engine's task indexes, changeset 016), never by loading the tasks: an office holds thousands in a session.
 */
@Component
class TaskCounts {

  static final String ITEM_PROCESS = "proposal-handling";
  static final String CONSULTATION_PROCESS = "policy-consultation";
  static final String TASKLIST = "/camunda/app/tasklist/default/";

  /** The item's user tasks in the order of the process, named as the README's stage table and the ledger name them. */
  static final Map<String, String> STAGES = stages();

  /** Tasklist's filters (directory.TaskFilters creates them for every role) the two columns open. */
  private static final String MINE_FILTER = "我的待办";
  private static final String UNIT_FILTER = "本单位待办";

  /** One row: a stage, the tasks claimed by the user and those waiting for his groups. */
  record Row(String stage, long mine, long unclaimed) {
  }

  /** The rows with any task, the links of the two columns, and the consultation's row apart. */
  record Tasks(List<Row> rows, String mineLink, String unclaimedLink, Row consultation) {

    public boolean none() {
      return rows.isEmpty() && consultation.mine() + consultation.unclaimed() == 0;
    }

    public long count(String stage) {
      return rows.stream().filter(row -> row.stage().equals(stage)).mapToLong(row -> row.mine() + row.unclaimed()).sum();
    }
  }

  private final TaskService tasks;
  private final FilterService filters;

  TaskCounts(TaskService tasks, FilterService filters) {
    this.tasks = tasks;
    this.filters = filters;
  }

  Tasks of(WorkspaceScope scope) {
    Map<String, long[]> byStage = new LinkedHashMap<>();
    STAGES.forEach((key, stage) -> {
      long[] counts = byStage.computeIfAbsent(stage, s -> new long[2]);
      counts[0] += mine(scope, ITEM_PROCESS).taskDefinitionKey(key).count();
      counts[1] += unclaimed(scope, ITEM_PROCESS).map(query -> query.taskDefinitionKey(key).count()).orElse(0L);
    });
    List<Row> rows = new ArrayList<>();
    byStage.forEach((stage, counts) -> {
      if (counts[0] + counts[1] > 0) {
        rows.add(new Row(stage, counts[0], counts[1]));
      }
    });
    Row consultation = new Row("征求意见", mine(scope, CONSULTATION_PROCESS).count(),
        unclaimed(scope, CONSULTATION_PROCESS).map(TaskQuery::count).orElse(0L));
    return new Tasks(rows, link(MINE_FILTER), link(UNIT_FILTER), consultation);
  }

  private TaskQuery mine(WorkspaceScope scope, String process) {
    return tasks.createTaskQuery().processDefinitionKey(process).taskAssignee(scope.userId());
  }

  /** A candidate query returns the unclaimed tasks only; a user of no group has none. */
  private Optional<TaskQuery> unclaimed(WorkspaceScope scope, String process) {
    return scope.groupIds().isEmpty() ? Optional.empty()
        : Optional.of(tasks.createTaskQuery().processDefinitionKey(process).taskCandidateGroupIn(List.copyOf(scope.groupIds())));
  }

  /** Tasklist opened on the filter, or on its start when the user may not read the filter. */
  private String link(String filterName) {
    return filters.createTaskFilterQuery().filterName(filterName).list().stream().findFirst().map(Filter::getId)
        .map(id -> TASKLIST + "#/?filter=" + id).orElse(TASKLIST);
  }

  private static Map<String, String> stages() {
    Map<String, String> stages = new LinkedHashMap<>();
    stages.put("Task_AcceptanceReview", "待立案审查");
    stages.put("Task_Assignment", "待交办");
    stages.put("Task_CoHandlingOpinion", "会办及沟通");
    stages.put("Task_ContactRecord", "会办及沟通");
    stages.put("Task_DraftReply", "起草答复");
    stages.put("Task_ReviewReply", "审核答复");
    stages.put("Task_SignOff", "待签发");
    stages.put("Task_Feedback", "已答复（纸质反馈）");
    stages.put("Task_DecideExtension", "延期申请待审批");
    stages.put("Task_DecideReassignment", "调整交办申请待审核");
    stages.put("Task_Supervise", "督办");
    return java.util.Collections.unmodifiableMap(stages);
  }
}
