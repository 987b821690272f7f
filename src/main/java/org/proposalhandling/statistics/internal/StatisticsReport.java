package org.proposalhandling.statistics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything one request for statistics answers, as the page, its JSON (/statistics/data) and the workbook
 * show it: what was counted, the two tables, their definitions and the charts' series.
 */
record StatisticsReport(String title, String scope, LocalDate countedOn, Map<String, String> parameters,
                        List<String> sessions, Table bySession, Table byUnit, String resultRule, Table byPerson,
                        List<Definition> definitions, Charts charts) {

  /** A column: a count or a rate (a fraction, shown as a percentage). */
  record Column(String key, String label, boolean rate) {
  }

  /** A row's values in the order of the columns: counts as Long, rates as Double (null: nothing to divide). */
  record Row(String key, String name, List<Number> values) {
  }

  record Table(String title, String keyLabel, List<Column> columns, List<Row> rows, Row total) {
  }

  record Definition(String term, String text) {
  }

  record Series(String name, List<Long> data) {
  }

  record Slice(String name, long value) {
  }

  /**
   * Items per unit (lead and co-handling), the stages of the items per unit (stacked), the satisfaction shares,
   * and per week the replies delivered against the replies due, as running totals.
   */
  record Charts(List<String> units, List<Series> perUnit, List<String> stageUnits, List<Series> stages,
                List<Slice> satisfaction, List<String> weeks, List<Series> weekly) {
  }
}
