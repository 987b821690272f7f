package org.proposalhandling.ledger.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;

/**
 * Whose items a user reads: the assigning offices he works for (every item of their jurisdiction) and the
 * handling units he works for (the items they lead or co-handle now). Taken from his Camunda groups: the
 * unit group ("jl-mz") or any role group of it ("jl-mz-handler").
 */
record LedgerScope(Set<String> officeIds, Set<String> unitIds) {

  static LedgerScope of(Authentication user, UnitDirectory directory) {
    Set<String> offices = new LinkedHashSet<>();
    Set<String> units = new LinkedHashSet<>();
    for (Unit unit : directory.unitsWorkedFor(user)) {
      (unit.assigningOffice() ? offices : units).add(unit.id());
    }
    return new LedgerScope(Set.copyOf(offices), Set.copyOf(units));
  }

  /** The units whose items the user reads, as the search knows its readers. */
  Set<String> readers() {
    Set<String> readers = new LinkedHashSet<>(officeIds);
    readers.addAll(unitIds);
    return readers;
  }

  boolean empty() {
    return officeIds.isEmpty() && unitIds.isEmpty();
  }

  /** Proposers' contacts are for the assigning office and the lead unit, not for co-handling units. */
  boolean seesContactsOf(String assigningOfficeId, String leadUnitId) {
    return officeIds.contains(assigningOfficeId) || leadUnitId != null && unitIds.contains(leadUnitId);
  }
}
