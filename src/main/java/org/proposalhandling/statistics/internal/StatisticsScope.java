package org.proposalhandling.statistics.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.springframework.http.HttpStatus;

/**
 * Whose figures a user reads: an assigning office's clerk those of the office's items and of the units of its
 * jurisdiction; anyone of a handling unit only those of the items his unit leads or co-handles, and only his
 * unit's row. {@code units} are the units the page offers to narrow to.
 */
record StatisticsScope(String officeId, Set<String> unitIds, List<Unit> units) {

  static StatisticsScope of(Authentication user, UnitDirectory directory) {
    var office = directory.assigningOfficeOf(user);
    if (office.isPresent()) {
      return new StatisticsScope(office.get().id(), Set.of(), directory.jurisdictionOf(office.get().id()));
    }
    Set<Unit> own = new LinkedHashSet<>();
    for (Role role : Role.values()) {
      own.addAll(directory.unitsOf(user, role).stream().filter(unit -> !unit.assigningOffice()).toList());
    }
    if (own.isEmpty()) {
      throw new StatisticsRefusal(HttpStatus.FORBIDDEN, "您不属于任何交办机构或承办单位，没有可查看的统计。");
    }
    return new StatisticsScope(null, own.stream().map(Unit::id).collect(Collectors.toCollection(LinkedHashSet::new)),
        List.copyOf(own));
  }

  boolean office() {
    return officeId != null;
  }

  /** Whether the user may narrow the figures to this unit: one of the jurisdiction's, or his own. */
  boolean offers(String unitId) {
    return units.stream().anyMatch(unit -> unit.id().equals(unitId));
  }
}
