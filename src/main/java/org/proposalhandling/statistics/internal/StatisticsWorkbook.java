package org.proposalhandling.statistics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.proposalhandling.statistics.internal.StatisticsReport.Charts;
import org.proposalhandling.statistics.internal.StatisticsReport.Column;
import org.proposalhandling.statistics.internal.StatisticsReport.Series;
import org.proposalhandling.statistics.internal.StatisticsReport.Table;

/**
 * The report as an .xlsx workbook: one sheet per table (the two tables, then the charts' figures and the
 * definitions), each opening with a title row that names what was counted and the day of the export, then
 * Chinese headers; counts are numbers, rates numbers formatted as percentages.
 */
final class StatisticsWorkbook {

  private StatisticsWorkbook() {
  }

  static byte[] of(StatisticsReport report) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(workbook);
      String title = "建议提案办理统计：" + report.title() + "　统计范围：" + report.scope() + "　导出日期：" + report.countedOn();
      table(workbook, styles, title, report.bySession());
      table(workbook, styles, title, report.byUnit());
      table(workbook, styles, title, report.byPerson());
      charts(workbook, styles, title, report.charts());
      List<List<Object>> definitions = report.definitions().stream()
          .map(definition -> List.<Object>of(definition.term(), definition.text())).toList();
      sheet(workbook, styles, "指标说明", title, List.of("指标", "定义"), definitions, Set.of());
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void table(XSSFWorkbook workbook, Styles styles, String title, Table table) {
    List<String> headers = new ArrayList<>(List.of(table.keyLabel()));
    table.columns().forEach(column -> headers.add(column.label()));
    Set<Integer> percent = IntStream.range(0, table.columns().size()).filter(i -> table.columns().get(i).rate())
        .map(i -> i + 1).boxed().collect(Collectors.toSet());
    List<List<Object>> rows = new ArrayList<>();
    for (StatisticsReport.Row row : table.rows()) {
      rows.add(values(row));
    }
    rows.add(values(table.total()));
    sheet(workbook, styles, table.title(), title, headers, rows, percent);
  }

  private static List<Object> values(StatisticsReport.Row row) {
    List<Object> values = new ArrayList<>();
    values.add(row.name());
    values.addAll(row.values());
    return values;
  }

  private static void charts(XSSFWorkbook workbook, Styles styles, String title, Charts charts) {
    List<String> stageHeaders = new ArrayList<>(List.of("承办单位"));
    charts.stages().forEach(series -> stageHeaders.add(series.name()));
    sheet(workbook, styles, "办理阶段", title, stageHeaders, byCategory(charts.stageUnits(), charts.stages()), Set.of());

    long answered = charts.satisfaction().stream().mapToLong(StatisticsReport.Slice::value).sum();
    List<List<Object>> satisfaction = charts.satisfaction().stream()
        .map(slice -> List.<Object>of(slice.name(), slice.value(), answered == 0 ? "" : (double) slice.value() / answered))
        .toList();
    sheet(workbook, styles, "满意度", title, List.of("满意度", "件数", "占比"), satisfaction, Set.of(2));

    List<String> weekHeaders = new ArrayList<>(List.of("周（自周一起）"));
    charts.weekly().forEach(series -> weekHeaders.add(series.name()));
    sheet(workbook, styles, "每周答复", title, weekHeaders, byCategory(charts.weeks(), charts.weekly()), Set.of());
  }

  /** One row per category (a unit, a week), one column per series. */
  private static List<List<Object>> byCategory(List<String> categories, List<Series> series) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      List<Object> row = new ArrayList<>(List.of(categories.get(i)));
      for (Series one : series) {
        row.add(one.data().get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  private static void sheet(XSSFWorkbook workbook, Styles styles, String name, String title, List<String> headers,
                            List<List<Object>> rows, Set<Integer> percentColumns) {
    Sheet sheet = workbook.createSheet(name);
    Cell titleCell = sheet.createRow(0).createCell(0);
    titleCell.setCellValue(title);
    titleCell.setCellStyle(styles.title);
    if (headers.size() > 1) {
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
    }
    Row header = sheet.createRow(1);
    for (int i = 0; i < headers.size(); i++) {
      Cell cell = header.createCell(i);
      cell.setCellValue(headers.get(i));
      cell.setCellStyle(styles.header);
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r + 2);
      List<Object> values = rows.get(r);
      for (int c = 0; c < values.size(); c++) {
        Object value = values.get(c);
        Cell cell = row.createCell(c);
        if (value instanceof Number number) {
          cell.setCellValue(number.doubleValue());
          if (percentColumns.contains(c)) {
            cell.setCellStyle(styles.percent);
          }
        } else if (value != null) {
          cell.setCellValue(value.toString());
        }
      }
    }
    sheet.createFreezePane(1, 2);
    sheet.setColumnWidth(0, 40 * 256);
    for (int i = 1; i < headers.size(); i++) {
      sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 2 + 4) * 256);
    }
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle percent;

    Styles(XSSFWorkbook workbook) {
      Font bold = workbook.createFont();
      bold.setBold(true);
      Font large = workbook.createFont();
      large.setBold(true);
      large.setFontHeightInPoints((short) 14);
      title = workbook.createCellStyle();
      title.setFont(large);
      header = workbook.createCellStyle();
      header.setFont(bold);
      header.setWrapText(true);
      percent = workbook.createCellStyle();
      percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
    }
  }
}
