package org.proposalhandling.intakeimport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.proposalhandling.intakeimport.ImportStore.ImportRecord;
import org.proposalhandling.intakeimport.ImportStore.State;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An import from upload to the last started row: the file is read and every row checked (any error: nothing
 * is kept); a valid file is kept as a preview, and starts, once, when the clerk confirms it.
 */
@Service
public class IntakeImports {

  record Progress(String id, String fileName, State state, String stateLabel, int total, int started, int failed,
                  int pending, List<Failure> failures) {
  }

  record Failure(int row, String number, String message) {
  }

  /** Rows stored at once while a file is read. */
  private static final int BATCH = 500;

  private final ImportValidation validation;
  private final ImportStore store;
  private final ImportRunner runner;
  private final ImportPreview preview;
  private final SessionTitles sessions;

  IntakeImports(ImportValidation validation, ImportStore store, ImportRunner runner, ImportPreview preview,
                SessionTitles sessions) {
    this.validation = validation;
    this.store = store;
    this.runner = runner;
    this.preview = preview;
    this.sessions = sessions;
  }

  /**
   * Reads and checks the file, a row at a time; kept, not started, when every row passed. The valid rows are
   * stored as they come, a batch at a time, and rolled back with the rest when a later row has an error.
   */
  @Transactional
  ImportRecord prepare(Clerk clerk, String fileName, Path file) {
    ImportRecord record = new ImportRecord(UUID.randomUUID().toString(), clerk.office().id(),
        fileName == null ? "" : fileName, State.PREVIEW, clerk.userId(), EngineClock.now(), null, null);
    store.create(record);
    List<ImportRow> batch = new ArrayList<>();
    validation.validate(fileName, file, clerk.office(), row -> {
      batch.add(row);
      if (batch.size() == BATCH) {
        store.addRows(record.id(), batch);
        batch.clear();
      }
    });
    store.addRows(record.id(), batch);
    return record;
  }

  /**
   * Starts the import, once. Its numbers are checked again: an item registered since the preview (by hand,
   * by another import) is named as a duplicate, and nothing starts.
   */
  @Transactional
  void start(Clerk clerk, String id) {
    ImportRecord record = find(clerk, id);
    if (record.state() != State.PREVIEW) {
      throw new ImportRejectedException(new ImportError(0, null, "此次导入已经开始，不能再次确认。"));
    }
    List<ImportError> duplicates = new ArrayList<>();
    Map<String, String> waiting = store.numbersWaitingToStart();
    List<ImportStore.NumberedRow> rows = store.numbers(id);
    Map<String, String> registered = sessions.registered(rows.stream().map(ImportStore.NumberedRow::sessionName).distinct().toList());
    for (ImportStore.NumberedRow row : rows) {
      String key = ImportStore.key(row.sessionName(), row.number());
      if (waiting.containsKey(key) || registered.containsKey(key)) {
        duplicates.add(new ImportError(row.line(), ImportColumn.NUMBER.header(), "重复：「" + row.sessionName()
            + "」的编号 " + row.number() + " 在预览之后已登记或正在导入，请重新上传文件。"));
      }
    }
    if (!duplicates.isEmpty()) {
      throw new ImportRejectedException(duplicates);
    }
    if (!store.start(id)) {
      throw new ImportRejectedException(new ImportError(0, null, "此次导入已经开始，不能再次确认。"));
    }
    runner.submitAfterCommit(id);
  }

  ImportRecord find(Clerk clerk, String id) {
    return store.find(id).filter(record -> record.officeId().equals(clerk.office().id()))
        .orElseThrow(() -> new NoSuchElementException("没有找到此次导入。"));
  }

  ImportPreview.Preview preview(Clerk clerk, String id) {
    find(clerk, id);
    List<ImportRow> rows = new ArrayList<>();
    store.forEachRow(id, row -> rows.add(row.row().summary()));
    return preview.of(clerk.office().id(), rows);
  }

  Progress progress(Clerk clerk, String id) {
    ImportRecord record = find(clerk, id);
    ImportStore.Counts counts = store.counts(id);
    List<Failure> failures = store.failures(id).stream()
        .map(row -> new Failure(row.line(), row.values().get("number"), row.message())).toList();
    return new Progress(id, record.fileName(), record.state(), label(record.state(), counts), counts.total(),
        counts.started(), counts.failed(), counts.pending(), failures);
  }

  List<ImportRecord> recent(Clerk clerk) {
    return store.recent(clerk.office().id(), 20);
  }

  /** Whether the office's import has started its last row. */
  public boolean finished(Clerk clerk, String id) {
    return find(clerk, id).state() == State.DONE;
  }

  /** The items an import registered, in the file's order. */
  public List<String> itemIds(Clerk clerk, String id) {
    find(clerk, id);
    return store.itemIds(id);
  }

  /** The co-handling units an import's row suggested for the item it registered; none for an item registered by hand. */
  public List<String> suggestedCoUnits(String itemId) {
    return store.suggestedCoUnits(itemId);
  }

  static String label(State state, ImportStore.Counts counts) {
    return switch (state) {
      case PREVIEW -> "待确认";
      case RUNNING -> "导入中";
      case DONE -> counts.failed() == 0 ? "已完成" : "已完成（" + counts.failed() + " 行未能导入）";
    };
  }
}
