package org.proposalhandling.numbering;

import java.util.Optional;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's yearly number series: the 发文字号 series (table document_sequence, drawn by the numbering step) and
 * the 索引号 serial of its published replies (publication_sequence). Each series only moves forward: a number
 * once issued is never issued again, so setting the next number refuses anything at or below the last one.
 */
@Service
public class NumberSeries {

  /** The two series a unit keeps per year. */
  public enum Series {
    DOCUMENT("document_sequence", "doc_year", "last_number", "发文字号"),
    INDEX("publication_sequence", "pub_year", "last_serial", "索引号");

    private final String table;
    private final String yearColumn;
    private final String lastColumn;
    private final String label;

    Series(String table, String yearColumn, String lastColumn, String label) {
      this.table = table;
      this.yearColumn = yearColumn;
      this.lastColumn = lastColumn;
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final JdbcClient jdbc;

  NumberSeries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The last number issued in the series, 0 when none yet. */
  public int last(Series series, String unitId, int year) {
    return stored(series, unitId, year).orElse(0);
  }

  /** Issues the next number of the series; the row's update locks it until the caller's transaction ends. */
  @Transactional
  public int next(Series series, String unitId, int year) {
    int updated = jdbc.sql("update " + series.table + " set " + series.lastColumn + " = " + series.lastColumn + " + 1"
            + " where unit_id = ? and " + series.yearColumn + " = ?")
        .params(unitId, year).update();
    if (updated == 0) {
      try {
        insert(series, unitId, year, 1);
      } catch (DuplicateKeyException raced) {
        return next(series, unitId, year);
      }
    }
    return last(series, unitId, year);
  }

  /**
   * Makes {@code next} the number the series issues next (numbers issued outside the system, a unit starting
   * mid-year). Refused when it is not above the last number issued: numbers never repeat.
   */
  @Transactional
  public void setNext(Series series, String unitId, int year, int next) {
    if (next < 1) {
      throw new FormValidationException("下一个" + series.label() + "序号须为正整数。");
    }
    int updated = jdbc.sql("update " + series.table + " set " + series.lastColumn + " = ? where unit_id = ? and "
            + series.yearColumn + " = ? and " + series.lastColumn + " < ?")
        .params(next - 1, unitId, year, next).update();
    if (updated == 1) {
      return;
    }
    Integer last = stored(series, unitId, year).orElse(null);
    if (last != null && last >= next) {
      throw new FormValidationException(year + "年" + series.label() + "已编至第" + last + "号，下一个序号须大于" + last
          + "，号码不能重复使用。");
    }
    if (last == null) {
      try {
        insert(series, unitId, year, next - 1);
      } catch (DuplicateKeyException raced) {
        setNext(series, unitId, year, next);
      }
    }
  }

  /** Sets either or both next numbers of a unit's year at once: when one is refused, neither changes. */
  @Transactional
  public void setNext(String unitId, int year, Integer nextDocumentNumber, Integer nextIndexSerial) {
    if (nextDocumentNumber != null) {
      setNext(Series.DOCUMENT, unitId, year, nextDocumentNumber);
    }
    if (nextIndexSerial != null) {
      setNext(Series.INDEX, unitId, year, nextIndexSerial);
    }
  }

  private Optional<Integer> stored(Series series, String unitId, int year) {
    return jdbc.sql("select " + series.lastColumn + " from " + series.table + " where unit_id = ? and " + series.yearColumn + " = ?")
        .params(unitId, year).query(Integer.class).optional();
  }

  private void insert(Series series, String unitId, int year, int last) {
    jdbc.sql("insert into " + series.table + " (unit_id, " + series.yearColumn + ", " + series.lastColumn + ") values (?, ?, ?)")
        .params(unitId, year, last).update();
  }
}
