package org.proposalhandling.header;

import java.util.Arrays;
import java.util.function.BiPredicate;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.UnitDirectory;

/**
 * A part of the app the header links to, offered to whom the part itself lets in: a link that answers 403
 * would be a way into a refusal, not a way between the parts.
 */
enum Section {
  TASKS("待办", "/camunda/app/tasklist/default/", (user, directory) -> true),
  // The ledger and the consultations show the items and drafts of the units the user works for.
  LEDGER("台账", "/items", (user, directory) -> !directory.unitsWorkedFor(user).isEmpty()),
  // As statistics' StatisticsScope: an office's clerk, or someone with a role in a handling unit.
  STATISTICS("统计", "/statistics", (user, directory) -> directory.assigningOfficeOf(user).isPresent()
      || Arrays.stream(Role.values()).anyMatch(role -> directory.unitsOf(user, role).stream()
          .anyMatch(unit -> !unit.assigningOffice()))),
  // As intakeimport's Clerks: only an assigning office's clerk imports and assigns.
  IMPORTS("导入", "/imports", (user, directory) -> directory.assigningOfficeOf(user).isPresent()),
  CONSULTATIONS("征求意见", "/consultations", (user, directory) -> !directory.unitsWorkedFor(user).isEmpty()),
  // Cockpit and Admin let in the engine's administrators only.
  COCKPIT("流程监控", "/camunda/app/cockpit/default/", (user, directory) -> administers(user)),
  ADMIN("系统管理", "/camunda/app/admin/default/", (user, directory) -> administers(user));

  private final String label;
  private final String path;
  private final BiPredicate<Authentication, UnitDirectory> opensTo;

  Section(String label, String path, BiPredicate<Authentication, UnitDirectory> opensTo) {
    this.label = label;
    this.path = path;
    this.opensTo = opensTo;
  }

  public String label() {
    return label;
  }

  public String path() {
    return path;
  }

  boolean opensTo(Authentication user, UnitDirectory directory) {
    return opensTo.test(user, directory);
  }

  private static boolean administers(Authentication user) {
    return user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
  }
}
