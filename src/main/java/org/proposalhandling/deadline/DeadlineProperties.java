package org.proposalhandling.deadline;

import java.util.Map;
import org.proposalhandling.item.ItemKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadlines (proposals.deadlines). Months are calendar months (a deadline on a day off moves to the next
 * working day); working days skip weekends and public holidays and count 调休 (seeds/holidays). The defaults
 * follow the Law on Deputies and the common provincial rules.
 *
 * @param replyMonths months from assignment within which the reply is due
 * @param coHandlingMonths months from assignment within which a co-handling unit gives its opinion (会办意见)
 * @param rehandlingMonths months within which the second reply follows a 不满意
 * @param reassignmentWorkingDays working days from assignment within which a unit may ask for reassignment (调整交办)
 * @param yellowWarningWorkingDays working days before the reply is due at which the yellow warning shows
 * @param maxExtensionMonths months from assignment that an extension (延期) never goes past
 * @param feedbackWorkingDays working days from delivery within which the deputy gives feedback; then one reminder
 * @param feedbackGraceWorkingDays working days after the reminder before the item closes as 未反馈
 * @param officeWorkingDays working days from registration within which the assigning office reviews (立案审查) and
 *     assigns (交办) an item, the due date of both tasks; the same for every kind
 * @param kinds any of these per kind of item (DEPUTY_SUGGESTION, MEMBER_PROPOSAL, PARTY_GROUP_PROPOSAL,
 *     COMMITTEE_PROPOSAL), e.g. {@code kinds.MEMBER_PROPOSAL.co-handling-months: 2}; what a kind leaves out
 *     keeps the value above
 */
@ConfigurationProperties("proposals.deadlines")
record DeadlineProperties(@DefaultValue("3") int replyMonths, @DefaultValue("1") int coHandlingMonths,
                          @DefaultValue("1") int rehandlingMonths, @DefaultValue("5") int reassignmentWorkingDays,
                          @DefaultValue("10") int yellowWarningWorkingDays, @DefaultValue("6") int maxExtensionMonths,
                          @DefaultValue("20") int feedbackWorkingDays, @DefaultValue("5") int feedbackGraceWorkingDays,
                          @DefaultValue("5") int officeWorkingDays, Map<ItemKind, KindOverrides> kinds) {

  DeadlineProperties {
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
