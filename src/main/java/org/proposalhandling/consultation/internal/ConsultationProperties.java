package org.proposalhandling.consultation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.consultation.
 *
 * @param reminderWorkingDays working days before a round's deadline at which units still silent are reminded
 * @param publicMinimumDays the shortest public round in days (the usual rule for public comment)
 * @param publicCommentsPerHour how many comments one client may send to a public round in an hour
 */
@ConfigurationProperties("proposals.consultation")
record ConsultationProperties(@DefaultValue("3") int reminderWorkingDays, @DefaultValue("30") int publicMinimumDays,
                              @DefaultValue("5") int publicCommentsPerHour) {
}
