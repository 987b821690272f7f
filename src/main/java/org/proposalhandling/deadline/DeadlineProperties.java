package org.proposalhandling.deadline;

import java.util.Map;
import org.proposalhandling.item.ItemKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deadlines of application.yaml (proposals.deadlines). The values at the top are the defaults for every
 * kind of item; {@code kinds.<KIND>} overrides any of them for one kind, e.g.
 * {@code proposals.deadlines.kinds.MEMBER_PROPOSAL.co-handling-months: 2}. Defaults follow the Law on
 * Deputies and the common provincial rules: reply within 3 months of assignment, extended on request to 6
 * months from assignment at most; co-handling opinion within 1 month; a request for reassignment within 5
 * working days of assignment; a yellow warning 10 working days before the reply is due; a second reply
 * within 1 month of a "not satisfied"; feedback within 20 working days of delivery, after which one reminder
 * goes out and the item closes as 未反馈 when a grace period has passed too.
 */
@ConfigurationProperties("proposals.deadlines")
record DeadlineProperties(int replyMonths, int coHandlingMonths, int rehandlingMonths, int reassignmentWorkingDays,
                          int yellowWarningWorkingDays, int maxExtensionMonths, int feedbackWorkingDays,
                          int feedbackGraceWorkingDays, Map<ItemKind, KindOverrides> kinds) {

  DeadlineProperties {
    replyMonths = replyMonths == 0 ? 3 : replyMonths;
    coHandlingMonths = coHandlingMonths == 0 ? 1 : coHandlingMonths;
    rehandlingMonths = rehandlingMonths == 0 ? 1 : rehandlingMonths;
    reassignmentWorkingDays = reassignmentWorkingDays == 0 ? 5 : reassignmentWorkingDays;
    yellowWarningWorkingDays = yellowWarningWorkingDays == 0 ? 10 : yellowWarningWorkingDays;
    maxExtensionMonths = maxExtensionMonths == 0 ? 6 : maxExtensionMonths;
    feedbackWorkingDays = feedbackWorkingDays == 0 ? 20 : feedbackWorkingDays;
    feedbackGraceWorkingDays = feedbackGraceWorkingDays == 0 ? 5 : feedbackGraceWorkingDays;
    kinds = kinds == null ? Map.of() : Map.copyOf(kinds);
  }

  /** What one kind of item changes; a setting left out keeps the default. */
  record KindOverrides(Integer replyMonths, Integer coHandlingMonths, Integer rehandlingMonths,
                       Integer reassignmentWorkingDays, Integer yellowWarningWorkingDays, Integer maxExtensionMonths,
                       Integer feedbackWorkingDays, Integer feedbackGraceWorkingDays) {
  }

  /** The deadlines of one kind of item, defaults and overrides merged. */
  record Rules(int replyMonths, int coHandlingMonths, int rehandlingMonths, int reassignmentWorkingDays,
               int yellowWarningWorkingDays, int maxExtensionMonths, int feedbackWorkingDays,
               int feedbackGraceWorkingDays) {
  }

  Rules of(ItemKind kind) {
    KindOverrides o = kind == null ? null : kinds.get(kind);
    if (o == null) {
      o = new KindOverrides(null, null, null, null, null, null, null, null);
    }
    return new Rules(
        or(o.replyMonths(), replyMonths),
        or(o.coHandlingMonths(), coHandlingMonths),
        or(o.rehandlingMonths(), rehandlingMonths),
        or(o.reassignmentWorkingDays(), reassignmentWorkingDays),
        or(o.yellowWarningWorkingDays(), yellowWarningWorkingDays),
        or(o.maxExtensionMonths(), maxExtensionMonths),
        or(o.feedbackWorkingDays(), feedbackWorkingDays),
        or(o.feedbackGraceWorkingDays(), feedbackGraceWorkingDays));
  }

  private static int or(Integer override, int fallback) {
    return override == null || override == 0 ? fallback : override;
  }
}
