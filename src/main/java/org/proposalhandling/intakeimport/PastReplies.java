package org.proposalhandling.intakeimport;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.handling.ReplyCategories;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.intake.IntakeValidator;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * 历史答复导入: earlier items with their replies, so that the search and the drafting help know them from the first
 * day. A file is checked whole (any error: nothing is loaded); then each row's item and reply are written together
 * in one transaction, through {@link ItemLifecycle#registerHistory}. A row already loaded (same session and number,
 * loaded as history by this office) is skipped, so that loading a file again doubles nothing and a load cut short
 * is finished by loading the file again.
 */
@Service
class PastReplies {

  /** What a checked file holds: rows to load, rows loaded before, by session. */
  record Preview(int total, int toLoad, int loadedBefore, Map<String, Integer> bySession) {
  }

  record Loaded(int total, int loaded, int skipped) {
  }

  /** An upload's answer: what the file holds, and what was loaded (null when only checked). */
  record Outcome(String fileName, Preview preview, Loaded loaded) {
  }

  private final IntakeValidator intake;
  private final ItemRepository items;
  private final ItemLifecycle lifecycle;
  private final ReplyRepository replies;
  private final ReplyCategories categories;
  private final TransactionTemplate transaction;

  PastReplies(IntakeValidator intake, ItemRepository items, ItemLifecycle lifecycle, ReplyRepository replies,
              ReplyCategories categories, PlatformTransactionManager transactions) {
    this.intake = intake;
    this.items = items;
    this.lifecycle = lifecycle;
    this.replies = replies;
    this.categories = categories;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The uploaded file checked, and loaded unless only checking is asked. */
  Outcome take(Clerk clerk, MultipartFile upload, boolean load) {
    List<PastRow> rows = UploadedFile.spooled(upload, path -> check(upload.getOriginalFilename(), path, clerk.office()));
    Preview preview = preview(rows, clerk.office());
    return new Outcome(upload.getOriginalFilename(), preview, load ? load(rows, clerk.office()) : null);
  }

  /** Every row of the file checked; the rows, or every error by line and column. */
  private List<PastRow> check(String fileName, Path file, Unit office) {
    List<PastRow> rows = new ArrayList<>();
    List<ImportError> errors = new ArrayList<>();
    Map<String, Integer> numbersInFile = new HashMap<>();
    List<Map<PastColumn, Integer>> columns = new ArrayList<>(1);
    Sheet.read(fileName, file, row -> {
      if (columns.isEmpty()) {
        columns.add(Headers.columns(row.cells(), PastColumn.class, PastColumn::header, PastColumn::required));
      } else if (rows.size() + errors.size() <= ImportValidation.MAX_ROWS) {
        check(row, columns.get(0), office, numbersInFile, errors).ifPresent(rows::add);
      }
    });
    if (rows.isEmpty() && errors.isEmpty()) {
      throw new ImportRejectedException(new ImportError(0, null, "文件中只有标题行，没有可导入的历史答复。"));
    }
    if (!errors.isEmpty()) {
      throw new ImportRejectedException(errors.stream().limit(ImportValidation.MAX_ERRORS).toList(),
          Math.max(0, errors.size() - ImportValidation.MAX_ERRORS));
    }
    return rows;
  }

  private Preview preview(List<PastRow> rows, Unit office) {
    Map<String, Integer> bySession = new TreeMap<>();
    rows.forEach(row -> bySession.merge(row.sessionName(), 1, Integer::sum));
    int before = (int) rows.stream().filter(row -> loadedBefore(row, office)).count();
    return new Preview(rows.size(), rows.size() - before, before, bySession);
  }

  /** Each row with its reply in one transaction; a row loaded before is skipped. */
  private Loaded load(List<PastRow> rows, Unit office) {
    int loaded = 0;
    for (PastRow row : rows) {
      Boolean written;
      try {
        written = transaction.execute(status -> {
          if (loadedBefore(row, office)) {
            return false;
          }
          Item item = item(row, office);
          lifecycle.registerHistory(item, row.leadUnitId(), row.repliedOn(), row.satisfaction());
          replies.insertPast(item.id(), row.reply(), row.category(), row.documentNumber(),
              row.repliedOn().atStartOfDay(EngineClock.zone()).toInstant());
          return true;
        });
      } catch (FormValidationException e) {
        // The number was taken since the check (another load, a registration at the same moment).
        throw new ImportRejectedException(new ImportError(row.line(), PastColumn.NUMBER.header(), e.getMessage()
            + "本次已导入此行之前的 " + loaded + " 件，此行及以后未导入；改正后重新导入本文件即可，已导入的行会跳过。"));
      }
      loaded += Boolean.TRUE.equals(written) ? 1 : 0;
    }
    return new Loaded(rows.size(), loaded, rows.size() - loaded);
  }

  private boolean loadedBefore(PastRow row, Unit office) {
    return items.findBySessionAndNumber(row.sessionName(), row.number())
        .filter(item -> item.status() == ItemStatus.HISTORY && item.assigningOfficeId().equals(office.id())).isPresent();
  }

  /** Registered on the day it was filed (else answered): the statistics count it in its own session and year. */
  private static Item item(PastRow row, Unit office) {
    LocalDate day = row.filedOn() != null ? row.filedOn() : row.repliedOn();
    return new Item(java.util.UUID.randomUUID().toString(), office.id(), row.sessionName(), row.number(), row.kind(),
        row.title(), row.content(), row.proposerName(), List.of(), null, null, false, row.filedOn(), row.leadUnitId(),
        ItemStatus.HISTORY, null, null, false, null, null, null, 1, day.atStartOfDay(EngineClock.zone()).toInstant(),
        null, row.satisfaction(), null);
  }

  private Optional<PastRow> check(Sheet.Row row, Map<PastColumn, Integer> columns, Unit office,
                                  Map<String, Integer> numbersInFile, List<ImportError> errors) {
    int line = row.number();
    Map<PastColumn, String> cells = new EnumMap<>(PastColumn.class);
    columns.forEach((column, index) -> {
      String cell = row.cell(index);
      if (cell != null) {
        cells.put(column, cell);
      }
    });
    int before = errors.size();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("sessionName", cells.get(PastColumn.SESSION));
    values.put("number", cells.get(PastColumn.NUMBER));
    values.put("kind", cells.get(PastColumn.KIND) == null ? null
        : Optional.ofNullable(ImportValidation.kind(cells.get(PastColumn.KIND))).orElse(cells.get(PastColumn.KIND)));
    values.put("title", cells.get(PastColumn.TITLE));
    values.put("content", cells.get(PastColumn.CONTENT));
    values.put("proposerName", cells.get(PastColumn.PROPOSER));
    values.put("publicationConsent", "no");
    LocalDate filedOn = date(line, PastColumn.FILED_ON, cells, errors);
    IntakeValidator.Checked checked = intake.check(values, office);
    Map<String, PastColumn> byField = Map.of("sessionName", PastColumn.SESSION, "number", PastColumn.NUMBER,
        "kind", PastColumn.KIND, "title", PastColumn.TITLE, "content", PastColumn.CONTENT,
        "proposerName", PastColumn.PROPOSER);
    checked.problems().forEach(problem -> errors.add(new ImportError(line,
        byField.getOrDefault(problem.field(), PastColumn.SESSION).header(), problem.message())));
    String lead = unit(line, cells.get(PastColumn.LEAD_UNIT), office, errors);
    String category = category(line, cells.get(PastColumn.CATEGORY), checked.item(), errors);
    LocalDate repliedOn = date(line, PastColumn.REPLIED_ON, cells, errors);
    String reply = required(line, PastColumn.REPLY, cells, errors);
    Satisfaction satisfaction = satisfaction(line, cells.get(PastColumn.SATISFACTION), errors);
    String documentNumber = cells.get(PastColumn.DOCUMENT_NUMBER);
    if (documentNumber != null && documentNumber.length() > 100) {
      errors.add(new ImportError(line, PastColumn.DOCUMENT_NUMBER.header(), "答复文号最多 100 个字。"));
    }
    if (checked.valid()) {
      number(line, checked.item(), office, numbersInFile, errors);
    }
    if (errors.size() > before) {
      return Optional.empty();
    }
    Item item = checked.item();
    return Optional.of(new PastRow(line, item.sessionName(), item.number(), item.kind(), item.title(), item.content(),
        item.proposerName(), filedOn, lead, category, documentNumber, repliedOn, reply, satisfaction));
  }

  /** Twice in the file, or registered as an item being handled (or another office's): named; loaded before: fine. */
  private void number(int line, Item item, Unit office, Map<String, Integer> numbersInFile, List<ImportError> errors) {
    String column = PastColumn.NUMBER.header();
    Integer first = numbersInFile.putIfAbsent(ImportStore.key(item.sessionName(), item.number()), line);
    if (first != null) {
      errors.add(new ImportError(line, column, "编号 " + item.number() + " 与本文件第 " + first + " 行重复：同一会议届次的编号不能重复。"));
      return;
    }
    items.findBySessionAndNumber(item.sessionName(), item.number())
        .filter(existing -> existing.status() != ItemStatus.HISTORY || !existing.assigningOfficeId().equals(office.id()))
        .ifPresent(existing -> errors.add(new ImportError(line, column, "「" + item.sessionName() + "」中已登记编号为 "
            + item.number() + " 的建议提案（《" + existing.title() + "》），不能再作为历史答复导入。")));
  }

  private String unit(int line, String name, Unit office, List<ImportError> errors) {
    if (name == null) {
      errors.add(new ImportError(line, PastColumn.LEAD_UNIT.header(), "必填。"));
      return null;
    }
    try {
      return intake.handlingUnitId(name, PastColumn.LEAD_UNIT.header(), office);
    } catch (FormValidationException e) {
      errors.add(new ImportError(line, PastColumn.LEAD_UNIT.header(), e.getMessage()));
      return null;
    }
  }

  /** A, or A类, among the categories of the item's kind. */
  private String category(int line, String cell, Item item, List<ImportError> errors) {
    String code = cell == null ? null : cell.replaceFirst("类.*$", "").toUpperCase();
    List<String> allowed = item == null ? List.of("A", "B", "C", "D") : categories.of(item.kind());
    if (code == null || !allowed.contains(code)) {
      errors.add(new ImportError(line, PastColumn.CATEGORY.header(), cell == null ? "必填。"
          : "答复类别“" + cell + "”无效，可填：" + String.join("、", allowed) + "。"));
      return null;
    }
    return code;
  }

  private static LocalDate date(int line, PastColumn column, Map<PastColumn, String> cells, List<ImportError> errors) {
    String cell = column.required() ? required(line, column, cells, errors) : cells.get(column);
    if (cell == null) {
      return null;
    }
    try {
      return LocalDate.parse(ImportValidation.date(cell));
    } catch (DateTimeParseException e) {
      errors.add(new ImportError(line, column.header(), "日期“" + cell + "”无法识别，请写成 2024-05-20 或 2024年5月20日。"));
      return null;
    }
  }

  private static String required(int line, PastColumn column, Map<PastColumn, String> cells, List<ImportError> errors) {
    String cell = cells.get(column);
    if (cell == null) {
      errors.add(new ImportError(line, column.header(), "必填。"));
    }
    return cell;
  }

  private static Satisfaction satisfaction(int line, String cell, List<ImportError> errors) {
    if (cell == null) {
      return null;
    }
    Optional<Satisfaction> found = Arrays.stream(Satisfaction.values()).filter(s -> s.label().equals(cell)).findFirst();
    if (found.isEmpty()) {
      errors.add(new ImportError(line, PastColumn.SATISFACTION.header(), "满意度“" + cell + "”无效，可填："
          + Arrays.stream(Satisfaction.values()).map(Satisfaction::label).collect(Collectors.joining("、")) + "，或不填。"));
    }
    return found.orElse(null);
  }
}
