package org.proposalhandling.directory;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.proposalhandling.workflow.SystemActions;
import org.springframework.stereotype.Service;

/**
 * Who may read a process instance in the engine, for any process whose subject units work on (an item, a
 * consultation): a unit's group reads the instance and its history while the unit works on it, and reads
 * nothing of it once revoked; an office's clerks read it whole. Tasks are granted by the engine to their
 * candidate groups (TASK_WORK, see application.yaml); this grants and revokes the rest.
 */
@Service
public class ProcessAccess {

  private final Grants grants;
  private final TaskService tasks;
  private final SystemActions system;

  ProcessAccess(Grants grants, TaskService tasks, SystemActions system) {
    this.grants = grants;
    this.tasks = tasks;
    this.system = system;
  }

  /** The office's clerks read the whole instance: instance, history, and every task (see {@link #officeReadsTask}). */
  public void grantOffice(String processInstanceId, String officeId) {
    grantInstance(Role.CLERK.groupOf(officeId), processInstanceId);
  }

  /** A unit working on the instance reads it with its history. */
  public void grantUnit(String processInstanceId, String unitId) {
    grantInstance(unitId, processInstanceId);
  }

  /**
   * A unit no longer working on the instance (it gave the item back, or was removed from it) reads nothing
   * of it: neither the instance nor its history (its tasks' history among it), nor the tasks its groups hold.
   */
  public void revokeUnit(String processInstanceId, String unitId) {
    system.run(() -> {
      List<String> groups = groupsOf(unitId);
      grants.revoke(groups, Resources.PROCESS_INSTANCE, processInstanceId);
      grants.revoke(groups, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId);
      // Its groups' grants on the open tasks; an ended task's grants went with it, and its history is read
      // through the instance's grant alone (engine.HistoryReadByInstance).
      for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
        grants.revoke(groups, Resources.TASK, task.getId());
      }
      return null;
    });
  }

  /**
   * The assigning office follows every task of its items, its form's values included (read only: only the
   * task's own groups work on it). A task of the office's own clerks needs nothing more: the engine grants its
   * candidate groups already.
   */
  public void officeReadsTask(DelegateTask task, String officeId) {
    String clerks = Role.CLERK.groupOf(officeId);
    boolean candidate = task.getCandidates().stream().anyMatch(link -> clerks.equals(link.getGroupId()));
    if (!candidate) {
      grant(clerks, Resources.TASK, task.getId(), READ, TaskPermissions.READ_VARIABLE);
    }
  }

  private static List<String> groupsOf(String unitId) {
    return List.of(unitId, Role.HANDLER.groupOf(unitId), Role.HEAD.groupOf(unitId), Role.OFFICIAL.groupOf(unitId));
  }

  private void grantInstance(String groupId, String processInstanceId) {
    grant(groupId, Resources.PROCESS_INSTANCE, processInstanceId, READ);
    grant(groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    system.run(() -> {
      grants.grant(groupId, resource, resourceId, permissions);
      return null;
    });
  }
}
