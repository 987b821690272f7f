package org.proposalhandling.assignment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Batch assignments and their items. An item is PENDING until it is assigned, then DONE (in the transaction
 * that completes its tasks) or FAILED with the reason; MANUAL items (no valid suggestion) and SKIPPED ones
 * (no longer waiting for assignment) are listed, never assigned by the batch.
 */
@Repository
class AssignmentStore {

  enum State { PREVIEW, RUNNING, DONE }

  enum ItemState { PENDING, DONE, FAILED, MANUAL, SKIPPED }

  record BatchRecord(String id, String officeId, String importId, State state, String requestedBy, Instant createdAt,
                     Instant startedAt, Instant finishedAt) {
  }

  record Planned(int seq, String itemId, String leadUnitId, List<String> coUnitIds, ItemState state, String message) {
  }

  record Counts(int total, int done, int failed, int pending, int manual, int skipped) {
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  AssignmentStore(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  void create(BatchRecord record, List<Planned> items) {
    jdbc.sql("insert into batch_assignment (id, office_id, import_id, state, requested_by, created_at) values (?, ?, ?, ?, ?, ?)")
        .params(record.id(), record.officeId(), record.importId(), record.state().name(), record.requestedBy(),
            Timestamp.from(record.createdAt()))
        .update();
    batch.batchUpdate("""
            insert into batch_assignment_item (batch_id, seq, item_id, lead_unit_id, co_unit_ids, state, message)
            values (?, ?, ?, ?, ?, ?, ?)""",
        items.stream().map(item -> new Object[] {record.id(), item.seq(), item.itemId(), item.leadUnitId(),
            item.coUnitIds().isEmpty() ? null : String.join(",", item.coUnitIds()), item.state().name(),
            item.message()}).toList());
  }

  Optional<BatchRecord> find(String id) {
    return jdbc.sql("select * from batch_assignment where id = ?").param(id).query(AssignmentStore::record).optional();
  }

  List<String> running() {
    return jdbc.sql("select id from batch_assignment where state = ?").param(State.RUNNING.name()).query(String.class).list();
  }

  boolean start(String id) {
    return jdbc.sql("update batch_assignment set state = ?, started_at = ? where id = ? and state = ?")
        .params(State.RUNNING.name(), Timestamp.from(EngineClock.now()), id, State.PREVIEW.name()).update() == 1;
  }

  void finish(String id) {
    jdbc.sql("update batch_assignment set state = ?, finished_at = ? where id = ? and state = ?")
        .params(State.DONE.name(), Timestamp.from(EngineClock.now()), id, State.RUNNING.name()).update();
  }

  List<Planned> items(String batchId) {
    return jdbc.sql("select * from batch_assignment_item where batch_id = ? order by seq").param(batchId)
        .query(AssignmentStore::planned).list();
  }

  /** The batch's items in one state (the progress polls the failed ones: not the whole batch at every poll). */
  List<Planned> inState(String batchId, ItemState state) {
    return jdbc.sql("select * from batch_assignment_item where batch_id = ? and state = ? order by seq")
        .params(batchId, state.name()).query(AssignmentStore::planned).list();
  }

  /** Takes a pending item in the caller's transaction; false when another worker took it. */
  boolean claim(String batchId, int seq) {
    return jdbc.sql("update batch_assignment_item set state = ? where batch_id = ? and seq = ? and state = ?")
        .params(ItemState.DONE.name(), batchId, seq, ItemState.PENDING.name()).update() == 1;
  }

  void failed(String batchId, int seq, String message) {
    jdbc.sql("update batch_assignment_item set state = ?, message = ? where batch_id = ? and seq = ? and state = ?")
        .params(ItemState.FAILED.name(), message.length() > 2000 ? message.substring(0, 2000) : message, batchId, seq,
            ItemState.PENDING.name()).update();
  }

  Counts counts(String batchId) {
    Map<String, Integer> byState = new HashMap<>();
    jdbc.sql("select state, count(*) from batch_assignment_item where batch_id = ? group by state").param(batchId)
        .query((rs, n) -> byState.put(rs.getString(1), rs.getInt(2))).list();
    int done = byState.getOrDefault(ItemState.DONE.name(), 0);
    int failed = byState.getOrDefault(ItemState.FAILED.name(), 0);
    int pending = byState.getOrDefault(ItemState.PENDING.name(), 0);
    return new Counts(done + failed + pending, done, failed, pending, byState.getOrDefault(ItemState.MANUAL.name(), 0),
        byState.getOrDefault(ItemState.SKIPPED.name(), 0));
  }

  private static BatchRecord record(ResultSet rs, int n) throws SQLException {
    return new BatchRecord(rs.getString("id"), rs.getString("office_id"), rs.getString("import_id"),
        State.valueOf(rs.getString("state")), rs.getString("requested_by"), instant(rs, "created_at"),
        instant(rs, "started_at"), instant(rs, "finished_at"));
  }

  private static Planned planned(ResultSet rs, int n) throws SQLException {
    String co = rs.getString("co_unit_ids");
    return new Planned(rs.getInt("seq"), rs.getString("item_id"), rs.getString("lead_unit_id"),
        co == null || co.isBlank() ? List.of() : Arrays.asList(co.split(",")), ItemState.valueOf(rs.getString("state")),
        rs.getString("message"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
