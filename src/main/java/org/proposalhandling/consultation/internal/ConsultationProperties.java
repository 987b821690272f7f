package org.proposalhandling.consultation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * proposals.consultation: the working days before a deadline that units still silent are reminded (default
 * 3), the shortest public round in days (default 30, the usual rule for public comment), and how many
 * comments one client may send in an hour (default 5).
 */
@ConfigurationProperties("proposals.consultation")
record ConsultationProperties(Integer reminderWorkingDays, Integer publicMinimumDays, Integer publicCommentsPerHour) {

  ConsultationProperties {
    reminderWorkingDays = reminderWorkingDays == null ? 3 : reminderWorkingDays;
    publicMinimumDays = publicMinimumDays == null ? 30 : publicMinimumDays;
    publicCommentsPerHour = publicCommentsPerHour == null ? 5 : publicCommentsPerHour;
  }
}
