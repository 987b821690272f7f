package org.proposalhandling.intakeimport;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The first sheet of an .xlsx workbook, through Apache POI; a date cell reads as an ISO date. */
final class XlsxReader {

  private XlsxReader() {
  }

  static Sheet read(byte[] bytes) {
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(Locale.CHINA);
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
      List<String> headers = null;
      List<Sheet.Row> rows = new ArrayList<>();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
          cells.add(text(row.getCell(i), formatter, evaluator));
        }
        Sheet.Row read = new Sheet.Row(row.getRowNum() + 1, cells);
        if (headers == null) {
          if (read.number() != 1) {
            throw new ImportRejectedException(new ImportError(1, null, "第 1 行须为列标题（请使用导入模板）。"));
          }
          headers = cells;
        } else if (!read.blank()) {
          rows.add(read);
        }
      }
      if (headers == null) {
        throw new ImportRejectedException(new ImportError(0, null, "文件是空的：第一个工作表中没有内容。"));
      }
      return new Sheet(headers, rows);
    } catch (ImportRejectedException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      throw new ImportRejectedException(new ImportError(0, null,
          "文件不是有效的 .xlsx 工作簿，无法读取（请用 Excel 或 WPS 另存为 .xlsx 后重试）。"));
    }
  }

  private static String text(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
    if (cell == null) {
      return null;
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      return cell.getLocalDateTimeCellValue().toLocalDate().toString();
    }
    return formatter.formatCellValue(cell, evaluator);
  }
}
