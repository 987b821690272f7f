package org.proposalhandling.workspace.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An official's replies waiting for his sign-off (he signs from the link in his mail): each with its item, to
 * read on the item's page first. The tasks as the engine gives them to him, their items in one statement.
 */
@Component
class SignOffsWaiting {

  /** More than a day's sign-offs is a backlog to see in Tasklist, not a list to scroll on the home page. */
  static final int SHOWN = 50;

  record SignOff(String itemId, String number, String title, LocalDate replyDue) {
  }

  private final TaskService tasks;
  private final JdbcClient jdbc;

  SignOffsWaiting(TaskService tasks, JdbcClient jdbc) {
    this.tasks = tasks;
    this.jdbc = jdbc;
  }

  List<SignOff> of(WorkspaceScope scope) {
    if (!scope.official() || scope.groupIds().isEmpty()) {
      return List.of();
    }
    List<Task> waiting = new ArrayList<>(tasks.createTaskQuery().processDefinitionKey(TaskCounts.ITEM_PROCESS)
        .taskDefinitionKey("Task_SignOff").or().taskAssignee(scope.userId())
        .taskCandidateGroupIn(List.copyOf(scope.groupIds())).endOr().orderByDueDate().asc().listPage(0, SHOWN));
    if (waiting.isEmpty()) {
      return List.of();
    }
    Map<String, SignOff> byInstance = jdbc.sql("""
            select process_instance_id, id, item_number, title, reply_due from item where process_instance_id in (:ids)""")
        .param("ids", waiting.stream().map(Task::getProcessInstanceId).toList())
        .query((rs, row) -> Map.entry(rs.getString("process_instance_id"), new SignOff(rs.getString("id"),
            rs.getString("item_number"), rs.getString("title"), rs.getObject("reply_due", LocalDate.class))))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    return waiting.stream().map(task -> byInstance.get(task.getProcessInstanceId())).filter(java.util.Objects::nonNull)
        .distinct().toList();
  }
}
