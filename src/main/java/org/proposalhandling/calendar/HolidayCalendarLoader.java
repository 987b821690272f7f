package org.proposalhandling.calendar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Loads the holiday files into the working-day calendar: the shipped ones of {@code seeds/holidays/} and
 * those of {@code proposals.holidays.directory}, at start (before any request counts a day) and again on
 * demand, when the administrator has put a new year's file there.
 */
@Component
@EnableConfigurationProperties(HolidayProperties.class)
public class HolidayCalendarLoader {

  private static final Logger log = LoggerFactory.getLogger(HolidayCalendarLoader.class);

  private final WorkingDayCalendar calendar;
  private final HolidayProperties properties;

  /** The shipped files; the loader adds the directory's as it starts. */
  @Bean
  static WorkingDayCalendar workingDayCalendar() {
    return WorkingDayCalendar.fromClasspath();
  }

  HolidayCalendarLoader(WorkingDayCalendar calendar, HolidayProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
    if (properties.directory() != null) {
      calendar.load(years());
      log.info("Holiday data loaded for {} from {}", calendar.coveredYears(), calendar.sources().values());
    }
  }

  /**
   * Reads every file again and replaces the calendar's data.
   *
   * @throws IllegalStateException if a file is broken; the calendar then stays as it was
   */
  public synchronized void reload() {
    calendar.load(years());
    log.info("Holiday data reloaded: {} from {}", calendar.coveredYears(), calendar.sources().values());
  }

  private List<HolidayYear> years() {
    Map<Integer, HolidayYear> byYear = new LinkedHashMap<>();
    HolidayFiles.load(HolidayFiles.DEFAULT_LOCATION).forEach(year -> byYear.put(year.year(), year));
    if (properties.directory() != null) {
      for (HolidayYear year : HolidayFiles.loadDirectory(properties.directory())) {
        HolidayYear shipped = byYear.put(year.year(), year);
        if (shipped != null) {
          log.info("Holiday data for {}: {} replaces {}", year.year(), year.source(), shipped.source());
        }
      }
    }
    return new ArrayList<>(byYear.values());
  }
}
