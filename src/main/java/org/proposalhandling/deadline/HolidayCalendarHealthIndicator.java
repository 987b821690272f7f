package org.proposalhandling.deadline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The health check "holidayCalendar": the years loaded from the State Council's files, the provisional
 * years that open deadlines are counted across, and the deadlines to review since a file was loaded.
 * Status {@code PROVISIONAL} (HTTP 200, ordered below UP so that the application's status stays UP) while
 * any provisional year is in use, UP otherwise. The details name items, so only administrators see them
 * (management.endpoint.health.show-details: when-authorized: Spring Security's HTTP Basic gives the user his
 * groups as authorities, and the actuator compares them with management.endpoint.health.roles).
 */
@Component
class HolidayCalendarHealthIndicator implements HealthIndicator {

  static final Status PROVISIONAL = new Status("PROVISIONAL", "暂定节假日：尚未载入国务院办公厅当年节假日安排通知的年份，"
      + "仅按法定节假日计算，不含调休和连休安排");

  private final WorkingDayCalendar calendar;
  private final ProvisionalDeadlineReview review;

  HolidayCalendarHealthIndicator(WorkingDayCalendar calendar, ProvisionalDeadlineReview review) {
    this.calendar = calendar;
    this.review = review;
  }

  @Override
  public Health health() {
    ProvisionalDeadlineReview.Result last = review.last();
    Set<Integer> provisional = new TreeSet<>(calendar.provisionalYearsUsed());
    provisional.addAll(last.provisionalYears());
    provisional.removeAll(calendar.coveredYears());
    return (provisional.isEmpty() ? Health.up() : Health.status(PROVISIONAL))
        .withDetail("loadedYears", calendar.coveredYears())
        .withDetail("files", List.copyOf(calendar.sources().values()))
        .withDetail("provisionalYears", provisional)
        .withDetail("openDeadlinesOnProvisionalCalendar", last.provisionalDeadlines())
        .withDetail("reviewedAt", String.valueOf(last.at()))
        .withDetail("toReview", last.toReview().stream().map(HolidayCalendarHealthIndicator::describe).toList())
        .build();
  }

  static Map<String, Object> describe(ProvisionalDeadlineReview.ToReview item) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("itemId", item.itemId());
    map.put("session", item.sessionName());
    map.put("number", item.itemNumber());
    map.put("deadline", item.deadline());
    map.put("stored", item.stored().toString());
    map.put("recomputed", item.recomputed().toString());
    return map;
  }
}
