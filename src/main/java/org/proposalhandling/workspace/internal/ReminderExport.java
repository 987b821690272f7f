package org.proposalhandling.workspace.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.proposalhandling.workflow.Spreadsheets;
import org.springframework.stereotype.Component;

/** The filtered register as an .xlsx sheet, streaming (SXSSF) like the ledger's export: a window of rows in memory. */
@Component
class ReminderExport {

  static final List<String> HEADERS = List.of("时间", "编号", "标题", "主办单位", "类型", "经办人", "内容", "后续办理");
  private static final int ROWS_IN_MEMORY = 200;

  private final ReminderRegister register;

  ReminderExport(ReminderRegister register) {
    this.register = register;
  }

  void write(WorkspaceScope scope, ReminderFilter filter, OutputStream out) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
      SXSSFSheet sheet = Spreadsheets.sheetWithHeader(workbook, "催办督办登记", HEADERS);
      int[] next = {1};
      register.each(scope, filter, null, entry -> write(sheet.createRow(next[0]++), entry));
      workbook.write(out);
    }
  }

  private static void write(Row row, ReminderRegister.Entry entry) {
    List<String> values = java.util.Arrays.asList(entry.when(), entry.number(), entry.title(), entry.unit(), entry.kind(),
        entry.actor(), entry.summary(), entry.followedBy());
    for (int column = 0; column < values.size(); column++) {
      if (values.get(column) != null) {
        row.createCell(column).setCellValue(values.get(column));
      }
    }
  }
}
