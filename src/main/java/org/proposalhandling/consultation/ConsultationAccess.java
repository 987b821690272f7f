package org.proposalhandling.consultation;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.directory.Role;
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

  /** The units a user works for, from his Camunda groups (the unit's own group or any of its role groups). */
  Set<String> unitsOf(Authentication user) {
    Set<String> result = new LinkedHashSet<>();
    if (user == null || user.getGroupIds() == null) {
      return result;
    }
    for (String group : user.getGroupIds()) {
      if (units.find(group).isPresent()) {
        result.add(group);
      }
      for (Role role : Role.values()) {
        String unitId = role.unitOf(group);
        if (unitId != null && units.find(unitId).isPresent()) {
          result.add(unitId);
        }
      }
    }
    return result;
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
