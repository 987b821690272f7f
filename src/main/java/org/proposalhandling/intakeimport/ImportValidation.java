package org.proposalhandling.intakeimport;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.intake.IntakeValidator;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.stereotype.Component;

/**
 * Checks every row of a file before anything is imported, and lists every error (row, column, Chinese
 * message), not only the first. A row's intake fields go through the very checks of the start form
 * ({@link IntakeValidator}); the import adds what a file brings: Chinese labels for the kind and the consent,
 * dates as spreadsheets write them, the suggested co-handling units, numbers repeated in the file, already
 * registered in the session or waiting in another import, and characters an encoding broke.
 */
@Component
class ImportValidation {

  static final int MAX_ROWS = 20_000;
  /** Errors listed: a file of 20,000 wrong rows has a quarter of a million, more than a page can show. */
  static final int MAX_ERRORS = 1_000;
  private static final char REPLACEMENT = '\uFFFD';
  private static final List<DateTimeFormatter> DATES = Stream.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuu年M月d日", "uuuuMMdd")
      .map(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.CHINA).withResolverStyle(ResolverStyle.STRICT)).toList();
  private static final Map<String, String> CONSENT = Map.of(
      "同意", "yes", "同意公开", "yes", "是", "yes", "yes", "yes",
      "不同意", "no", "不同意公开", "no", "否", "no", "no", "no");

  private final IntakeValidator intake;
  private final SessionTitles sessions;
  private final ImportStore imports;

  ImportValidation(IntakeValidator intake, SessionTitles sessions, ImportStore imports) {
    this.intake = intake;
    this.sessions = sessions;
    this.imports = imports;
  }

  /**
   * Reads the file a row at a time and checks each: the valid rows go to {@code valid} as long as no row had an
   * error; at the end, if anything was wrong anywhere, throws with the errors found (the first
   * {@link #MAX_ERRORS}, and how many more). Only a row's number and what an error says are kept.
   */
  void validate(String fileName, Path file, Unit office, Consumer<ImportRow> valid) {
    FileCheck check = new FileCheck(office, valid);
    Sheet.read(fileName, file, check);
    check.finish();
  }

  /** The checks of one file, as its rows come. */
  private final class FileCheck implements Consumer<Sheet.Row> {

    private final Unit office;
    private final Consumer<ImportRow> valid;
    private final List<ImportError> errors = new ArrayList<>();
    private final Map<String, Integer> numbersInFile = new HashMap<>();
    private final Map<String, String> waiting = imports.numbersWaitingToStart();
    private final Map<String, Map<String, String>> registeredBySession = new HashMap<>();
    private Map<ImportColumn, Integer> columns;
    private int rows;
    private int unlisted;

    FileCheck(Unit office, Consumer<ImportRow> valid) {
      this.office = office;
      this.valid = valid;
    }

    @Override
    public void accept(Sheet.Row row) {
      if (columns == null) {
        columns = Headers.columns(row.cells(), ImportColumn.class, ImportColumn::header, ImportColumn::required);
        return;
      }
      if (++rows > MAX_ROWS) {
        return;
      }
      List<ImportError> found = new ArrayList<>();
      ImportRow checked = check(row, columns, office, found);
      String session = row.cell(columns.get(ImportColumn.SESSION));
      String number = row.cell(columns.get(ImportColumn.NUMBER));
      if (session != null && number != null) {
        Map<String, String> registered = registeredBySession.computeIfAbsent(session, s -> sessions.registered(List.of(s)));
        duplicates(row.number(), session, number, numbersInFile, waiting, registered, found);
      }
      if (found.isEmpty() && errors.isEmpty() && unlisted == 0) {
        valid.accept(checked);
      }
      for (ImportError error : found) {
        if (errors.size() < MAX_ERRORS) {
          errors.add(error);
        } else {
          unlisted++;
        }
      }
    }

    void finish() {
      if (rows == 0) {
        throw new ImportRejectedException(new ImportError(0, null, "文件中只有标题行，没有可导入的建议提案。"));
      }
      if (rows > MAX_ROWS) {
        throw new ImportRejectedException(new ImportError(0, null,
            "一个文件最多导入 " + MAX_ROWS + " 行，此文件有 " + rows + " 行，请分成几个文件。"));
      }
      if (!errors.isEmpty()) {
        throw new ImportRejectedException(errors, unlisted);
      }
    }
  }

  /** The row's values as the intake form takes them, or null with its errors added. */
  private ImportRow check(Sheet.Row row, Map<ImportColumn, Integer> columns, Unit office, List<ImportError> errors) {
    Map<String, String> values = new LinkedHashMap<>();
    Set<ImportColumn> refused = new LinkedHashSet<>();
    Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
    columns.forEach((column, index) -> {
      String cell = row.cell(index);
      if (cell != null && cell.indexOf(REPLACEMENT) >= 0) {
        errors.add(new ImportError(row.number(), column.header(), "含有无法识别的字符（\uFFFD），文件的编码已损坏，请检查原文后重新导出。"));
        refused.add(column);
      } else if (cell != null) {
        cells.put(column, cell);
      }
    });
    cells.forEach((column, cell) -> {
      if (column.field() != null && !refused.contains(column)) {
        String value = switch (column) {
          case KIND -> kind(cell);
          case CONSENT -> CONSENT.get(cell.toLowerCase(Locale.ROOT));
          case FILED_ON -> date(cell);
          default -> cell;
        };
        if (value == null) {
          errors.add(new ImportError(row.number(), column.header(), refusal(column, cell)));
          refused.add(column);
        } else {
          values.put(column.field(), value);
        }
      }
    });
    for (IntakeValidator.Problem problem : intake.check(values, office).problems()) {
      ImportColumn column = ImportColumn.ofField(problem.field()).orElseThrow();
      if (!refused.contains(column)) {
        errors.add(new ImportError(row.number(), column.header(), problem.message()));
      }
    }
    List<String> coUnits = coUnits(row.number(), cells.get(ImportColumn.CO_UNITS), values.get("proposedLeadUnit"), office, errors);
    errors.sort(Comparator.comparing(error -> ImportColumn.ofHeader(error.column()).map(Enum::ordinal).orElse(-1)));
    return errors.isEmpty() ? new ImportRow(row.number(), leadUnitById(values, office), coUnits) : null;
  }

  /** The lead unit goes to the process by its id, as the start form's users see it by name. */
  private Map<String, String> leadUnitById(Map<String, String> values, Unit office) {
    String lead = values.get("proposedLeadUnit");
    if (lead != null) {
      values.put("proposedLeadUnit", intake.handlingUnitId(lead, ImportColumn.LEAD_UNIT.header(), office));
    }
    return values;
  }

  private List<String> coUnits(int row, String cell, String lead, Unit office, List<ImportError> errors) {
    if (cell == null) {
      return List.of();
    }
    String leadId = null;
    if (lead != null) {
      try {
        leadId = intake.handlingUnitId(lead, ImportColumn.LEAD_UNIT.header(), office);
      } catch (FormValidationException e) {
        // Already reported for the lead unit's column.
      }
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String name : cell.split("[、，,；;\\s]+")) {
      if (name.isBlank()) {
        continue;
      }
      try {
        String id = intake.handlingUnitId(name, ImportColumn.CO_UNITS.header(), office);
        if (id.equals(leadId)) {
          errors.add(new ImportError(row, ImportColumn.CO_UNITS.header(), "“" + name + "”已是建议主办单位，不能同时作为会办单位。"));
        } else {
          ids.add(id);
        }
      } catch (FormValidationException e) {
        errors.add(new ImportError(row, ImportColumn.CO_UNITS.header(), e.getMessage()));
      }
    }
    return List.copyOf(ids);
  }

  private static void duplicates(int line, String session, String number, Map<String, Integer> numbersInFile,
                                 Map<String, String> waiting, Map<String, String> registered, List<ImportError> errors) {
    String key = ImportStore.key(session, number);
    String column = ImportColumn.NUMBER.header();
    Integer first = numbersInFile.putIfAbsent(key, line);
    if (first != null) {
      errors.add(new ImportError(line, column, "编号 " + number + " 与本文件第 " + first
          + " 行重复：同一会议届次的编号不能重复。"));
    } else if (waiting.containsKey(key)) {
      errors.add(new ImportError(line, column, "重复：编号 " + number + " 正在另一次导入中（" + waiting.get(key) + "）。"));
    } else if (registered.containsKey(key)) {
      errors.add(new ImportError(line, column, "重复：「" + session + "」中已登记编号为 " + number + " 的建议提案（《"
          + registered.get(key) + "》），同一会议的编号不能重复。"));
    }
  }

  static String kind(String cell) {
    return Arrays.stream(ItemKind.values())
        .filter(kind -> kind.label().equals(cell) || kind.name().equalsIgnoreCase(cell))
        .map(Enum::name).findFirst().orElse(null);
  }

  /** A date as spreadsheets and clerks write it, as the ISO date the form submits; left as is when none fits. */
  static String date(String cell) {
    for (DateTimeFormatter format : DATES) {
      try {
        return LocalDate.parse(cell, format).toString();
      } catch (DateTimeParseException e) {
        // Try the next way of writing a date.
      }
    }
    return cell;
  }

  private static String refusal(ImportColumn column, String cell) {
    return switch (column) {
      case KIND -> "类别“" + cell + "”无效，可填：" + Arrays.stream(ItemKind.values()).map(ItemKind::label)
          .collect(Collectors.joining("、")) + "。";
      case CONSENT -> "“" + cell + "”无效，可填：同意、不同意。";
      default -> "“" + cell + "”无效。";
    };
  }
}
