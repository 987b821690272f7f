package org.proposalhandling.workspace.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;

/**
 * Whose items the signed-in user reads, as the ledger decides it: the assigning offices he works for (every item
 * of their jurisdiction) and the handling units he works for (the items they lead or co-handle now); whether he
 * signs off for a unit, and whether he administers the system.
 */
record WorkspaceScope(String userId, Set<String> groupIds, Set<String> officeIds, Set<String> unitIds,
                      boolean official, boolean administrator) {

  static final String ADMINISTRATORS = "camunda-admin";

  static WorkspaceScope of(Authentication user, UnitDirectory directory) {
    Set<String> offices = new LinkedHashSet<>();
    Set<String> units = new LinkedHashSet<>();
    for (Unit unit : directory.unitsWorkedFor(user)) {
      (unit.assigningOffice() ? offices : units).add(unit.id());
    }
    Set<String> groups = user.getGroupIds() == null ? Set.of() : Set.copyOf(user.getGroupIds());
    return new WorkspaceScope(user.getUserId(), groups, Set.copyOf(offices), Set.copyOf(units),
        !directory.unitsOf(user, Role.OFFICIAL).isEmpty(), groups.contains(ADMINISTRATORS));
  }

  public boolean office() {
    return !officeIds.isEmpty();
  }

  public boolean readsItems() {
    return !officeIds.isEmpty() || !unitIds.isEmpty();
  }
}
