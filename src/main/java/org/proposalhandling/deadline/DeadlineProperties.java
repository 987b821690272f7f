package org.proposalhandling.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deadlines of application.yaml (proposals.deadlines). Defaults follow the Law on Deputies and the
 * common provincial rules: reply within 3 months of assignment, co-handling opinion within 1 month,
 * a second reply within 1 month of a "not satisfied", feedback within 20 working days of delivery, after
 * which one reminder goes out and the item closes as 未反馈 when a grace period has passed too.
 */
@ConfigurationProperties("proposals.deadlines")
record DeadlineProperties(int replyMonths, int coHandlingMonths, int rehandlingMonths,
                          int feedbackWorkingDays, int feedbackGraceWorkingDays) {

  DeadlineProperties {
    replyMonths = replyMonths == 0 ? 3 : replyMonths;
    coHandlingMonths = coHandlingMonths == 0 ? 1 : coHandlingMonths;
    rehandlingMonths = rehandlingMonths == 0 ? 1 : rehandlingMonths;
    feedbackWorkingDays = feedbackWorkingDays == 0 ? 20 : feedbackWorkingDays;
    feedbackGraceWorkingDays = feedbackGraceWorkingDays == 0 ? 5 : feedbackGraceWorkingDays;
  }
}
