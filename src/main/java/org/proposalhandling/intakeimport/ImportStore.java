package org.proposalhandling.intakeimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Imports and their rows. A row is PENDING until its process starts, then STARTED with its item (in the
 * transaction that starts the process), or FAILED with the reason; so after a crash the pending rows are
 * exactly those still to start.
 */
@Repository
class ImportStore {

  enum State { PREVIEW, RUNNING, DONE }

  enum RowState { PENDING, STARTED, FAILED }

  record ImportRecord(String id, String officeId, String fileName, State state, String createdBy, Instant createdAt,
                      Instant startedAt, Instant finishedAt) {
  }

  record StoredRow(int line, Map<String, String> values, List<String> coUnitIds, RowState state, String itemId,
                   String message) {

    ImportRow row() {
      return new ImportRow(line, values, coUnitIds);
    }
  }

  record NumberedRow(int line, String sessionName, String number) {
  }

  record Counts(int total, int started, int failed, int pending) {
  }

  /** Rows read at once: 500 rows of a few kilobytes of text each. */
  private static final int PAGE = 500;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
  };

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  ImportStore(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** Session and number as one key: what must be unique. */
  static String key(String sessionName, String number) {
    return sessionName + "\u0000" + number;
  }

  void create(ImportRecord record) {
    jdbc.sql("insert into intake_import (id, office_id, file_name, state, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
        .params(record.id(), record.officeId(), record.fileName(), record.state().name(), record.createdBy(),
            Timestamp.from(record.createdAt()))
        .update();
  }

  void addRows(String importId, List<ImportRow> rows) {
    batch.batchUpdate("""
            insert into intake_import_row (import_id, line_no, session_name, item_number, intake_values, co_unit_ids, state)
            values (?, ?, ?, ?, ?, ?, ?)""",
        rows.stream().map(row -> new Object[] {importId, row.line(), row.sessionName(), row.number(),
            json(row.values()), row.coUnitIds().isEmpty() ? null : String.join(",", row.coUnitIds()),
            RowState.PENDING.name()}).toList());
  }

  Optional<ImportRecord> find(String id) {
    return jdbc.sql("select * from intake_import where id = ?").param(id).query(ImportStore::record).optional();
  }

  List<ImportRecord> recent(String officeId, int limit) {
    return jdbc.sql("select * from intake_import where office_id = ? order by created_at desc limit ?")
        .params(officeId, limit).query(ImportStore::record).list();
  }

  List<String> running() {
    return jdbc.sql("select id from intake_import where state = ?").param(State.RUNNING.name()).query(String.class).list();
  }

  /** PREVIEW to RUNNING, once: false when it was started already. */
  boolean start(String id) {
    return jdbc.sql("update intake_import set state = ?, started_at = ? where id = ? and state = ?")
        .params(State.RUNNING.name(), Timestamp.from(EngineClock.now()), id, State.PREVIEW.name()).update() == 1;
  }

  void finish(String id) {
    jdbc.sql("update intake_import set state = ?, finished_at = ? where id = ? and state = ?")
        .params(State.DONE.name(), Timestamp.from(EngineClock.now()), id, State.RUNNING.name()).update();
  }

  /**
   * Every row, in the file's order, a page at a time: a row holds the item's whole text, and a file's rows at
   * once are as large as the file.
   */
  void forEachRow(String importId, Consumer<StoredRow> action) {
    int after = 0;
    while (true) {
      List<StoredRow> page = jdbc.sql("select * from intake_import_row where import_id = ? and line_no > ? order by line_no limit ?")
          .params(importId, after, PAGE).query(ImportStore::row).list();
      page.forEach(action);
      if (page.size() < PAGE) {
        return;
      }
      after = page.get(page.size() - 1).line();
    }
  }

  /** Session and number of every row, in the file's order. */
  List<NumberedRow> numbers(String importId) {
    return jdbc.sql("select line_no, session_name, item_number from intake_import_row where import_id = ? order by line_no")
        .param(importId).query((rs, n) -> new NumberedRow(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
  }

  /** The items the import registered, in the file's order. */
  List<String> itemIds(String importId) {
    return jdbc.sql("select item_id from intake_import_row where import_id = ? and item_id is not null order by line_no")
        .param(importId).query(String.class).list();
  }

  List<StoredRow> pending(String importId, int limit) {
    return jdbc.sql("select * from intake_import_row where import_id = ? and state = ? order by line_no limit ?")
        .params(importId, RowState.PENDING.name(), limit).query(ImportStore::row).list();
  }

  /**
   * Takes a pending row for starting, in the caller's transaction; false when another worker (another node
   * resuming the same import) took it: its row lock holds this one until that worker commits.
   */
  boolean claim(String importId, int line) {
    return jdbc.sql("update intake_import_row set state = ? where import_id = ? and line_no = ? and state = ?")
        .params(RowState.STARTED.name(), importId, line, RowState.PENDING.name()).update() == 1;
  }

  void started(String importId, int line, String itemId) {
    jdbc.sql("update intake_import_row set item_id = ? where import_id = ? and line_no = ?")
        .params(itemId, importId, line).update();
  }

  void failed(String importId, int line, String message) {
    jdbc.sql("update intake_import_row set state = ?, message = ? where import_id = ? and line_no = ? and state = ?")
        .params(RowState.FAILED.name(), limited(message), importId, line, RowState.PENDING.name()).update();
  }

  Counts counts(String importId) {
    Map<String, Integer> byState = new HashMap<>();
    jdbc.sql("select state, count(*) from intake_import_row where import_id = ? group by state").param(importId)
        .query((rs, n) -> byState.put(rs.getString(1), rs.getInt(2))).list();
    int started = byState.getOrDefault(RowState.STARTED.name(), 0);
    int failed = byState.getOrDefault(RowState.FAILED.name(), 0);
    int pending = byState.getOrDefault(RowState.PENDING.name(), 0);
    return new Counts(started + failed + pending, started, failed, pending);
  }

  List<StoredRow> failures(String importId) {
    return jdbc.sql("select * from intake_import_row where import_id = ? and state = ? order by line_no")
        .params(importId, RowState.FAILED.name()).query(ImportStore::row).list();
  }

  /** Session and number of the rows that running imports have still to start, with where they are. */
  Map<String, String> numbersWaitingToStart() {
    Map<String, String> waiting = new HashMap<>();
    jdbc.sql("""
            select r.session_name, r.item_number, r.line_no, i.file_name from intake_import_row r
            join intake_import i on i.id = r.import_id where i.state = ? and r.state = ?""")
        .params(State.RUNNING.name(), RowState.PENDING.name())
        .query((rs, n) -> waiting.put(key(rs.getString(1), rs.getString(2)),
            "文件“" + rs.getString(4) + "”第 " + rs.getInt(3) + " 行")).list();
    return waiting;
  }

  /** The co-handling units suggested for an item in the import that registered it. */
  List<String> suggestedCoUnits(String itemId) {
    return jdbc.sql("select co_unit_ids from intake_import_row where item_id = ?").param(itemId).query(String.class)
        .optional().map(ImportStore::ids).orElse(List.of());
  }

  private static ImportRecord record(ResultSet rs, int n) throws SQLException {
    return new ImportRecord(rs.getString("id"), rs.getString("office_id"), rs.getString("file_name"),
        State.valueOf(rs.getString("state")), rs.getString("created_by"), instant(rs, "created_at"),
        instant(rs, "started_at"), instant(rs, "finished_at"));
  }

  private static StoredRow row(ResultSet rs, int n) throws SQLException {
    try {
      return new StoredRow(rs.getInt("line_no"), JSON.readValue(rs.getString("intake_values"), VALUES),
          ids(rs.getString("co_unit_ids")), RowState.valueOf(rs.getString("state")), rs.getString("item_id"),
          rs.getString("message"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable values of import row " + rs.getInt("line_no"), e);
    }
  }

  private static List<String> ids(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }

  private static String json(Map<String, String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String limited(String message) {
    return message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
  }
}
