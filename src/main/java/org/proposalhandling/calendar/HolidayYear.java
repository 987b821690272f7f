package org.proposalhandling.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of one data file {@code seeds/holidays/YYYY.yaml}: the arrangement of one State Council
 * notice.
 *
 * @param source         where the data came from, for error messages, e.g. {@code seeds/holidays/2024.yaml}
 * @param year           the year the notice is about
 * @param noticeTitle    e.g. 国务院办公厅关于2024年部分节假日安排的通知
 * @param noticeNumber   e.g. 国办发明电〔2023〕7号
 * @param daysOff        every public-holiday day off, with the holiday's name
 * @param makeUpWorkdays every weekend day that is a working day (调休上班), with the holiday it makes up for
 */
record HolidayYear(
    String source,
    int year,
    String noticeTitle,
    String noticeNumber,
    Map<LocalDate, String> daysOff,
    Map<LocalDate, String> makeUpWorkdays) {

  HolidayYear {
    daysOff = Collections.unmodifiableMap(new TreeMap<>(daysOff));
    makeUpWorkdays = Collections.unmodifiableMap(new TreeMap<>(makeUpWorkdays));
  }
}
