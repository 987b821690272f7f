package org.proposalhandling.calendar;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The health check "holidayCalendar": the years loaded from the State Council's files, the provisional
 * years in use (asked about, or that other modules' stored dates are counted across, see {@link
 * ProvisionalCalendarUse}), and those modules' details, such as the deadlines to review since a file was
 * loaded. Status {@code PROVISIONAL} (HTTP 200, ordered below UP so that the application's status stays UP)
 * while any provisional year is in use, UP otherwise. The details name items, so only administrators see them
 * (management.endpoint.health.show-details: when-authorized: Spring Security's HTTP Basic gives the user his
 * groups as authorities, and the actuator compares them with management.endpoint.health.roles).
 */
@Component
class HolidayCalendarHealthIndicator implements HealthIndicator {

  static final Status PROVISIONAL = new Status("PROVISIONAL", "暂定节假日：尚未载入国务院办公厅当年节假日安排通知的年份，"
      + "仅按法定节假日计算，不含调休和连休安排");

  private final WorkingDayCalendar calendar;
  private final List<ProvisionalCalendarUse> uses;

  HolidayCalendarHealthIndicator(WorkingDayCalendar calendar, List<ProvisionalCalendarUse> uses) {
    this.calendar = calendar;
    this.uses = uses;
  }

  @Override
  public Health health() {
    Set<Integer> provisional = new TreeSet<>(calendar.provisionalYearsUsed());
    uses.forEach(use -> provisional.addAll(use.provisionalYears()));
    provisional.removeAll(calendar.coveredYears());
    Health.Builder health = (provisional.isEmpty() ? Health.up() : Health.status(PROVISIONAL))
        .withDetail("loadedYears", calendar.coveredYears())
        .withDetail("files", List.copyOf(calendar.sources().values()))
        .withDetail("provisionalYears", provisional);
    uses.forEach(use -> health.withDetails(use.details()));
    return health.build();
  }
}
