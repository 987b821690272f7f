package org.proposalhandling.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every date and time a user reads (pages, mails, exports) in the office's zone and in one of two formats,
 * 2026-12-07 and 2026-12-07 15:32; in templates {@code ${@clock.dateTime(instant)}}. Absent values read as
 * nothing. Letters keep the 公文 date (2026年12月7日) of their own layout.
 */
@Component("clock")
@EnableConfigurationProperties(OfficeProperties.class)
public class OfficeClock {

  /** The one date format, for the callers that hold a calendar date and no bean. */
  public static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

  OfficeClock(OfficeProperties properties) {
    EngineClock.useZone(properties.zone());
  }

  public String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  public String date(Instant moment) {
    return moment == null ? "" : DATE.format(moment.atZone(EngineClock.zone()));
  }

  public String date(Date moment) {
    return moment == null ? "" : date(moment.toInstant());
  }

  public String dateTime(Instant moment) {
    return moment == null ? "" : DATE_TIME.format(moment.atZone(EngineClock.zone()));
  }

  public String dateTime(Date moment) {
    return moment == null ? "" : dateTime(moment.toInstant());
  }
}
