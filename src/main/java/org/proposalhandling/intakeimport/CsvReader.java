package org.proposalhandling.intakeimport;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A .csv file through Apache Commons CSV, a record at a time, its encoding read from its bytes (see
 * {@link TextEncoding}). Blank lines are kept while parsing, so that the row numbers match the rows a
 * spreadsheet shows, then skipped.
 */
final class CsvReader {

  /**
   * The longest line read: the parser holds a record's cells at once, and a line of a few million commas would
   * be as many strings. An item's text of 100,000 characters on one line still fits.
   */
  static final int MAX_LINE = 1_000_000;

  private CsvReader() {
  }

  static void read(Path file, Consumer<Sheet.Row> rows) {
    TextEncoding.Encoding encoding = TextEncoding.of(file);
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(encoding.start());
      CSVParser parser = CSVParser.parse(new LineLimit(new InputStreamReader(in, encoding.charset())), format);
      int number = 0;
      for (CSVRecord record : parser) {
        number++;
        Sheet.Row row = new Sheet.Row(number, Sheet.limited(record.toList()));
        if (number == 1 || !row.blank()) {
          rows.accept(row);
        }
      }
      if (number == 0) {
        throw new ImportRejectedException(new ImportError(0, null, "文件是空的。"));
      }
    } catch (LineTooLongException e) {
      throw new ImportRejectedException(new ImportError(0, null,
          "CSV 文件中有一行超过 " + MAX_LINE + " 个字符，无法读取（请检查文件是否完整、格式是否正确）。"));
    } catch (UncheckedIOException | IOException e) {
      throw new ImportRejectedException(new ImportError(0, null,
          "CSV 文件格式有误，无法读取（引号不配对？）：" + e.getMessage()));
    }
  }

  private static final class LineTooLongException extends RuntimeException {
  }

  /** Fails when a line grows past {@link #MAX_LINE} characters. */
  private static final class LineLimit extends FilterReader {

    private int length;

    LineLimit(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int next = super.read();
      count(next);
      return next;
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
      int read = super.read(buffer, offset, count);
      for (int i = 0; i < read; i++) {
        count(buffer[offset + i]);
      }
      return read;
    }

    private void count(int next) {
      length = next == '\n' ? 0 : length + 1;
      if (length > MAX_LINE) {
        throw new LineTooLongException();
      }
    }
  }
}
