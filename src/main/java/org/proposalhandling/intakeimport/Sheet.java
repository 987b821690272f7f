package org.proposalhandling.intakeimport;

import java.util.List;
import java.util.Locale;

/**
 * The cells of an import file as text: its header row, then every row that is not blank, each with its number
 * as the user's spreadsheet shows it (the header is row 1). Read from .xlsx (the first sheet) or .csv.
 */
record Sheet(List<String> headers, List<Row> rows) {

  record Row(int number, List<String> cells) {

    /** The cell's text, stripped; null when blank or beyond the row's last cell. */
    String cell(int index) {
      if (index >= cells.size() || cells.get(index) == null) {
        return null;
      }
      String text = cells.get(index).strip();
      return text.isEmpty() ? null : text;
    }

    boolean blank() {
      return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
    }
  }

  static Sheet read(String fileName, byte[] bytes) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx")) {
      return XlsxReader.read(bytes);
    }
    if (name.endsWith(".csv")) {
      return CsvReader.read(bytes);
    }
    throw new ImportRejectedException(new ImportError(0, null,
        "只能导入 .xlsx（Excel）或 .csv 文件，收到的是“" + (fileName == null ? "" : fileName) + "”。"));
  }
}
