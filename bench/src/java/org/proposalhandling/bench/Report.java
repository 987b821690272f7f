package org.proposalhandling.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The figures of a run as a Markdown table, printed and written to target/bench/results.md. */
final class Report {

  private final StringBuilder text = new StringBuilder();

  Report title(String title) {
    text.append("## ").append(title).append("\n\n| figure | value |\n|---|---|\n");
    return this;
  }

  Report row(String figure, String value) {
    text.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    return this;
  }

  Report row(String figure, String format, Object... values) {
    return row(figure, format.formatted(values));
  }

  Report end() {
    text.append('\n');
    return this;
  }

  void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("\n" + text);
  }
}
