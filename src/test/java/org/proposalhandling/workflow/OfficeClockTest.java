package org.proposalhandling.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

/** One date format and one date-time format, in the office's zone whatever the JVM's. */
@ModelLayer
class OfficeClockTest {

  /** 2026-12-07 17:30 UTC: already 2026-12-08 in Beijing. */
  static final Instant EVENING_IN_UTC = Instant.parse("2026-12-07T17:30:00Z");

  final TimeZone jvmZone = TimeZone.getDefault();

  @BeforeEach
  void jvmInUtc() {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
  }

  @AfterEach
  void restore() {
    TimeZone.setDefault(jvmZone);
    EngineClock.useZone(EngineClock.DEFAULT_ZONE);
    ClockUtil.reset();
  }

  @Test
  void showsAMomentInBeijingByDefaultWhateverTheJvmsZone() {
    OfficeClock clock = new OfficeClock(new OfficeProperties(ZoneId.of("Asia/Shanghai")));
    assertThat(clock.dateTime(EVENING_IN_UTC)).isEqualTo("2026-12-08 01:30");
    assertThat(clock.dateTime(Date.from(EVENING_IN_UTC))).isEqualTo("2026-12-08 01:30");
    assertThat(clock.date(EVENING_IN_UTC)).isEqualTo("2026-12-08");
    assertThat(clock.date(Date.from(EVENING_IN_UTC))).isEqualTo("2026-12-08");
    assertThat(clock.date(LocalDate.of(2026, 3, 5))).isEqualTo("2026-03-05");
  }

  @Test
  void countsTodayInTheOfficesZone() {
    new OfficeClock(new OfficeProperties(ZoneId.of("Asia/Shanghai")));
    ClockUtil.setCurrentTime(Date.from(EVENING_IN_UTC));
    assertThat(EngineClock.today()).isEqualTo(LocalDate.of(2026, 12, 8));
  }

  @Test
  void anotherOfficesZoneWhenConfigured() {
    OfficeClock clock = new OfficeClock(new OfficeProperties(ZoneId.of("Asia/Urumqi")));
    assertThat(clock.dateTime(EVENING_IN_UTC)).isEqualTo("2026-12-07 23:30");
    ClockUtil.setCurrentTime(Date.from(EVENING_IN_UTC));
    assertThat(EngineClock.today()).isEqualTo(LocalDate.of(2026, 12, 7));
  }

  @Test
  void anAbsentMomentReadsAsNothing() {
    OfficeClock clock = new OfficeClock(new OfficeProperties(ZoneId.of("Asia/Shanghai")));
    assertThat(clock.dateTime((Instant) null)).isEmpty();
    assertThat(clock.dateTime((Date) null)).isEmpty();
    assertThat(clock.date((LocalDate) null)).isEmpty();
    assertThat(clock.date((Instant) null)).isEmpty();
  }
}
