package org.proposalhandling.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.proposalhandling.support.ModelLayer;
import org.slf4j.LoggerFactory;

@ModelLayer
class WorkingDayCalendarTest {

  private static WorkingDayCalendar calendar;

  @BeforeAll
  static void load() {
    calendar = WorkingDayCalendar.fromClasspath();
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void coversTheFourYearsOfData() {
    assertThat(calendar.coveredYears()).containsExactly(2023, 2024, 2025, 2026);
  }

  // --- the facts of the brief --------------------------------------------------------------------

  @Test
  void midAutumnAndNationalDay2023() {
    for (LocalDate date = d("2023-09-29"); !date.isAfter(d("2023-10-06")); date = date.plusDays(1)) {
      assertThat(calendar.isWorkingDay(date)).as(date.toString()).isFalse();
      assertThat(calendar.holidayName(date)).as(date.toString()).contains("中秋节、国庆节");
    }
    assertThat(calendar.isWorkingDay(d("2023-10-07"))).as("Saturday 调休上班").isTrue();
    assertThat(calendar.isWorkingDay(d("2023-10-08"))).as("Sunday 调休上班").isTrue();
    assertThat(calendar.holidayName(d("2023-10-07"))).isEmpty();

    // 09-28 is day 1, then 10-07, 10-08, 10-09, 10-10.
    assertThat(calendar.addWorkingDays(d("2023-09-27"), 5)).isEqualTo(d("2023-10-10"));
    assertThat(calendar.addWorkingDays(d("2023-09-27"), 1)).isEqualTo(d("2023-09-28"));
    assertThat(calendar.addWorkingDays(d("2023-09-27"), 2)).isEqualTo(d("2023-10-07"));
    assertThat(calendar.addWorkingDays(d("2023-10-10"), -5)).isEqualTo(d("2023-09-27"));
    assertThat(calendar.addWorkingDays(d("2023-09-30"), 0)).isEqualTo(d("2023-09-30"));
  }

  @Test
  void springFestival2024MakeUpSundays() {
    assertThat(d("2024-02-04").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(d("2024-02-18").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(calendar.isWorkingDay(d("2024-02-04"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2024-02-18"))).isTrue();
    // 除夕 2024 (a Friday) was only "encouraged" as rest: officially a working day.
    assertThat(calendar.isWorkingDay(d("2024-02-09"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2024-02-12"))).isFalse();
  }

  @Test
  void springFestival2025MakeUpWeekend() {
    assertThat(d("2025-01-26").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(d("2025-02-08").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    assertThat(calendar.isWorkingDay(d("2025-01-26"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2025-02-08"))).isTrue();
    // From 2025 on 除夕 is a public holiday.
    assertThat(calendar.isWorkingDay(d("2025-01-28"))).isFalse();
    assertThat(calendar.holidayName(d("2025-01-28"))).contains("春节");
  }

  @Test
  void countingAcrossTheSpringFestival2024() {
    // After Thursday 02-08: 02-09 (1), Sunday 02-18 (2), 02-19..02-23 (3..7), 02-26..02-28 (8..10).
    assertThat(calendar.addWorkingDays(d("2024-02-08"), 10)).isEqualTo(d("2024-02-28"));
    assertThat(calendar.workingDaysBetween(d("2024-02-08"), d("2024-02-28"))).isEqualTo(10);
    // February 2024: 21 weekdays, minus 5 weekdays of holiday (02-12..02-16), plus 2 make-up Sundays.
    assertThat(calendar.workingDaysBetween(d("2024-01-31"), d("2024-02-29"))).isEqualTo(18);
    assertThat(calendar.workingDaysBetween(d("2024-02-28"), d("2024-02-08"))).isEqualTo(-10);
  }

  @Test
  void workingDaysBetweenIsTheInverseOfAddWorkingDays() {
    for (LocalDate start = d("2023-01-01"); start.getYear() <= 2026; start = start.plusDays(1)) {
      for (int days : new int[] {-7, -1, 1, 5, 15}) {
        LocalDate end = calendar.addWorkingDays(start, days);
        assertThat(calendar.isWorkingDay(end)).as(start + " + " + days).isTrue();
        assertThat(calendar.workingDaysBetween(start, end)).as(start + " + " + days).isEqualTo(days);
      }
    }
  }

  @Test
  void monthDeadlinesMoveToTheNextWorkingDay() {
    assertThat(calendar.addMonths(d("2024-05-08"), 3)).isEqualTo(d("2024-08-08"));
    assertThat(calendar.addMonths(d("2024-01-31"), 1)).isEqualTo(d("2024-02-29"));
    assertThat(calendar.addMonths(d("2024-07-01"), 3)).as("2024-10-01 is 国庆节").isEqualTo(d("2024-10-08"));
    assertThat(calendar.addMonths(d("2025-01-01"), 1)).as("2025-02-01 is 春节").isEqualTo(d("2025-02-05"));
    assertThat(calendar.addMonths(d("2024-05-10"), 3)).as("Saturday").isEqualTo(d("2024-08-12"));
    assertThat(calendar.addMonths(d("2024-08-14"), 1)).as("a make-up Saturday stays").isEqualTo(d("2024-09-14"));
    assertThatIllegalArgumentException().isThrownBy(() -> calendar.addMonths(d("2024-08-14"), -1));
  }

  // --- every date of the data against the notices ----------------------------------------------

  /** The notices once more, written independently of the yaml files: days off as ranges, then make-up days. */
  private static final String[][] NOTICES = {
    // 国办发明电〔2022〕16号
    {"2022-12-31/2023-01-02", "2023-01-21/2023-01-27", "2023-04-05", "2023-04-29/2023-05-03",
      "2023-06-22/2023-06-24", "2023-09-29/2023-10-06"},
    {"2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08"},
    // 国办发明电〔2023〕7号
    {"2024-01-01", "2024-02-10/2024-02-17", "2024-04-04/2024-04-06", "2024-05-01/2024-05-05", "2024-06-10",
      "2024-09-15/2024-09-17", "2024-10-01/2024-10-07"},
    {"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
      "2024-10-12"},
    // 国办发明电〔2024〕12号
    {"2025-01-01", "2025-01-28/2025-02-04", "2025-04-04/2025-04-06", "2025-05-01/2025-05-05",
      "2025-05-31/2025-06-02", "2025-10-01/2025-10-08"},
    {"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"},
    // 国办发明电〔2025〕7号
    {"2026-01-01/2026-01-03", "2026-02-15/2026-02-23", "2026-04-04/2026-04-06", "2026-05-01/2026-05-05",
      "2026-06-19/2026-06-21", "2026-09-25/2026-09-27", "2026-10-01/2026-10-07"},
    {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"},
  };

  @Test
  void everyDateFrom2023To2026MatchesTheNotices() {
    Set<LocalDate> off = new HashSet<>();
    Set<LocalDate> makeUp = new HashSet<>();
    for (int i = 0; i < NOTICES.length; i += 2) {
      for (String range : NOTICES[i]) {
        String[] ends = range.split("/");
        LocalDate last = d(ends[ends.length - 1]);
        for (LocalDate date = d(ends[0]); !date.isAfter(last); date = date.plusDays(1)) {
          off.add(date);
        }
      }
      for (String date : NOTICES[i + 1]) {
        makeUp.add(d(date));
      }
    }
    assertThat(off).hasSize(27 + 28 + 28 + 33);
    assertThat(makeUp).hasSize(7 + 8 + 5 + 6);

    List<String> wrong = new ArrayList<>();
    for (LocalDate date = d("2022-12-31"); !date.isAfter(d("2026-12-31")); date = date.plusDays(1)) {
      boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
      boolean expected = makeUp.contains(date) || (!weekend && !off.contains(date));
      if (calendar.isWorkingDay(date) != expected || calendar.holidayName(date).isPresent() != off.contains(date)) {
        wrong.add(date + " " + date.getDayOfWeek());
      }
    }
    assertThat(wrong).isEmpty();
  }

  // --- years without data: the provisional calendar ----------------------------------------------

  @Test
  void theStatutoryHolidaysOf2027AreDaysOffOnTheProvisionalCalendar() {
    // 除夕 is 腊月廿九 in 2027: the new moon of 正月 is at 23:56 Beijing time on 02-06.
    // A day off on a Saturday or Sunday is made up (补假) on the next weekday not yet off.
    assertThat(StatutoryHolidays.of(2027)).containsExactly(
        entry(d("2027-01-01"), "元旦"),
        entry(d("2027-02-05"), "春节"), entry(d("2027-02-06"), "春节"), entry(d("2027-02-07"), "春节"),
        entry(d("2027-02-08"), "春节"), entry(d("2027-02-09"), "春节（补假）"), entry(d("2027-02-10"), "春节（补假）"),
        entry(d("2027-04-05"), "清明节"),
        entry(d("2027-05-01"), "劳动节"), entry(d("2027-05-02"), "劳动节"),
        entry(d("2027-05-03"), "劳动节（补假）"), entry(d("2027-05-04"), "劳动节（补假）"),
        entry(d("2027-06-09"), "端午节"),
        entry(d("2027-09-15"), "中秋节"),
        entry(d("2027-10-01"), "国庆节"), entry(d("2027-10-02"), "国庆节"), entry(d("2027-10-03"), "国庆节"),
        entry(d("2027-10-04"), "国庆节（补假）"), entry(d("2027-10-05"), "国庆节（补假）"));
    for (String weekday : List.of("2027-01-01", "2027-02-05", "2027-02-08", "2027-04-05", "2027-06-09",
        "2027-09-15", "2027-10-01", "2027-02-09", "2027-02-10", "2027-05-03", "2027-05-04", "2027-10-04",
        "2027-10-05")) {
      assertThat(calendar.isWorkingDay(d(weekday))).as(weekday).isFalse();
    }
    assertThat(calendar.holidayName(d("2027-02-05"))).contains("春节");
    assertThat(calendar.holidayName(d("2027-09-15"))).contains("中秋节");
    assertThat(calendar.holidayName(d("2027-05-03"))).contains("劳动节（补假）");
    // No bridge day and no 调休: the day before 春节 and the day after its 补假 are worked, and no weekend day.
    assertThat(calendar.isWorkingDay(d("2027-02-04"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2027-02-11"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2027-10-06"))).as("Wednesday after 国庆节's 补假").isTrue();
    assertThat(calendar.isWorkingDay(d("2027-02-13"))).as("a Saturday").isFalse();
  }

  @Test
  void whenMidAutumnFallsOnNationalDayTheyShareTheDay() {
    // 中秋 2028 is 10-03: four statutory days become three, as the two holidays meet; Sunday 10-01 is made up
    // on Wednesday 10-04, the first weekday not off, and no fourth day follows for 中秋.
    assertThat(StatutoryHolidays.of(2028)).containsEntry(d("2028-10-03"), "中秋节、国庆节")
        .containsEntry(d("2028-10-04"), "国庆节（补假）").doesNotContainKey(d("2028-10-05"));
  }

  @Test
  void theLibraryAgreesWithTheNoticesWhereTheyAreOut() {
    // Every statutory day of 2025 and 2026 computed by the library is a day off in the State Council's files,
    // and so is every 补假 the rule gives (端午 on Sat 2025-05-31; 清明 on Sun 2026-04-05, 劳动节 on Sat 05-02,
    // 国庆节 on Sat 10-03).
    for (int year : new int[] {2025, 2026}) {
      for (LocalDate date : StatutoryHolidays.of(year).keySet()) {
        assertThat(calendar.holidayName(date)).as(date.toString()).isPresent();
        assertThat(calendar.provisional(date)).as(date.toString()).isFalse();
      }
    }
    assertThat(StatutoryHolidays.of(2026)).containsKeys(d("2026-02-16"), d("2026-02-19"), d("2026-04-05"),
        d("2026-06-19"), d("2026-09-25"));
    assertThat(StatutoryHolidays.of(2025)).containsEntry(d("2025-06-02"), "端午节（补假）");
    assertThat(StatutoryHolidays.of(2026)).containsEntry(d("2026-04-06"), "清明节（补假）")
        .containsEntry(d("2026-05-04"), "劳动节（补假）").containsEntry(d("2026-10-05"), "国庆节（补假）");
  }

  @Test
  void deadlinesReachingInto2027() {
    // 3 months from Tue 2026-12-15: Mon 2027-03-15, a working day, but counted on the provisional calendar.
    assertThat(calendar.addMonths(d("2026-12-15"), 3)).isEqualTo(d("2027-03-15"));
    assertThat(calendar.provisional(d("2026-12-15"), d("2027-03-15"))).isTrue();
    // 3 months from 2026-11-06: Sat 2027-02-06 (正月初一), Sun, Mon 02-08 (初三), 补假 Tue and Wed: Thu 02-11.
    assertThat(calendar.addMonths(d("2026-11-06"), 3)).isEqualTo(d("2027-02-11"));
    // After Thu 2027-02-04: 02-05 (除夕) to 02-10 off, so the first working day is Thu 02-11.
    assertThat(calendar.addWorkingDays(d("2027-02-04"), 1)).isEqualTo(d("2027-02-11"));
    // 1 month from 2027-09-01: Fri 10-01 国庆节, the weekend, 补假 Mon and Tue: Wed 10-06.
    assertThat(calendar.addMonths(d("2027-09-01"), 1)).isEqualTo(d("2027-10-06"));
  }

  @Test
  void aDateIsProvisionalWhenItsYearHasNoFile() {
    assertThat(calendar.provisional(d("2026-12-31"))).isFalse();
    assertThat(calendar.provisional(d("2027-01-04"))).isTrue();
    assertThat(calendar.provisional(d("2026-06-01"), d("2026-12-31"))).isFalse();
    assertThat(calendar.provisional(d("2026-12-31"), d("2026-06-01"))).as("counted backwards").isFalse();
    assertThat(calendar.provisional(d("2027-01-04"), d("2026-12-20"))).isTrue();
    assertThat(calendar.provisional(d("2022-06-01"))).as("before the revised rules: no holidays known").isFalse();

    WorkingDayCalendar without2026 = calendar.withProvisional(Set.of(2026));
    assertThat(without2026.provisional(d("2026-03-02"))).isTrue();
    assertThat(without2026.isWorkingDay(d("2026-02-14"))).as("a make-up Saturday of the notice").isFalse();
    assertThat(without2026.isWorkingDay(d("2026-02-23"))).as("a bridge day of the notice").isTrue();
    assertThat(calendar.provisional(d("2026-03-02"))).as("the original stays as it is").isFalse();
  }

  @Test
  void aYearWithoutDataIsProvisionalFrom2025AndWeekendsOnlyBeforeAndWarnsOnce() {
    Logger logger = (Logger) LoggerFactory.getLogger(WorkingDayCalendar.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      WorkingDayCalendar fresh = WorkingDayCalendar.fromClasspath();
      fresh.isWorkingDay(d("2025-10-01"));
      assertThat(appender.list).as("no warning for a year with data").isEmpty();

      assertThat(fresh.isWorkingDay(d("2030-10-01"))).as("a Tuesday, 国庆节").isFalse();
      assertThat(fresh.isWorkingDay(d("2030-01-01"))).as("a Tuesday, 元旦").isFalse();
      assertThat(fresh.isWorkingDay(d("2030-10-04"))).as("a Friday, no bridge day").isTrue();
      assertThat(fresh.isWorkingDay(d("2030-10-05"))).as("a Saturday").isFalse();
      assertThat(fresh.addWorkingDays(d("2030-09-27"), 5)).isEqualTo(d("2030-10-09"));
      assertThat(fresh.holidayName(d("2030-10-01"))).contains("国庆节");
      assertThat(fresh.provisionalYearsUsed()).containsExactly(2030);

      assertThat(appender.list).hasSize(1);
      ILoggingEvent warning = appender.list.get(0);
      assertThat(warning.getLevel()).isEqualTo(Level.WARN);
      assertThat(warning.getFormattedMessage()).contains("2030", "seeds/holidays/2030.yaml", "provisional");

      assertThat(fresh.isWorkingDay(d("2022-10-03"))).as("a Monday of 2022, before the revised rules").isTrue();
      assertThat(fresh.holidayName(d("2022-10-03"))).isEmpty();
      assertThat(appender.list).hasSize(2);
      assertThat(appender.list.get(1).getFormattedMessage()).contains("2022", "Monday to Friday");
      assertThat(fresh.provisionalYearsUsed()).containsExactly(2030);
    } finally {
      logger.detachAppender(appender);
    }
  }

  // --- data files ------------------------------------------------------------------------------

  @Test
  void loadsFilesFromAnotherLocation() {
    WorkingDayCalendar test = WorkingDayCalendar.fromClasspath("classpath:calendar/valid/*.yaml");
    assertThat(test.coveredYears()).containsExactly(2031);
    assertThat(test.isWorkingDay(d("2031-04-26"))).as("make-up Saturday").isTrue();
    assertThat(test.isWorkingDay(d("2031-01-23"))).isFalse();
    assertThat(test.holidayName(d("2031-10-01"))).contains("中秋节、国庆节");
  }

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        Arguments.of("broken-date", "2031-02-30"),
        Arguments.of("broken-makeup", "2031-03-05"),
        Arguments.of("broken-holiday", "圣诞节"));
  }

  @ParameterizedTest
  @MethodSource("brokenFiles")
  void aBrokenFileIsReportedWithItsNameAndEntry(String directory, String offendingEntry) {
    assertThatIllegalStateException()
        .isThrownBy(() -> WorkingDayCalendar.fromClasspath("classpath:calendar/" + directory + "/*.yaml"))
        .withMessageContaining("calendar/" + directory + "/2031.yaml")
        .withMessageContaining(offendingEntry);
  }

  @Test
  void noFileAtAllIsAnError() {
    assertThatIllegalStateException()
        .isThrownBy(() -> WorkingDayCalendar.fromClasspath("classpath:calendar/nothing-here/*.yaml"))
        .withMessageContaining("No holiday data file");
  }
}
