package org.proposalhandling.item;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.proposalhandling.workflow.TextLength;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The item history table: one row per transition or record, in order; the ledger's timeline reads it. */
@Repository
public class ItemHistory {

  /** The summary column's width: VARCHAR(2000). */
  private static final int SUMMARY_UNITS = 2000;

  /** One thing that happened to an item: what, when, who (user and unit), in which round, in short. */
  public record Entry(long id, String itemId, ItemEventKind kind, Instant occurredAt, String actor, String actorUnitId,
                      int round, ItemStatus statusAfter, String summary) {
  }

  private final JdbcClient jdbc;

  ItemHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Entry> of(String itemId) {
    return jdbc.sql("select * from item_event where item_id = ? order by id").param(itemId)
        .query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("item_id"), ItemEventKind.valueOf(rs.getString("kind")),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("actor_unit_id"),
            rs.getInt("round"), ItemStatus.valueOf(rs.getString("status_after")), rs.getString("summary")))
        .list();
  }

  void append(String itemId, ItemEventKind kind, Instant at, String actor, String actorUnitId, int round,
              ItemStatus statusAfter, String summary) {
    jdbc.sql("""
            insert into item_event (item_id, kind, occurred_at, actor, actor_unit_id, round, status_after, summary)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(itemId, kind.name(), Timestamp.from(at), actor, actorUnitId, round, statusAfter.name(),
            summary == null ? null : TextLength.abbreviateToUnits(summary, SUMMARY_UNITS))
        .update();
  }
}
