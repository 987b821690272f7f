package org.proposalhandling.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working days of Chinese government departments, for counting handling deadlines.
 *
 * <p>Monday to Friday are working days and Saturday and Sunday are not, except as the State Council decides
 * each year in its notice 国务院办公厅关于YYYY年部分节假日安排的通知: public holidays (元旦, 春节, 清明节,
 * 劳动节, 端午节, 中秋节, 国庆节) are days off, and <b>调休</b> ("shifted rest") moves working days around them so
 * that a holiday joins the weekend into one longer break. The weekdays inside the break become days off and,
 * in exchange, one or two Saturdays or Sundays next to it become working days (调休上班, colloquially 补班).
 * For example 2023-09-29 to 2023-10-06 were off, and Saturday 2023-10-07 and Sunday 2023-10-08 were worked.
 * A make-up Saturday or Sunday is an ordinary working day for deadlines. None of this can be computed: it
 * is published each year, usually in October to December for the following year.
 *
 * <p>The arrangement comes from {@code seeds/holidays/YYYY.yaml}, one file per notice. For a date in a year
 * without a file the calendar counts Monday to Friday only, and logs a warning once per year: add the file
 * when that year's notice is out. A file that is not exactly right makes loading fail.
 *
 * <p>Immutable and thread-safe: the data is fixed at construction (the only mutable state is the record of
 * which missing years have been warned about).
 */
public final class WorkingDayCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  private final Map<LocalDate, String> daysOff;
  private final Map<LocalDate, String> makeUpWorkdays;
  private final Set<Integer> coveredYears;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  /** Builds a calendar from already parsed files; a date listed by two files is an error. */
  WorkingDayCalendar(Collection<HolidayYear> years) {
    Map<LocalDate, String> off = new HashMap<>();
    Map<LocalDate, String> makeUp = new HashMap<>();
    Map<LocalDate, String> sourceOf = new HashMap<>();
    Map<Integer, String> sourceOfYear = new HashMap<>();
    for (HolidayYear year : years) {
      String previous = sourceOfYear.putIfAbsent(year.year(), year.source());
      if (previous != null) {
        throw new IllegalStateException("Holiday data files " + previous + " and " + year.source()
            + " are both about the year " + year.year());
      }
      for (Map<LocalDate, String> dates : List.of(year.daysOff(), year.makeUpWorkdays())) {
        for (LocalDate date : dates.keySet()) {
          String other = sourceOf.putIfAbsent(date, year.source());
          if (other != null) {
            throw new IllegalStateException("Holiday data file " + year.source() + ": " + date
                + " is already listed in " + other);
          }
        }
      }
      off.putAll(year.daysOff());
      makeUp.putAll(year.makeUpWorkdays());
    }
    this.daysOff = Map.copyOf(off);
    this.makeUpWorkdays = Map.copyOf(makeUp);
    this.coveredYears = Collections.unmodifiableSet(new TreeSet<>(sourceOfYear.keySet()));
  }

  /**
   * Loads every {@code classpath:seeds/holidays/*.yaml}.
   *
   * @throws IllegalStateException if there is no file, or a file is broken (the message names the file and
   *     the offending entry)
   */
  public static WorkingDayCalendar fromClasspath() {
    return fromClasspath(HolidayFiles.DEFAULT_LOCATION);
  }

  /** Loads the files matching a Spring resource pattern such as {@code classpath:seeds/holidays/*.yaml}. */
  static WorkingDayCalendar fromClasspath(String locationPattern) {
    return new WorkingDayCalendar(HolidayFiles.load(locationPattern));
  }

  /**
   * Whether government departments work on this date: Monday to Friday unless it is a public-holiday day
   * off, and Saturday or Sunday only if it is a make-up working day (调休上班).
   */
  public boolean isWorkingDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    if (daysOff.containsKey(date)) {
      return false;
    }
    if (makeUpWorkdays.containsKey(date)) {
      return true;
    }
    warnIfNotCovered(date.getYear());
    DayOfWeek dayOfWeek = date.getDayOfWeek();
    return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
  }

  /**
   * The date that is {@code days} working days after {@code start}. The start date itself is not counted,
   * whether or not it is a working day: the first working day after it is day 1 (as 民法典 第二百零一条 counts
   * periods: 开始的当日不计入). Five working days after 2023-09-27 is 2023-10-10. The result is always a working
   * day, except for {@code days == 0}, which returns {@code start}. A negative {@code days} counts backwards
   * the same way: -1 is the last working day before {@code start}.
   */
  public LocalDate addWorkingDays(LocalDate start, int days) {
    Objects.requireNonNull(start, "start");
    int step = days < 0 ? -1 : 1;
    LocalDate date = start;
    for (int remaining = Math.abs(days); remaining > 0; ) {
      date = date.plusDays(step);
      if (isWorkingDay(date)) {
        remaining--;
      }
    }
    return date;
  }

  /**
   * The number of working days after {@code start} up to and including {@code end}, the inverse of {@link
   * #addWorkingDays}: {@code workingDaysBetween(s, addWorkingDays(s, n)) == n}. When {@code end} is before
   * {@code start} the result is minus the number of working days from {@code end} included to {@code start}
   * excluded.
   */
  public int workingDaysBetween(LocalDate start, LocalDate end) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      return -countWorkingDays(end.minusDays(1), start.minusDays(1));
    }
    return countWorkingDays(start, end);
  }

  private int countWorkingDays(LocalDate afterThis, LocalDate upToThis) {
    int count = 0;
    for (LocalDate date = afterThis.plusDays(1); !date.isAfter(upToThis); date = date.plusDays(1)) {
      if (isWorkingDay(date)) {
        count++;
      }
    }
    return count;
  }

  /** {@code date} itself if it is a working day, otherwise the next working day after it. */
  public LocalDate nextWorkingDayFrom(LocalDate date) {
    Objects.requireNonNull(date, "date");
    LocalDate result = date;
    while (!isWorkingDay(result)) {
      result = result.plusDays(1);
    }
    return result;
  }

  /**
   * A deadline of {@code months} calendar months from {@code start}, such as the three months in which a
   * deputy's suggestion must be answered.
   *
   * <p>The usual rule, that of 民法典 第二百零一条 to 第二百零三条 for periods counted in months: the deadline is the
   * day of the final month with the same number as {@code start} (2024-05-08 + 3 months = 2024-08-08), or the
   * last day of that month if it has no such day (2024-01-31 + 1 month = 2024-02-29); and when that day is
   * not a working day (a weekend or a public-holiday day off) the deadline moves to the next working day
   * (2024-07-01 + 3 months = 2024-10-01, 国庆节, so 2024-10-08). A make-up working day (调休上班) is a working
   * day, so a deadline falling on one stays there.
   *
   * @throws IllegalArgumentException if {@code months} is negative
   */
  public LocalDate addMonths(LocalDate start, int months) {
    Objects.requireNonNull(start, "start");
    if (months < 0) {
      throw new IllegalArgumentException("months must not be negative: " + months);
    }
    return nextWorkingDayFrom(start.plusMonths(months));
  }

  /**
   * The public holiday that makes {@code date} a day off, e.g. {@code 春节}, or {@code 中秋节、国庆节} for a
   * combined break; empty for any other date, make-up working days included.
   */
  public Optional<String> holidayName(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return Optional.ofNullable(daysOff.get(date));
  }

  /** The years that have a data file, in ascending order. */
  public Set<Integer> coveredYears() {
    return coveredYears;
  }

  private void warnIfNotCovered(int year) {
    if (!coveredYears.contains(year) && warnedYears.add(year)) {
      log.warn("No holiday data for {} (seeds/holidays/{}.yaml is missing): counting Monday to Friday as "
              + "working days, public holidays and 调休 are ignored. Add the file from the State Council "
              + "notice 国务院办公厅关于{}年部分节假日安排的通知. Years with data: {}",
          year, year, year, coveredYears);
    }
  }

  @Override
  public String toString() {
    return "WorkingDayCalendar" + coveredYears;
  }
}
