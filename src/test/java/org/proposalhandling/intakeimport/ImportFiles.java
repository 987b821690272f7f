package org.proposalhandling.intakeimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Import files as a clerk's spreadsheet program writes them: the template's columns, CSV or xlsx. */
final class ImportFiles {

  static final List<String> HEADERS = Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toList();

  private ImportFiles() {
  }

  /** A valid row, with the template's columns in order. */
  static List<String> row(String session, String number, String title) {
    return new ArrayList<>(List.of(session, number, "委员提案", title, "建议内容：" + title + "。", "张三", "李四、王五",
        "zhangsan@demo.local", "0431-88000000", "2025-01-15", "同意", "吉林省民政厅", "吉林省财政厅"));
  }

  static List<String> with(List<String> row, ImportColumn column, String value) {
    List<String> changed = new ArrayList<>(row);
    changed.set(column.ordinal(), value);
    return changed;
  }

  static String csv(List<String> headers, List<List<String>> rows) {
    StringBuilder text = new StringBuilder(line(headers));
    rows.forEach(row -> text.append(line(row)));
    return text.toString();
  }

  static String csv(List<List<String>> rows) {
    return csv(HEADERS, rows);
  }

  static byte[] bytes(String text, Charset charset) {
    return text.getBytes(charset);
  }

  /** An .xlsx file; the filed-on column as a real date cell, the number as a numeric cell when it is digits. */
  static byte[] xlsx(List<List<String>> rows) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
      Sheet sheet = workbook.createSheet("建议提案");
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADERS.size(); i++) {
        header.createCell(i).setCellValue(HEADERS.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<String> cells = rows.get(r);
        for (int i = 0; i < cells.size(); i++) {
          String value = cells.get(i);
          if (value == null) {
            continue;
          }
          if (i == ImportColumn.FILED_ON.ordinal()) {
            row.createCell(i).setCellValue(LocalDate.parse(value));
            row.getCell(i).setCellStyle(date);
          } else if (i == ImportColumn.NUMBER.ordinal() && value.matches("[1-9]\\d*")) {
            row.createCell(i).setCellValue(Double.parseDouble(value));
          } else {
            row.createCell(i).setCellValue(value);
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String line(List<String> cells) {
    return cells.stream().map(cell -> cell == null ? "" : "\"" + cell.replace("\"", "\"\"") + "\"")
        .collect(Collectors.joining(",")) + "\r\n";
  }
}
