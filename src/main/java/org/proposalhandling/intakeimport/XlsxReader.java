package org.proposalhandling.intakeimport;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an .xlsx workbook, streamed through Apache POI's event API a row at a time: a whole
 * workbook in memory (XSSFWorkbook) takes many times the file's size. A date cell reads as an ISO date.
 */
final class XlsxReader {

  /**
   * The largest table of the workbook's texts, unpacked, that is read (it is held in memory while the sheet is
   * streamed): a national session's 15,000 items with their texts take tens of megabytes.
   */
  static final long MAX_SHARED_STRINGS = 128L * 1024 * 1024;

  private XlsxReader() {
  }

  static void read(Path file, Consumer<Sheet.Row> rows) {
    try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      for (PackagePart part : workbook.getPartsByName(Pattern.compile("/xl/sharedStrings.xml"))) {
        if (part.getSize() > MAX_SHARED_STRINGS) {
          throw new ImportRejectedException(new ImportError(0, null,
              "文件中的文字过多（解压后超过 " + MAX_SHARED_STRINGS / 1024 / 1024 + " MB），请分成几个文件导入。"));
        }
      }
      XSSFReader reader = new XSSFReader(workbook);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw empty();
      }
      Rows handler = new Rows(rows);
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
            new ReadOnlySharedStringsTable(workbook, false), handler, new IsoDates(), false));
        parser.parse(new InputSource(sheet));
      }
      if (!handler.any) {
        throw empty();
      }
    } catch (ImportRejectedException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      if (e.getCause() instanceof ImportRejectedException rejected) {
        throw rejected;
      }
      throw new ImportRejectedException(new ImportError(0, null,
          "文件不是有效的 .xlsx 工作簿，无法读取（请用 Excel 或 WPS 另存为 .xlsx 后重试）。"));
    }
  }

  private static ImportRejectedException empty() {
    return new ImportRejectedException(new ImportError(0, null, "文件是空的：第一个工作表中没有内容。"));
  }

  /** A sheet's rows as they stream by, the header first: it must be the sheet's first row. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

    private final Consumer<Sheet.Row> rows;
    private List<String> cells;
    private boolean any;

    Rows(Consumer<Sheet.Row> rows) {
      this.rows = rows;
    }

    @Override
    public void startRow(int rowNum) {
      cells = new ArrayList<>();
    }

    @Override
    public void endRow(int rowNum) {
      Sheet.Row row = new Sheet.Row(rowNum + 1, cells);
      if (!any) {
        if (row.number() != 1) {
          throw new ImportRejectedException(new ImportError(1, null, "第 1 行须为列标题（请使用导入模板）。"));
        }
        any = true;
        rows.accept(row);
      } else if (!row.blank()) {
        rows.accept(row);
      }
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      if (column >= Sheet.MAX_COLUMNS) {
        return;
      }
      while (cells.size() < column) {
        cells.add(null);
      }
      cells.add(formattedValue);
    }
  }

  /** Numbers as Excel shows them, in Chinese conventions; dates as ISO dates, whatever the cell's date format. */
  private static final class IsoDates extends DataFormatter {

    IsoDates() {
      super(Locale.CHINA);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        LocalDate date = DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate();
        return date.toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }
  }
}
