package org.proposalhandling.ledger.internal;

import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.proposalhandling.directory.People;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.workflow.SystemActions;
import org.springframework.stereotype.Component;

/**
 * The item's open tasks, who holds each (the claimant, else the unit and role it waits for) and its link in
 * Tasklist. Read as the system once the ledger has decided the user may see the item: a co-handling unit
 * sees that the lead unit's draft is waiting, even if Tasklist would not show it the task itself.
 */
@Component
class OpenTasks {

  static final String TASKLIST_LINK = "/camunda/app/tasklist/default/#/?task=";

  /** An open task as the item page shows it. */
  record OpenTask(String id, String name, String holder, Date created, Date due, String link) {
  }

  private final TaskService tasks;
  private final IdentityService identity;
  private final UnitDirectory directory;
  private final SystemActions system;

  OpenTasks(TaskService tasks, IdentityService identity, UnitDirectory directory, SystemActions system) {
    this.tasks = tasks;
    this.identity = identity;
    this.directory = directory;
    this.system = system;
  }

  List<OpenTask> of(String itemId) {
    return system.run(() -> tasks.createTaskQuery().processInstanceBusinessKey(itemId).active()
        .orderByTaskCreateTime().asc().list().stream().map(this::open).toList());
  }

  private OpenTask open(Task task) {
    return new OpenTask(task.getId(), task.getName(), holder(task), task.getCreateTime(), task.getDueDate(),
        TASKLIST_LINK + task.getId());
  }

  private String holder(Task task) {
    if (task.getAssignee() != null) {
      User user = identity.createUserQuery().userId(task.getAssignee()).singleResult();
      return user == null ? task.getAssignee() : People.nameOf(user);
    }
    String groups = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).map(this::groupName).collect(Collectors.joining("、"));
    return groups.isEmpty() ? "（未分配）" : groups + "（待认领）";
  }

  private String groupName(String groupId) {
    for (Role role : Role.values()) {
      String unitId = role.unitOf(groupId);
      if (unitId != null && directory.find(unitId).isPresent()) {
        return directory.nameOf(unitId) + role.label();
      }
    }
    return directory.nameOf(groupId);
  }
}
