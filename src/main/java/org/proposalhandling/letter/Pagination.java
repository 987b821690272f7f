package org.proposalhandling.letter;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows onto pages of 22 lines: a row kept with the one before moves with it to the next page, a blank row
 * opening a page is dropped, and the foot rows go to the bottom lines of the last page.
 */
final class Pagination {

  private final List<PlacedLine> lines = new ArrayList<>();
  private int page;
  private int row;

  Pagination(List<Row> rows) {
    List<Row> foot = new ArrayList<>();
    int start = 0;
    while (start < rows.size()) {
      int end = start + 1;
      while (end < rows.size() && rows.get(end).keepWithPrevious()) {
        end++;
      }
      if (row > 0 && row + (end - start) > TypeArea.LINES) {
        nextPage();
      }
      for (Row next : rows.subList(start, end)) {
        if (row == TypeArea.LINES) {
          nextPage();
        }
        if (next.foot()) {
          foot.add(next);
        } else if (!(next.isBlank() && row == 0 && page > 0)) {
          place(next, row++);
        }
      }
      start = end;
    }
    int footRow = TypeArea.LINES - foot.size();
    for (Row next : foot) {
      place(next, footRow++);
    }
  }

  int pages() {
    return page + 1;
  }

  List<PlacedLine> lines() {
    return lines;
  }

  private void nextPage() {
    page++;
    row = 0;
  }

  private void place(Row next, int gridLine) {
    if (!next.isBlank()) {
      float size = next.glyphs().get(0).style().size;
      lines.add(new PlacedLine(page, next.x(), TypeArea.baseline(gridLine, size), next.characterSpacing(),
          next.glyphs()));
    }
  }
}
