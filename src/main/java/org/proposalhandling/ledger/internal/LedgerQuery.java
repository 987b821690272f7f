package org.proposalhandling.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.proposalhandling.deadline.Deadlines;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.search.ItemSearch;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's one query: the items of a scope, searched, filtered, sorted and paged in the database (the
 * indexes of changeset 010), so that it stays fast at tens of thousands of items. The same conditions decide
 * whether a user may open an item at all, so the list and the item page never disagree.
 */
@Repository
class LedgerQuery {

  /** The columns the list sorts on, by the name its links use. */
  static final Map<String, String> SORTS = Map.ofEntries(
      Map.entry("number", "i.item_number"), Map.entry("session", "i.session_name"), Map.entry("kind", "i.kind"),
      Map.entry("title", "i.title"), Map.entry("proposer", "i.proposer_name"), Map.entry("lead", "i.lead_unit_id"),
      Map.entry("stage", "i.status"), Map.entry("assignedOn", "i.assigned_on"), Map.entry("due", "i.reply_due"),
      Map.entry("round", "i.handling_round"), Map.entry("satisfaction", "i.satisfaction"),
      Map.entry("key", "i.key_item"), Map.entry("registered", "i.created_at"));

  /** Stages in which the reply is still owed, where a due date can be missed. */
  private static final List<String> OWING = ItemStatus.owingReply().stream().map(Enum::name).toList();
  private static final List<String> FINISHED = ItemStatus.finished().stream().map(Enum::name).toList();
  /** Before assignment, and after an approved reassignment until the next one, no unit holds the item. */
  private static final List<String> UNASSIGNED = List.of(ItemStatus.REGISTERED.name(), ItemStatus.REJECTED.name(),
      ItemStatus.ACCEPTED.name());

  private final JdbcClient jdbc;
  private final Deadlines deadlines;
  private final UnitDirectory directory;
  private final ItemSearch search;

  LedgerQuery(JdbcClient jdbc, Deadlines deadlines, UnitDirectory directory, ItemSearch search) {
    this.jdbc = jdbc;
    this.deadlines = deadlines;
    this.directory = directory;
    this.search = search;
  }

  record Page(List<LedgerRow> rows, long total) {
  }

  Page page(LedgerScope scope, LedgerFilter filter) {
    Where where = where(scope, filter);
    long total = where.select("select count(*) from item i where ").query(Long.class).single();
    List<LedgerRow> rows = where.select(columns() + where.sql + order(filter, where) + " limit :limit offset :offset")
        .param("limit", filter.size()).param("offset", (long) (filter.page() - 1) * filter.size())
        .query(this::row).list();
    return new Page(completedOnPage(rows), total);
  }

  /** Every row of the filter, in its order, in chunks (the export of a long list never holds all of it). */
  void each(LedgerScope scope, LedgerFilter filter, int chunk, Consumer<List<LedgerRow>> consumer) {
    Where where = where(scope, filter);
    List<LedgerRow> rows = new ArrayList<>(chunk);
    Map<String, List<String>> coUnits = coHandlingUnits(where);
    where.select(columns() + where.sql + order(filter, where)).query((RowCallbackHandler) rs -> {
      rows.add(row(rs, 0));
      if (rows.size() == chunk) {
        consumer.accept(completed(rows, coUnits, Map.of()));
        rows.clear();
      }
    });
    if (!rows.isEmpty()) {
      consumer.accept(completed(rows, coUnits, Map.of()));
    }
  }

  /** Whether the item is in the user's scope: else it does not exist for him. */
  boolean visible(LedgerScope scope, String itemId) {
    Where where = where(scope, LedgerFilter.NONE);
    return where.select("select count(*) from item i where i.id = :itemId and " + where.sql)
        .param("itemId", itemId).query(Long.class).single() > 0;
  }

  /** The sessions and units the filters offer: those of the user's items. */
  List<String> sessions(LedgerScope scope) {
    Where where = where(scope, LedgerFilter.NONE);
    return where.select("select distinct i.session_name from item i where " + where.sql + " order by i.session_name")
        .query(String.class).list();
  }

  private static String columns() {
    return """
        select i.id, i.item_number, i.session_name, i.kind, i.title, i.proposer_name, i.lead_unit_id, i.status,
          i.handling_round, i.assigned_on, i.reply_due, i.key_item, i.satisfaction,
          (select r.category from reply r where r.item_id = i.id and r.round = i.handling_round) as category,
          (select group_concat(c.name order by c.position separator '、') from item_co_signer c where c.item_id = i.id)
            as co_signers
        from item i where\s""";  // \s: a text block drops trailing spaces, and "where1 = 0" failed for a user of no unit
  }

  private static String order(LedgerFilter filter, Where where) {
    if (filter.sort() == null && filter.q() != null) {
      List<?> found = (List<?>) where.params.get("found");
      return " order by case when i.item_number = :number then 0 else 1 end"
          + (found.isEmpty() ? "" : ", field(i.id, :found)") + ", i.created_at desc, i.id";
    }
    if (filter.sort() == null) {
      return " order by i.created_at desc, i.id";
    }
    return " order by " + SORTS.get(filter.sort()) + (filter.descending() ? " desc" : " asc") + ", i.id";
  }

  private Where where(LedgerScope scope, LedgerFilter filter) {
    Where where = new Where();
    List<String> visibility = new ArrayList<>();
    if (!scope.officeIds().isEmpty()) {
      visibility.add("i.assigning_office_id in (:offices)");
      where.params.put("offices", List.copyOf(scope.officeIds()));
    }
    if (!scope.unitIds().isEmpty()) {
      visibility.add("(i.status not in (:unassigned) and (i.lead_unit_id in (:units) or exists (select 1 from item_co_unit s"
          + " where s.item_id = i.id and s.unit_id in (:units))))");
      where.params.put("unassigned", UNASSIGNED);
      where.params.put("units", List.copyOf(scope.unitIds()));
    }
    where.and(visibility.isEmpty() ? "1 = 0" : "(" + String.join(" or ", visibility) + ")");
    if (filter.q() != null) {
      // The number itself straight from the table: an item registered a moment ago, not yet in the index, is found.
      List<String> found = search.items(filter.q(), scope.readers());
      where.and("(i.item_number = :number" + (found.isEmpty() ? "" : " or i.id in (:found)") + ")");
      where.params.put("number", filter.q().replaceFirst("^第", "").replaceFirst("号$", ""));
      where.params.put("found", found);
    }
    where.equal("i.session_name", "session", filter.session());
    where.equal("i.kind", "kind", filter.kind() == null ? null : filter.kind().name());
    where.equal("i.status", "stage", filter.stage() == null ? null : filter.stage().name());
    where.equal("i.satisfaction", "satisfaction", filter.satisfaction() == null ? null : filter.satisfaction().name());
    if (filter.unit() != null) {
      where.and("(i.lead_unit_id = :unit or exists (select 1 from item_co_unit f where f.item_id = i.id and f.unit_id = :unit))");
      where.params.put("unit", filter.unit());
    }
    LocalDate today = EngineClock.today();
    if (filter.overdue()) {
      where.and("i.status in (:owing) and i.reply_due < :today");
      where.params.put("owing", OWING);
      where.params.put("today", today);
    }
    if (filter.dueWithin() != null) {
      where.and("i.status in (:owing) and i.reply_due >= :today and i.reply_due <= :dueBy");
      where.params.put("owing", OWING);
      where.params.put("today", today);
      where.params.put("dueBy", deadlines.calendar().addWorkingDays(today, filter.dueWithin()));
    }
    if (filter.keyOnly()) {
      where.and("i.key_item = true");
    }
    if ("open".equals(filter.state())) {
      where.and("i.status not in (:finished)");
      where.params.put("finished", FINISHED);
    } else if ("closed".equals(filter.state())) {
      where.and("i.status in (:finished)");
      where.params.put("finished", FINISHED);
    }
    return where;
  }

  private LedgerRow row(ResultSet rs, int rowNumber) throws SQLException {
    ItemStatus status = ItemStatus.valueOf(rs.getString("status"));
    LocalDate due = rs.getObject("reply_due", LocalDate.class);
    boolean owing = OWING.contains(status.name()) && due != null;
    Integer left = owing ? deadlines.calendar().workingDaysBetween(EngineClock.today(), due) : null;
    ItemKind kind = ItemKind.valueOf(rs.getString("kind"));
    LedgerRow.Mark mark = !owing ? null : due.isBefore(EngineClock.today()) ? LedgerRow.Mark.RED
        : !EngineClock.today().isBefore(yellowWarningOn(kind, due)) ? LedgerRow.Mark.YELLOW : null;
    String satisfaction = rs.getString("satisfaction");
    return new LedgerRow(rs.getString("id"), rs.getString("item_number"), rs.getString("session_name"),
        kind, rs.getString("title"), rs.getString("proposer_name"), rs.getString("co_signers"),
        directory.nameOf(rs.getString("lead_unit_id")), List.of(), status, rs.getInt("handling_round"),
        rs.getObject("assigned_on", LocalDate.class), due, left, mark, rs.getBoolean("key_item"),
        rs.getString("category"), satisfaction == null ? null : Satisfaction.valueOf(satisfaction), null);
  }

  /**
   * The day the process gives the yellow card, as its timer computes it (the kind's own setting): the
   * item's other fields play no part in it.
   */
  private LocalDate yellowWarningOn(ItemKind kind, LocalDate replyDue) {
    return deadlines.yellowWarningOn(new Item(null, null, null, null, kind, null, null, null, List.of(), null, null, false,
        null, null, null, null, null, false, null, replyDue, null, 1, null, null, null, null));
  }

  private List<LedgerRow> completedOnPage(List<LedgerRow> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<String, List<String>> coUnits = new HashMap<>();
    jdbc.sql("select item_id, unit_id from item_co_unit where item_id in (:ids) order by unit_id")
        .param("ids", rows.stream().map(LedgerRow::id).toList())
        .query((RowCallbackHandler) rs -> {
          coUnits.computeIfAbsent(rs.getString("item_id"), id -> new ArrayList<>()).add(rs.getString("unit_id"));
        });
    return completed(rows, coUnits, deliveryFailures(rows));
  }

  /** Why the reply of each 送达失败 row on the page has not left: its last recorded failure. */
  private Map<String, String> deliveryFailures(List<LedgerRow> rows) {
    List<String> failed = rows.stream().filter(row -> row.status() == ItemStatus.DELIVERY_FAILED).map(LedgerRow::id).toList();
    Map<String, String> reasons = new HashMap<>();
    if (!failed.isEmpty()) {
      jdbc.sql("select item_id, summary from item_event where item_id in (:ids) and kind = :kind order by id")
          .param("ids", failed).param("kind", ItemEventKind.DELIVERY_FAILED.name())
          .query((RowCallbackHandler) rs -> {
            reasons.put(rs.getString("item_id"), rs.getString("summary"));
          });
    }
    return reasons;
  }

  private Map<String, List<String>> coHandlingUnits(Where where) {
    Map<String, List<String>> coUnits = new HashMap<>();
    where.select("select c.item_id, c.unit_id from item_co_unit c join item i on i.id = c.item_id where " + where.sql
        + " order by c.unit_id").query((RowCallbackHandler) rs -> {
          coUnits.computeIfAbsent(rs.getString("item_id"), id -> new ArrayList<>()).add(rs.getString("unit_id"));
        });
    return coUnits;
  }

  private List<LedgerRow> completed(List<LedgerRow> rows, Map<String, List<String>> coUnits,
                                    Map<String, String> deliveryFailures) {
    return rows.stream().map(row -> new LedgerRow(row.id(), row.number(), row.sessionName(), row.kind(), row.title(),
        row.proposer(), row.coSigners(), row.leadUnit(), coUnits.getOrDefault(row.id(), List.of()).stream().map(directory::nameOf).toList(),
        row.status(), row.round(), row.assignedOn(), row.replyDue(), row.workingDaysLeft(), row.mark(), row.keyItem(),
        row.category(), row.satisfaction(), deliveryFailures.get(row.id()))).toList();
  }

  /** The conditions of one query and their parameters. */
  private final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private String sql = "";

    void and(String condition) {
      conditions.add(condition);
      sql = String.join(" and ", conditions);
    }

    void equal(String column, String name, String value) {
      if (value != null) {
        and(column + " = :" + name);
        params.put(name, value);
      }
    }

    JdbcClient.StatementSpec select(String statement) {
      return jdbc.sql(statement.endsWith("where ") ? statement + sql : statement).params(params);
    }
  }
}
