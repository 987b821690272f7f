package org.proposalhandling.engine.internal;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.proposalhandling.workflow.FormValidationException;

/**
 * A user takes a task for himself and gives back only his own; only an administrator names another assignee.
 * The engine checks only that the caller may work the task (TASK_WORK), not whom he names: a candidate's
 * {@code claim} with another user's id gave the task to a user of another unit, of another office's
 * jurisdiction, or to no user at all, and a candidate could release a colleague's claim. Checked here, where
 * the engine hands every change of an existing task's assignee to the authorization provider with the old and
 * the new assignee, whichever API asked (engine REST, the webapps' copy of it, Java): refusing rolls the
 * command back. The system (no user: the app's own steps, the demo loader) is not limited.
 */
class OwnClaimsOnly extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    CommandContext command = Context.getCommandContext();
    Authentication caller = command.getAuthentication();
    if (caller != null && caller.getUserId() != null && !command.getAuthorizationManager().isCamundaAdmin(caller)) {
      refuseAssigningOthers(task, caller.getUserId(), oldAssignee, newAssignee);
    }
    return super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  private static void refuseAssigningOthers(Task task, String user, String oldAssignee, String newAssignee) {
    if (user.equals(newAssignee)) {
      return;
    }
    // Giving back his own: releasing a claim, or resolving a delegated task back to its owner.
    if (user.equals(oldAssignee) && (newAssignee == null || newAssignee.equals(task.getOwner()))) {
      return;
    }
    throw new FormValidationException(newAssignee == null
        ? "只能退回本人签收的任务，该任务由他人签收。如需改派，请联系系统管理员。"
        : "只能为本人签收任务，不能签收给他人（" + newAssignee + "）。如需改派，请联系系统管理员。");
  }
}
