package org.proposalhandling.intakeimport;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The cells of an import file as text, a row at a time, never the whole file in memory: its header row first,
 * then every row that is not blank, each with its number as the user's spreadsheet shows it (the header is
 * row 1). Read from .xlsx (the first sheet) or .csv.
 */
final class Sheet {

  /** Cells beyond these are not read: the template has 13 columns, and a row of a million empty cells is an attack. */
  static final int MAX_COLUMNS = 64;

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

  private Sheet() {
  }

  /** Gives the header row, then each row that is not blank, to {@code rows}. */
  static void read(String fileName, Path file, Consumer<Row> rows) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx")) {
      XlsxReader.read(file, rows);
    } else if (name.endsWith(".csv")) {
      CsvReader.read(file, rows);
    } else {
      throw new ImportRejectedException(new ImportError(0, null,
          "只能导入 .xlsx（Excel）或 .csv 文件，收到的是“" + (fileName == null ? "" : fileName) + "”。"));
    }
  }

  static List<String> limited(List<String> cells) {
    return cells.size() <= MAX_COLUMNS ? cells : List.copyOf(cells.subList(0, MAX_COLUMNS));
  }
}
