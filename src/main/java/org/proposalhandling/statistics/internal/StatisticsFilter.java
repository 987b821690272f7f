package org.proposalhandling.statistics.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.proposalhandling.workflow.TextLength;
import org.springframework.http.HttpStatus;

/**
 * What the user asked for: a session (none: all sessions), a period of registration (登记日期, both ends
 * included; either may be open) and a unit to narrow to. Parsed from the query string, the same for the page,
 * its data and the workbook.
 */
record StatisticsFilter(String session, LocalDate from, LocalDate to, String unit) {

  static StatisticsFilter from(Map<String, String> parameters, StatisticsScope scope) {
    LocalDate from = date(parameters.get("from"), "起始日期");
    LocalDate to = date(parameters.get("to"), "截止日期");
    if (from != null && to != null && from.isAfter(to)) {
      throw new StatisticsRefusal(HttpStatus.BAD_REQUEST, "起始日期不能晚于截止日期。");
    }
    String unit = blankToNull(parameters.get("unit"));
    if (unit != null && !scope.offers(unit)) {
      throw new StatisticsRefusal(HttpStatus.FORBIDDEN, "您无权查看该单位的统计。");
    }
    String session = blankToNull(parameters.get("session"));
    if (session != null && TextLength.of(session) > 100) {
      throw new StatisticsRefusal(HttpStatus.BAD_REQUEST, "会议届次不能超过 100 个字。");
    }
    return new StatisticsFilter(session, from, to, unit);
  }

  /** The parameters again, for the links to the data and the workbook. */
  Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    put(parameters, "session", session);
    put(parameters, "from", from == null ? null : from.toString());
    put(parameters, "to", to == null ? null : to.toString());
    put(parameters, "unit", unit);
    return parameters;
  }

  /** How the title rows name what was counted: the session and the period. */
  String description() {
    String what = session == null ? "全部会议" : session;
    if (from == null && to == null) {
      return what;
    }
    return what + "（登记日期 " + (from == null ? "" : from) + " 至 " + (to == null ? "" : to) + "）";
  }

  private static void put(Map<String, String> parameters, String name, String value) {
    if (value != null) {
      parameters.put(name, value);
    }
  }

  private static LocalDate date(String text, String label) {
    String value = blankToNull(text);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new StatisticsRefusal(HttpStatus.BAD_REQUEST, "「" + label + "」不是有效的日期（应为 2024-06-30 这样的格式）。");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
