package org.proposalhandling.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.time4j.PlainDate;
import net.time4j.calendar.ChineseCalendar;
import net.time4j.calendar.EastAsianMonth;
import net.time4j.calendar.EastAsianYear;
import net.time4j.calendar.SolarTerm;

/**
 * The statutory days off of one year by the 全国年节及纪念日放假办法 as revised from 2025 (国务院令第798号),
 * without the State Council's yearly arrangement: 元旦 1 January; 春节 农历除夕 and 正月初一 to 初三; 清明节
 * the day of the solar term 清明; 劳动节 1 and 2 May; 端午节 农历五月初五; 中秋节 农历八月十五; 国庆节 1 to 3
 * October. A day of these that falls on a Saturday or a Sunday is made up (补假) on the next working day
 * after it, as the 办法 requires for the holidays of all citizens (第六条: 全体公民放假的假日，如果适逢周六、
 * 周日，应当在工作日补假): 2027's 劳动节 on Saturday and Sunday gives Monday and Tuesday off. Every notice from
 * 2025 and 2026 that had such a day gave those days off too (05-31-2025 端午, 04-05-2026 清明, 05-02-2026,
 * 10-03-2026). What the yearly notice adds cannot be known before it is out: the bridge days that join a
 * holiday to the weekend, the make-up working days (调休) that pay for them, and the extra day when two
 * holidays fall together (中秋 on 1 to 3 October). So this is a provisional calendar, and says so.
 *
 * <p>The lunar dates and 清明 come from Time4J's Chinese calendar (astronomical, on Beijing time, as the
 * Purple Mountain Observatory's calendar is). 除夕 is the day before 正月初一, the 29th or 30th of 腊月.
 */
public final class StatutoryHolidays {

  /** The first year of the revised rules; earlier ones had no 除夕 and one day of 劳动节. */
  public static final int FIRST_YEAR = 2025;

  private StatutoryHolidays() {}

  /** Every statutory day off of {@code year}, with its holiday's name ({@code 中秋节、国庆节} when they meet). */
  static Map<LocalDate, String> of(int year) {
    if (year < FIRST_YEAR) {
      throw new IllegalArgumentException("The revised statutory holidays apply from " + FIRST_YEAR + ": " + year);
    }
    Map<LocalDate, String> days = new TreeMap<>();
    put(days, LocalDate.of(year, 1, 1), "元旦");
    LocalDate newYear = local(ChineseCalendar.ofNewYear(year).transform(PlainDate.axis()));
    for (int i = -1; i <= 2; i++) {
      put(days, newYear.plusDays(i), "春节");
    }
    ChineseCalendar beforeQingming = PlainDate.of(year, 3, 15).transform(ChineseCalendar.axis());
    put(days, local(SolarTerm.MINOR_03_QINGMING_015.onOrAfter(beforeQingming).transform(PlainDate.axis())), "清明节");
    put(days, LocalDate.of(year, 5, 1), "劳动节");
    put(days, LocalDate.of(year, 5, 2), "劳动节");
    put(days, lunar(year, 5, 5), "端午节");
    put(days, lunar(year, 8, 15), "中秋节");
    for (int day = 1; day <= 3; day++) {
      put(days, LocalDate.of(year, 10, day), "国庆节");
    }
    addMakeUpDays(days);
    return Collections.unmodifiableMap(days);
  }

  /** For each day off on a weekend, in date order, the first weekday after it that is not yet off. */
  private static void addMakeUpDays(Map<LocalDate, String> days) {
    for (Map.Entry<LocalDate, String> holiday : List.copyOf(days.entrySet())) {
      if (weekend(holiday.getKey())) {
        LocalDate makeUp = holiday.getKey().plusDays(1);
        while (weekend(makeUp) || days.containsKey(makeUp)) {
          makeUp = makeUp.plusDays(1);
        }
        days.put(makeUp, holiday.getValue() + "（补假）");
      }
    }
  }

  private static boolean weekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** A day of the Chinese year that starts in {@code gregorianYear} (not a leap month). */
  private static LocalDate lunar(int gregorianYear, int month, int day) {
    ChineseCalendar date = ChineseCalendar.of(EastAsianYear.forGregorian(gregorianYear), EastAsianMonth.valueOf(month), day);
    return local(date.transform(PlainDate.axis()));
  }

  private static LocalDate local(PlainDate date) {
    return LocalDate.of(date.getYear(), date.getMonth(), date.getDayOfMonth());
  }

  private static void put(Map<LocalDate, String> days, LocalDate date, String holiday) {
    days.merge(date, holiday, (first, second) -> first + "、" + second);
  }
}
