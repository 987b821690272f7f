package org.proposalhandling.ledger.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.proposalhandling.workflow.Spreadsheets;
import org.proposalhandling.workflow.OfficeClock;
import org.springframework.stereotype.Component;

/**
 * The filtered ledger as an .xlsx sheet, the columns of the list. Streaming (SXSSF): only a window of rows is
 * in memory, the rest goes to a temporary file, so a list of 15,000 items costs no more memory than a page.
 */
@Component
class LedgerExport {

  static final List<String> HEADERS = List.of("编号", "会议届次", "类别", "标题", "提出人", "附议人（联名人）", "主办单位", "会办单位", "办理阶段",
      "交办日期", "答复期限", "剩余工作日", "红黄牌", "重点督办", "办理轮次", "答复类别", "满意度");
  private static final int ROWS_IN_MEMORY = 200;

  private final LedgerQuery ledger;

  LedgerExport(LedgerQuery ledger) {
    this.ledger = ledger;
  }

  void write(LedgerScope scope, LedgerFilter filter, OutputStream out) throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    try {
      SXSSFSheet sheet = Spreadsheets.sheetWithHeader(workbook, "办件台账", HEADERS);
      int[] next = {1};
      ledger.each(scope, filter, 500, rows -> rows.forEach(row -> write(sheet.createRow(next[0]++), row)));
      workbook.write(out);
    } finally {
      workbook.close();
    }
  }

  private static String day(LocalDate date) {
    return date == null ? null : OfficeClock.DATE.format(date);
  }

  private static void write(Row sheetRow, LedgerRow row) {
    List<Object> values = java.util.Arrays.asList(row.number(), row.sessionName(), row.kind().label(), row.title(),
        row.proposer(), row.coSigners(), row.leadUnit(), String.join("、", row.coHandlingUnits()), row.stage(),
        day(row.assignedOn()), day(row.replyDue()),
        row.workingDaysLeft(), row.mark() == null ? null : row.mark().label() + "牌", row.keyItem() ? "是" : "否", row.round(),
        row.category(), row.satisfaction() == null ? null : row.satisfaction().label());
    for (int column = 0; column < values.size(); column++) {
      Object value = values.get(column);
      if (value instanceof Integer number) {
        sheetRow.createCell(column).setCellValue(number);
      } else if (value != null) {
        sheetRow.createCell(column).setCellValue(value.toString());
      }
    }
  }
}
