package org.proposalhandling.calendar;

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
import java.util.TreeMap;
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
 * <p>The arrangement comes from {@code seeds/holidays/YYYY.yaml}, one file per notice (and from the directory
 * {@code proposals.holidays.directory}, see {@link HolidayCalendarLoader}). A file that is not exactly right
 * makes loading fail.
 *
 * <p>A year from 2025 on without a file is <b>provisional</b>: its days off are the statutory ones of the
 * 全国年节及纪念日放假办法 ({@link StatutoryHolidays}: 元旦, 春节 with 除夕, 清明节, 劳动节, 端午节, 中秋节,
 * 国庆节, and the 补假 of those falling on a weekend) besides the weekends, with no bridge days and no 调休,
 * which only the year's notice can tell. A deadline counted across such a year is provisional too
 * ({@link #provisional(LocalDate, LocalDate)}), and may move when the notice is loaded. A year before 2025
 * without a file counts Monday to Friday only. Both are logged once per year.
 *
 * <p>Thread-safe: the loaded data is an immutable snapshot, replaced whole by {@link #load}; every method
 * reads one snapshot. The only other mutable state is the record of the years asked about without a file.
 */
public final class WorkingDayCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
  /** The statutory days of each provisional year, computed once: they depend on nothing loaded. */
  private static final Map<Integer, Map<LocalDate, String>> STATUTORY = new ConcurrentHashMap<>();

  private volatile Data data;
  /** Years asked about that have no file; null in a quiet copy, which neither logs nor records. */
  private final Set<Integer> yearsWithoutFile;

  /** Builds a calendar from already parsed files; a date listed by two files is an error. */
  WorkingDayCalendar(Collection<HolidayYear> years) {
    this(Data.of(years), ConcurrentHashMap.newKeySet());
  }

  private WorkingDayCalendar(Data data, Set<Integer> yearsWithoutFile) {
    this.data = data;
    this.yearsWithoutFile = yearsWithoutFile;
  }

  /**
   * Replaces the loaded files, e.g. when the State Council's notice for a provisional year has been added.
   * Validates everything first: on an error nothing changes.
   */
  void load(Collection<HolidayYear> years) {
    data = Data.of(years);
  }

  /**
   * A frozen copy of this calendar on which the given loaded years count as provisional, to tell which
   * deadlines were computed before their year's file was loaded. It logs nothing.
   */
  public WorkingDayCalendar withProvisional(Set<Integer> years) {
    Data current = data;
    return new WorkingDayCalendar(
        Data.of(current.years().stream().filter(year -> !years.contains(year.year())).toList()), null);
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
   * off, and Saturday or Sunday only if it is a make-up working day (调休上班). In a provisional year the
   * statutory holidays are the only days off besides the weekends.
   */
  public boolean isWorkingDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return isWorkingDay(data, date);
  }

  private boolean isWorkingDay(Data current, LocalDate date) {
    if (current.daysOff().containsKey(date)) {
      return false;
    }
    if (current.makeUpWorkdays().containsKey(date)) {
      return true;
    }
    if (provisionalDayOff(current, date).isPresent()) {
      return false;
    }
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
    Data current = data;
    int step = days < 0 ? -1 : 1;
    LocalDate date = start;
    for (int remaining = Math.abs(days); remaining > 0; ) {
      date = date.plusDays(step);
      if (isWorkingDay(current, date)) {
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
    Data current = data;
    if (end.isBefore(start)) {
      return -countWorkingDays(current, end.minusDays(1), start.minusDays(1));
    }
    return countWorkingDays(current, start, end);
  }

  private int countWorkingDays(Data current, LocalDate afterThis, LocalDate upToThis) {
    int count = 0;
    for (LocalDate date = afterThis.plusDays(1); !date.isAfter(upToThis); date = date.plusDays(1)) {
      if (isWorkingDay(current, date)) {
        count++;
      }
    }
    return count;
  }

  /** {@code date} itself if it is a working day, otherwise the next working day after it. */
  public LocalDate nextWorkingDayFrom(LocalDate date) {
    Objects.requireNonNull(date, "date");
    Data current = data;
    LocalDate result = date;
    while (!isWorkingDay(current, result)) {
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
   * combined break, in a provisional year the statutory one; empty for any other date, make-up working days
   * included.
   */
  public Optional<String> holidayName(LocalDate date) {
    Objects.requireNonNull(date, "date");
    Data current = data;
    return Optional.ofNullable(current.daysOff().get(date)).or(() -> provisionalDayOff(current, date));
  }

  /**
   * Whether what this calendar says of {@code date} is provisional: its year, from 2025 on, has no file of
   * the State Council's notice yet, so only the statutory holidays are known and no 调休.
   */
  public boolean provisional(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return provisionalYear(data, date.getYear());
  }

  /**
   * Whether a date counted from {@code start} to {@code end} (either way round) depends on a provisional
   * year: whether any day after the earlier one up to the later one is {@link #provisional(LocalDate)}.
   */
  public boolean provisional(LocalDate start, LocalDate end) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Data current = data;
    LocalDate from = (start.isBefore(end) ? start : end).plusDays(1);
    LocalDate to = start.isBefore(end) ? end : start;
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      if (provisionalYear(current, year)) {
        return true;
      }
    }
    return false;
  }

  /** The years that have a data file, in ascending order. */
  public Set<Integer> coveredYears() {
    return data.sourceOfYear().keySet();
  }

  /** The provisional years this calendar has been asked about since it started, in ascending order. */
  public Set<Integer> provisionalYearsUsed() {
    Data current = data;
    Set<Integer> used = new TreeSet<>();
    if (yearsWithoutFile != null) {
      yearsWithoutFile.stream().filter(year -> provisionalYear(current, year)).forEach(used::add);
    }
    return Collections.unmodifiableSet(used);
  }

  /** Where each loaded year's data came from, e.g. {@code 2026 -> seeds/holidays/2026.yaml}. */
  Map<Integer, String> sources() {
    return data.sourceOfYear();
  }

  private static boolean provisionalYear(Data current, int year) {
    return year >= StatutoryHolidays.FIRST_YEAR && !current.sourceOfYear().containsKey(year);
  }

  /** The statutory holiday of a date in a year without a file; empty where the year has one. */
  private Optional<String> provisionalDayOff(Data current, LocalDate date) {
    int year = date.getYear();
    if (current.sourceOfYear().containsKey(year)) {
      return Optional.empty();
    }
    boolean provisional = provisionalYear(current, year);
    noteYearWithoutFile(current, year, provisional);
    if (!provisional) {
      return Optional.empty();
    }
    return Optional.ofNullable(STATUTORY.computeIfAbsent(year, StatutoryHolidays::of).get(date));
  }

  private void noteYearWithoutFile(Data current, int year, boolean provisional) {
    if (yearsWithoutFile == null || !yearsWithoutFile.add(year)) {
      return;
    }
    if (provisional) {
      log.warn("No holiday data for {} (seeds/holidays/{}.yaml is missing): counting on the provisional "
              + "calendar, weekends and the statutory holidays of 全国年节及纪念日放假办法 only, without the "
              + "bridge days and 调休 of the State Council notice 国务院办公厅关于{}年部分节假日安排的通知. "
              + "Deadlines reaching into {} are provisional; load the notice's file when it is out. "
              + "Years with data: {}",
          year, year, year, year, current.sourceOfYear().keySet());
    } else {
      log.warn("No holiday data for {} (seeds/holidays/{}.yaml is missing): counting Monday to Friday as "
              + "working days, public holidays and 调休 are ignored. Add the file from the State Council "
              + "notice 国务院办公厅关于{}年部分节假日安排的通知. Years with data: {}",
          year, year, year, current.sourceOfYear().keySet());
    }
  }

  @Override
  public String toString() {
    return "WorkingDayCalendar" + coveredYears();
  }

  /** One consistent state of the loaded files. */
  private record Data(List<HolidayYear> years, Map<LocalDate, String> daysOff, Map<LocalDate, String> makeUpWorkdays,
                      Map<Integer, String> sourceOfYear) {

    static Data of(Collection<HolidayYear> years) {
      Map<LocalDate, String> off = new HashMap<>();
      Map<LocalDate, String> makeUp = new HashMap<>();
      Map<LocalDate, String> sourceOf = new HashMap<>();
      Map<Integer, String> sourceOfYear = new TreeMap<>();
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
      return new Data(List.copyOf(years), Map.copyOf(off), Map.copyOf(makeUp),
          Collections.unmodifiableMap(sourceOfYear));
    }
  }
}
