package org.proposalhandling.directory;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.proposalhandling.platform.SystemActions;
import org.springframework.stereotype.Service;

/**
 * Who may read an item in the engine: its assigning office from registration on, and each unit assigned to
 * it (lead or co-handling) from assignment on, through the unit's group; nobody else. Tasks are granted by
 * the engine to their candidate groups; this grants the process instance and its history.
 */
@Service
public class ItemAccess {

  private final Grants grants;
  private final SystemActions system;

  ItemAccess(Grants grants, SystemActions system) {
    this.grants = grants;
    this.system = system;
  }

  /** The assigning office's clerks read the whole item: instance, history, and every task (see {@link #officeReadsTask}). */
  public void grantOffice(String processInstanceId, String officeId) {
    grantInstance(Role.CLERK.groupOf(officeId), processInstanceId);
  }

  /** A unit assigned to the item reads it with its history. */
  public void grantUnit(String processInstanceId, String unitId) {
    grantInstance(unitId, processInstanceId);
  }

  /**
   * The assigning office follows every task of its items (read only: only the task's own groups work on it).
   * A task of the office's own clerks needs nothing more: the engine grants its candidate groups already.
   */
  public void officeReadsTask(DelegateTask task, String officeId) {
    String clerks = Role.CLERK.groupOf(officeId);
    boolean candidate = task.getCandidates().stream().anyMatch(link -> clerks.equals(link.getGroupId()));
    if (!candidate) {
      grant(clerks, Resources.TASK, task.getId(), READ);
    }
  }

  private void grantInstance(String groupId, String processInstanceId) {
    grant(groupId, Resources.PROCESS_INSTANCE, processInstanceId, READ);
    grant(groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    system.run(() -> {
      grants.grant(groupId, resource, resourceId, permission);
      return null;
    });
  }
}
