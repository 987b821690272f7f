package org.proposalhandling.statistics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.statistics.internal.Figure.Stages;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statistics' queries: GROUP BY in the database over the items of the user's scope and filter, one row per
 * session and unit, stage, day or satisfaction, never a row per item into Java. Each item is looked at once, its replies,
 * feedback and requests by their primary keys (see changeset 012).
 */
@Repository
class StatisticsQuery {

  /** One row per item, with what the figures count about it; {@link Figure} aggregates these as "t". */
  private static final String PER_ITEM = """
      select i.session_name, case when i.status in (%s) then '' else coalesce(i.lead_unit_id, '') end as holder, i.status, i.reply_due, i.handling_round, i.satisfaction,
        case when exists (select 1 from item_co_unit c where c.item_id = i.id) then 1 else 0 end as co,
        case when exists (select 1 from reply r where r.item_id = i.id and r.signed_at is not null) then 1 else 0 end as signed,
        case when exists (select 1 from reply r where r.item_id = i.id and r.delivered_at is not null) then 1 else 0 end as delivered,
        (select r.category from reply r where r.item_id = i.id and r.delivered_at is not null and not exists (
          select 1 from reply n where n.item_id = r.item_id and n.round > r.round and n.delivered_at is not null)) as category,
        (select count(*) from deadline_request d where d.item_id = i.id and d.type = 'EXTENSION' and d.approved = true) as extensions,
        (select count(*) from deadline_request d where d.item_id = i.id and d.type = 'REASSIGNMENT' and d.approved = true) as reassignments,
        f.on_time as first_on_time
      from item i left join stat_reply_due f on f.item_id = i.id and f.round = 1""".formatted(Figure.names(Stages.UNASSIGNED));

  private static final String FIGURES = Arrays.stream(Figure.values()).map(Figure::select)
      .collect(Collectors.joining(", "));

  private final JdbcClient jdbc;

  StatisticsQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The sessions of the user's items, for the selector. */
  List<String> sessions(StatisticsScope scope) {
    Where where = items(scope, new StatisticsFilter(null, null, null, null));
    return where.query("select distinct i.session_name from item i where " + where + " order by i.session_name")
        .query(String.class).list();
  }

  /** The figures per session, and per handling unit (the items it leads, then co-handles and asked for). */
  record Figures(Map<String, Tally> bySession, Map<String, Tally> byUnit) {
  }

  /**
   * Both tables' figures. The per-item part, the costly one, is grouped once by session and by the unit that
   * holds the item ("" when none does): the figures are sums, so a session's are the sum of its units', and a
   * unit's the sum over its sessions.
   */
  Figures figures(StatisticsScope scope, StatisticsFilter filter) {
    Map<String, List<Tally>> sessions = new TreeMap<>();
    Map<String, List<Tally>> led = new TreeMap<>();
    List<String> rowUnits = rowUnits(scope, filter);
    Where where = items(scope, filter);
    where.query("select t.session_name, t.holder, " + FIGURES + " from (" + PER_ITEM + " where " + where
            + ") t group by t.session_name, t.holder")
        .param("today", EngineClock.today())
        .query((RowCallbackHandler) rs -> {
          Tally tally = tally(rs);
          String unit = rs.getString("holder");
          sessions.computeIfAbsent(rs.getString("session_name"), session -> new ArrayList<>()).add(tally);
          if (!unit.isEmpty() && (rowUnits == null || rowUnits.contains(unit))) {
            led.computeIfAbsent(unit, u -> new ArrayList<>()).add(tally);
          }
        });
    Map<String, Tally> bySession = new LinkedHashMap<>();
    sessions.forEach((session, tallies) -> bySession.put(session, Tally.sum(tallies)));
    return new Figures(bySession, byUnit(scope, filter, rowUnits, led));
  }

  /**
   * The figures per handling unit: those of the items it leads, how many it co-handles, and the extensions and
   * reassignments it asked for and was granted (a reassigned item is no longer its own, the request still is).
   */
  private Map<String, Tally> byUnit(StatisticsScope scope, StatisticsFilter filter, List<String> rowUnits,
                                    Map<String, List<Tally>> led) {
    Map<String, Tally> units = new TreeMap<>();
    // Co-handling counts for the co-handling unit, requests for the unit that made them (below), neither for the
    // item's lead unit.
    led.forEach((unit, tallies) -> units.put(unit,
        Tally.sum(tallies).with(Figure.CO_HANDLED, 0).with(Figure.EXTENSIONS, 0).with(Figure.REASSIGNMENTS, 0)));

    Where coHandled = items(scope, filter).and("i.status not in (" + Figure.names(Stages.UNASSIGNED) + ")");
    if (rowUnits != null) {
      coHandled.and("c.unit_id in (:rowUnits)").param("rowUnits", rowUnits);
    }
    coHandled.query("select c.unit_id, count(*) as n from item_co_unit c join item i on i.id = c.item_id where "
            + coHandled + " group by c.unit_id")
        .query((RowCallbackHandler) rs -> units.merge(rs.getString("unit_id"),
            Tally.empty().with(Figure.CO_HANDLED, rs.getLong("n")),
            (tally, co) -> tally.with(Figure.CO_HANDLED, co.get(Figure.CO_HANDLED))));

    Where granted = requests(scope, filter);
    if (rowUnits != null) {
      granted.and("d.unit_id in (:rowUnits)").param("rowUnits", rowUnits);
    }
    granted.query("select d.unit_id, d.type, count(*) as n from deadline_request d join item i on i.id = d.item_id where "
            + granted + " group by d.unit_id, d.type")
        .query((RowCallbackHandler) rs -> {
          Figure figure = "EXTENSION".equals(rs.getString("type")) ? Figure.EXTENSIONS : Figure.REASSIGNMENTS;
          units.merge(rs.getString("unit_id"), Tally.empty().with(figure, rs.getLong("n")),
              (tally, request) -> tally.with(figure, request.get(figure)));
        });
    return units;
  }

  /**
   * Each proposer's answer to the latest round of each item whose result was taken (that round has the lead
   * proposer's row, person 0, written when the result is taken), counted per satisfaction.
   */
  Persons persons(StatisticsScope scope, StatisticsFilter filter) {
    Where where = items(scope, filter);
    Map<Satisfaction, Long> leads = new EnumMap<>(Satisfaction.class);
    Map<Satisfaction, Long> coSigners = new EnumMap<>(Satisfaction.class);
    where.query("select a.person = 0 as lead, a.satisfaction, count(*) as n from feedback_answer a join item i on i.id = a.item_id"
            + " where " + where
            + " and a.round = (select max(l.round) from feedback_answer l where l.item_id = a.item_id and l.person = 0)"
            + " group by a.person = 0, a.satisfaction")
        .query((RowCallbackHandler) rs -> (rs.getBoolean("lead") ? leads : coSigners)
            .put(Satisfaction.valueOf(rs.getString("satisfaction")), rs.getLong("n")));
    return new Persons(new PersonTally(leads), new PersonTally(coSigners));
  }

  /** The answers of the lead proposers, and those of the co-signers. */
  record Persons(PersonTally leads, PersonTally coSigners) {
  }

  /** How many items stand in each stage, per lead unit ("" for the items no unit holds). */
  Map<String, Map<ItemStatus, Long>> stagesByUnit(StatisticsScope scope, StatisticsFilter filter) {
    Where where = items(scope, filter);
    Map<String, Map<ItemStatus, Long>> stages = new TreeMap<>();
    where.query("select t.unit_id, t.status, count(*) as n from (select case when i.status in ("
            + Figure.names(Stages.UNASSIGNED) + ") then '' else i.lead_unit_id end as unit_id, i.status from item i where "
            + where + ") t group by t.unit_id, t.status")
        .query((RowCallbackHandler) rs -> stages.computeIfAbsent(rs.getString("unit_id"), unit -> new EnumMap<>(ItemStatus.class))
            .put(ItemStatus.valueOf(rs.getString("status")), rs.getLong("n")));
    return stages;
  }

  /** Replies delivered per day, and replies due per day: those delivered (their due date then) and those owed. */
  Days days(StatisticsScope scope, StatisticsFilter filter) {
    Where where = items(scope, filter);
    Map<LocalDate, Long> delivered = perDay(where, "select sr.delivered_on as on_day, count(*) as n from stat_reply_due sr"
        + " join item i on i.id = sr.item_id where " + where + " group by sr.delivered_on");
    Map<LocalDate, Long> due = perDay(where, "select sr.reply_due as on_day, count(*) as n from stat_reply_due sr"
        + " join item i on i.id = sr.item_id where " + where + " group by sr.reply_due");
    perDay(where, "select i.reply_due as on_day, count(*) as n from item i where " + where + " and i.status in ("
        + Figure.names(Stages.OWING) + ") and i.reply_due is not null group by i.reply_due")
        .forEach((day, n) -> due.merge(day, n, Long::sum));
    return new Days(delivered, due);
  }

  record Days(Map<LocalDate, Long> delivered, Map<LocalDate, Long> due) {
  }

  private Map<LocalDate, Long> perDay(Where where, String sql) {
    Map<LocalDate, Long> days = new TreeMap<>();
    where.query(sql).query((RowCallbackHandler) rs -> days.put(rs.getObject("on_day", LocalDate.class), rs.getLong("n")));
    return days;
  }

  private static Tally tally(ResultSet rs) throws SQLException {
    Map<Figure, Long> counts = new EnumMap<>(Figure.class);
    for (Figure figure : Figure.values()) {
      counts.put(figure, rs.getLong(figure.name()));
    }
    return new Tally(counts);
  }

  /** The rows the table by unit shows: all units of the office's items, else the user's units, or the one asked for. */
  private static List<String> rowUnits(StatisticsScope scope, StatisticsFilter filter) {
    if (filter.unit() != null) {
      return List.of(filter.unit());
    }
    return scope.office() ? null : List.copyOf(scope.unitIds());
  }

  /** The items the user may count, narrowed by the filter. */
  private Where items(StatisticsScope scope, StatisticsFilter filter) {
    Where where = new Where();
    if (scope.office()) {
      where.and("i.assigning_office_id = :office").param("office", scope.officeId());
    } else {
      where.and(heldBy("i.lead_unit_id in (:units)", "s.unit_id in (:units)")).param("units", List.copyOf(scope.unitIds()));
    }
    return narrowed(where, filter, true);
  }

  /** The granted requests the user may count: the office's, or those his unit made, on items of the filter. */
  private Where requests(StatisticsScope scope, StatisticsFilter filter) {
    Where where = new Where().and("d.approved = true");
    if (scope.office()) {
      where.and("i.assigning_office_id = :office").param("office", scope.officeId());
    } else {
      where.and("d.unit_id in (:units)").param("units", List.copyOf(scope.unitIds()));
    }
    if (filter.unit() != null) {
      where.and("d.unit_id = :unit").param("unit", filter.unit());
    }
    return narrowed(where, filter, false);
  }

  private static Where narrowed(Where where, StatisticsFilter filter, boolean byUnit) {
    if (filter.session() != null) {
      where.and("i.session_name = :session").param("session", filter.session());
    }
    if (filter.from() != null) {
      where.and("i.created_at >= :from").param("from", startOf(filter.from()));
    }
    if (filter.to() != null) {
      where.and("i.created_at < :to").param("to", startOf(filter.to().plusDays(1)));
    }
    if (byUnit && filter.unit() != null) {
      where.and(heldBy("i.lead_unit_id = :unit", "s.unit_id = :unit")).param("unit", filter.unit());
    }
    return where;
  }

  /** Items a unit holds: assigned, and led or co-handled by it (the same rule as the ledger's). */
  private static String heldBy(String lead, String coHandling) {
    return "(i.status not in (" + Figure.names(Stages.UNASSIGNED) + ") and (" + lead
        + " or exists (select 1 from item_co_unit s where s.item_id = i.id and " + coHandling + ")))";
  }

  /** The first moment of a day in Beijing, as the database holds instants (see ItemHistory). */
  private static Timestamp startOf(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(EngineClock.zone()).toInstant());
  }

  /** A conjunction of conditions with its named parameters. */
  private final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    Where and(String condition) {
      conditions.add(condition);
      return this;
    }

    Where param(String name, Object value) {
      params.put(name, value);
      return this;
    }

    JdbcClient.StatementSpec query(String sql) {
      return jdbc.sql(sql).params(params);
    }

    @Override
    public String toString() {
      return String.join(" and ", conditions);
    }
  }
}
