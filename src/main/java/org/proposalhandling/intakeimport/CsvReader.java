package org.proposalhandling.intakeimport;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A .csv file through Apache Commons CSV, its encoding read from its bytes (see {@link TextEncoding}). Blank
 * lines are kept while parsing, so that the row numbers match the rows a spreadsheet shows, then skipped.
 */
final class CsvReader {

  private CsvReader() {
  }

  static Sheet read(byte[] bytes) {
    String text = TextEncoding.decode(bytes);
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> headers = null;
      List<Sheet.Row> rows = new ArrayList<>();
      int number = 0;
      for (CSVRecord record : parser) {
        number++;
        Sheet.Row row = new Sheet.Row(number, record.toList());
        if (headers == null) {
          headers = row.cells();
        } else if (!row.blank()) {
          rows.add(row);
        }
      }
      if (headers == null) {
        throw new ImportRejectedException(new ImportError(0, null, "文件是空的。"));
      }
      return new Sheet(headers, rows);
    } catch (UncheckedIOException | IOException e) {
      throw new ImportRejectedException(new ImportError(0, null,
          "CSV 文件格式有误，无法读取（引号不配对？）：" + e.getMessage()));
    }
  }
}
