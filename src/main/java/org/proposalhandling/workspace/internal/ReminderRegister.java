package org.proposalhandling.workspace.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.proposalhandling.directory.People;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.workflow.OfficeClock;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 催办督办登记: every reminder and supervision on the office's items, newest first: when, which item, which unit
 * was reminded, of what, by whom, and the next step the item took after it (nothing yet: still waiting). One
 * statement on item_event's (item_id, id) and (kind, occurred_at) indexes of changeset 006.
 */
@Repository
class ReminderRegister {

  /** Shown on the page; the export has them all. */
  static final int SHOWN = 200;

  record Entry(String when, String itemId, String number, String title, String unit, String kind, String actor,
               String summary, String followedBy) {
  }

  private final JdbcClient jdbc;
  private final UnitDirectory directory;
  private final People people;
  private final OfficeClock clock;

  ReminderRegister(JdbcClient jdbc, UnitDirectory directory, People people, OfficeClock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.people = people;
    this.clock = clock;
  }

  List<Entry> page(WorkspaceScope scope, ReminderFilter filter) {
    List<Entry> entries = new ArrayList<>();
    each(scope, filter, SHOWN, entries::add);
    return entries;
  }

  void each(WorkspaceScope scope, ReminderFilter filter, Integer limit, Consumer<Entry> consumer) {
    if (!scope.office()) {
      return;
    }
    Map<String, String> names = new HashMap<>();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("offices", List.copyOf(scope.officeIds()));
    params.put("kinds", filter.kind() == null ? ReminderFilter.KINDS.stream().map(Enum::name).toList() : List.of(filter.kind().name()));
    params.put("reminders", ReminderFilter.KINDS.stream().map(Enum::name).toList());
    String unit = "";
    if (filter.unit() != null) {
      unit = " and i.lead_unit_id = :unit";
      params.put("unit", filter.unit());
    }
    jdbc.sql("""
            select e.occurred_at, e.kind, e.actor, e.summary, i.id, i.item_number, i.title, i.lead_unit_id,
              n.kind as next_kind, n.occurred_at as next_at
            from item_event e join item i on i.id = e.item_id
              left join item_event n on n.id = (select min(x.id) from item_event x where x.item_id = e.item_id
                and x.id > e.id and x.kind not in (:reminders))
            where i.assigning_office_id in (:offices) and e.kind in (:kinds)""" + unit
            + " order by e.occurred_at desc, e.id desc" + (limit == null ? "" : " limit " + limit))
        .params(params)
        .query((RowCallbackHandler) rs -> consumer.accept(new Entry(
            clock.dateTime(rs.getTimestamp("occurred_at").toInstant()), rs.getString("id"), rs.getString("item_number"),
            rs.getString("title"), directory.nameOf(rs.getString("lead_unit_id")),
            ItemEventKind.valueOf(rs.getString("kind")).label(),
            rs.getString("actor") == null ? "系统" : names.computeIfAbsent(rs.getString("actor"), people::nameOf), rs.getString("summary"),
            rs.getString("next_kind") == null ? "尚无后续办理" : ItemEventKind.valueOf(rs.getString("next_kind")).label()
                + "（" + clock.dateTime(rs.getTimestamp("next_at").toInstant()) + "）")));
  }
}
