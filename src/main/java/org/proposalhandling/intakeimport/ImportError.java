package org.proposalhandling.intakeimport;

/**
 * One thing wrong with an import file, where the user finds it: the row as the spreadsheet numbers it (the
 * header is row 1; 0 for the file as a whole), the column's header (null when the whole row or file is meant)
 * and a Chinese message.
 */
public record ImportError(int row, String column, String message) {

  String where() {
    return (row == 0 ? "整个文件" : "第 " + row + " 行") + (column == null ? "" : "「" + column + "」");
  }
}
