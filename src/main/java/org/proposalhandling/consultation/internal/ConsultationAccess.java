package org.proposalhandling.consultation.internal;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.springframework.stereotype.Component;

/**
 * Who sees and does what on a consultation's page: the drafting unit's staff see everything; its handlers
 * record the handling of comments, revise the draft and moderate public comments; a consulted unit sees
 * the draft and its own comments. Anyone else is answered as if the consultation did not exist.
 */
@Component
class ConsultationAccess {

  private final UnitDirectory units;
  private final Consultations consultations;

  ConsultationAccess(UnitDirectory units, Consultations consultations) {
    this.units = units;
    this.consultations = consultations;
  }

  /** The units a user works for (see {@link UnitDirectory#unitsWorkedFor}). */
  Set<String> unitsOf(Authentication user) {
    return units.unitsWorkedFor(user).stream().map(Unit::id).collect(Collectors.toSet());
  }

  boolean drafts(Authentication user, Consultation consultation) {
    return unitsOf(user).contains(consultation.draftingUnitId());
  }

  /** The drafting unit's handlers act on the record: handling, revision, moderation. */
  boolean edits(Authentication user, Consultation consultation) {
    return user != null && user.getGroupIds() != null
        && user.getGroupIds().contains(Role.HANDLER.groupOf(consultation.draftingUnitId()));
  }

  boolean reads(Authentication user, Consultation consultation) {
    if (drafts(user, consultation)) {
      return true;
    }
    Set<String> mine = unitsOf(user);
    return consultations.allUnits(consultation.id()).stream().anyMatch(unit -> mine.contains(unit.unitId()));
  }
}
