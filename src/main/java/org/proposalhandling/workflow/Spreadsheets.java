package org.proposalhandling.workflow;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The app's .xlsx exports: a streaming sheet whose first row, bold and frozen, names the columns. */
public final class Spreadsheets {

  private Spreadsheets() {
  }

  public static SXSSFSheet sheetWithHeader(SXSSFWorkbook workbook, String name, List<String> headers) {
    SXSSFSheet sheet = workbook.createSheet(name);
    CellStyle bold = workbook.createCellStyle();
    Font font = workbook.createFont();
    font.setBold(true);
    bold.setFont(font);
    Row header = sheet.createRow(0);
    for (int column = 0; column < headers.size(); column++) {
      header.createCell(column).setCellValue(headers.get(column));
      header.getCell(column).setCellStyle(bold);
    }
    sheet.createFreezePane(0, 1);
    return sheet;
  }
}
